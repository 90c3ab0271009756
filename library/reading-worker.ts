// Reads a stored text off the reader page's thread (reading/read.ts): recognition over a megabyte, the outline, and
// the fuzzy re-anchoring of orphans (a few milliseconds per 100,000 characters each) would otherwise hold the page.
// The reading goes back in parts (reading-parts.ts).
import { readStoredText, type StoredTextInput } from '../reading/read';
import { readingParts, type ReadingPart } from './reading-parts';

export type ReadingWorkerReply = ReadingPart | { type: 'failed'; message: string };

const post = (reply: ReadingWorkerReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<StoredTextInput>) => {
  try {
    for (const part of readingParts(await readStoredText(event.data))) post(part);
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
