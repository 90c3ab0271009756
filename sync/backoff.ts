// How long replication waits before trying the server again after a failure. PouchDB calls this with the previous
// wait (0 the first time). Doubling from one second keeps a server that is down from being hammered, and the cap
// keeps the promise that sync resumes within 30 seconds of the server answering again: the next try is at most
// MAX_RETRY_MS away, and a try takes a request's time.
export const FIRST_RETRY_MS = 1000;
export const MAX_RETRY_MS = 20_000;

export function nextRetryDelay(previous: number): number {
  if (!Number.isFinite(previous) || previous <= 0) return FIRST_RETRY_MS;
  return Math.min(MAX_RETRY_MS, previous * 2);
}
