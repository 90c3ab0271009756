// Reads a stored text off the reader page's thread (reading/read.ts): recognition over a megabyte, the outline, and
// the fuzzy re-anchoring of orphans (a few milliseconds per 100,000 characters each) would otherwise hold the page.
import { readStoredText, type StoredReading, type StoredTextInput } from '../reading/read';

export type ReadingWorkerReply = { type: 'done'; reading: StoredReading } | { type: 'failed'; message: string };

const post = (reply: ReadingWorkerReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (event: MessageEvent<StoredTextInput>) => {
  try {
    post({ type: 'done', reading: await readStoredText(event.data) });
  } catch (e) {
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
};
