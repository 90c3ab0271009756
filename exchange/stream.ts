// Exports of 100,000 annotations run in an extension page: they work in batches so that the caller can
// report progress, let the page breathe between batches (an async onProgress is awaited) and cancel.

export type Source<T> = Iterable<T> | AsyncIterable<T>;

export interface StreamOptions {
  /** Rows per batch; each batch becomes one output chunk. */
  batchSize?: number;
  /** Checked before every batch; an aborted signal rejects with its reason. */
  signal?: AbortSignal;
  /** Called after every batch with the number of rows done so far; a returned promise is awaited. */
  onProgress?: (done: number) => void | Promise<void>;
}

export const DEFAULT_BATCH_SIZE = 2000;

export async function* batches<T>(source: Source<T>, options: StreamOptions = {}): AsyncGenerator<T[]> {
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  let batch: T[] = [];
  let done = 0;
  const flush = async function* () {
    options.signal?.throwIfAborted();
    const full = batch;
    batch = [];
    yield full;
    done += full.length;
    await options.onProgress?.(done);
  };
  options.signal?.throwIfAborted();
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) yield* flush();
  }
  if (batch.length > 0) yield* flush();
}

export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts.join('');
}
