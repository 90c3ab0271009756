// Reads a stored text off the reader page's thread (reading/read.ts): recognition over a megabyte, the outline, and
// the fuzzy re-anchoring of orphans (a few milliseconds per 100,000 characters each) would otherwise hold the page.
// The reading goes back in parts: the page takes each message apart in a task of its own, and a megabyte's
// thousands of matches and lines in one message would be one long task there.
import { readStoredText, type StoredReading, type StoredTextInput } from '../reading/read';

export type ReadingWorkerReply =
  | { type: 'matches'; items: StoredReading['matches'] }
  | { type: 'lines'; items: StoredReading['lines'] }
  | { type: 'done'; rest: Omit<StoredReading, 'matches' | 'lines'> }
  | { type: 'failed'; message: string };

/** Items per message: a few milliseconds' structured cloning each. */
export const READING_BATCH = 2000;

const post = (reply: ReadingWorkerReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<StoredTextInput>) => {
  try {
    const { matches, lines, ...rest } = await readStoredText(event.data);
    for (let i = 0; i < matches.length; i += READING_BATCH) post({ type: 'matches', items: matches.slice(i, i + READING_BATCH) });
    for (let i = 0; i < lines.length; i += READING_BATCH) post({ type: 'lines', items: lines.slice(i, i + READING_BATCH) });
    post({ type: 'done', rest });
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
