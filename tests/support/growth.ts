// How a cost grows with the size of the input, for the linear-time tests: the least CPU time of a few runs at a
// quarter size against the full size. Linear work grows ×4, quadratic ×16; the tests put the bound at ×8. CPU time
// (process.cpuUsage), not the wall clock: on a loaded machine the wall clock also counts other processes' turns.

/** CPU milliseconds (user and system) that `work` took. */
export function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

/** The least CPU time of `runs` calls, after one call that warms the JIT up on this shape and size. */
export function leastCpuMs(work: () => void, runs = 3): number {
  work();
  let best = Infinity;
  for (let r = 0; r < runs; r++) best = Math.min(best, cpuMs(work));
  return best;
}

/** The cost of `full` and of `quarter` (a quarter of its size). */
export function growth(quarter: () => void, full: () => void, runs = 3): { quarter: number; full: number } {
  return { quarter: leastCpuMs(quarter, runs), full: leastCpuMs(full, runs) };
}
