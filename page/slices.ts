// Long work in slices, so that the page stays responsive: no task of ours should run past ~10 ms.

type SchedulerLike = { yield?: () => Promise<void> };

/** Gives the main thread back to the page (input, rendering) and resumes soon after. */
export function pause(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A pause that only yields once `budgetMs` of work has passed since the last yield. */
export function budgetedPause(budgetMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await pause();
    since = performance.now();
  };
}
