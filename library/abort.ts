/** Whether a failure is the cancel of `signal` (its reason, or an AbortError raised while it was aborted). */
export function isAbort(e: unknown, signal: AbortSignal | undefined): boolean {
  return !!signal?.aborted && (e === signal.reason || (e as { name?: string })?.name === 'AbortError');
}
