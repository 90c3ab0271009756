// Edit distances for judging candidate anchors. The quote is compared whole against a candidate region; the stored
// prefix and suffix are compared flush against the candidate's edges, with the far end free, so that text inserted
// or removed inside the context costs what it changed rather than misaligning everything after it.

/**
 * Levenshtein distance between a and b, or `max + 1` as soon as it is known to exceed `max`. Only the diagonal band
 * of width 2·max+1 is computed, so comparing a long paragraph with a lightly edited copy stays cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.max(n, m);
  const over = max + 1;
  let prev = new Int32Array(m + 1).fill(over);
  let curr = new Int32Array(m + 1).fill(over);
  for (let j = 0; j <= Math.min(m, max); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    // Cells left of the band (or column 0) must read as out of reach, not as what an earlier row left there.
    curr[lo - 1] = lo === 1 && i <= max ? i : over;
    let rowMin = curr[lo - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1), prev[j] + 1, curr[j - 1] + 1);
      curr[j] = v < over ? v : over;
      if (curr[j] < rowMin) rowMin = curr[j];
    }
    if (rowMin > max) return over;
    [prev, curr] = [curr, prev];
  }
  return prev[m];
}

export interface FlushAlignment {
  errors: number;
  /** How many code units of the text the pattern covers, counted from the boundary. */
  extent: number;
}

/**
 * Aligns `pattern` against `text` so that it ends exactly at `boundary` ('before') or starts exactly there ('after'),
 * its other end free. Ties prefer the extent closest to the pattern's own length. Text missing past the ends of
 * `text` counts as errors.
 */
export function alignFlush(pattern: string, text: string, boundary: number, side: 'before' | 'after'): FlushAlignment {
  const m = pattern.length;
  if (m === 0) return { errors: 0, extent: 0 };
  const slack = (m >> 2) + 2;
  const n = side === 'before' ? Math.min(boundary, m + slack) : Math.min(text.length - boundary, m + slack);
  // Index 0 is the unit next to the boundary on both strings; we walk away from it.
  const p = (i: number) => (side === 'before' ? pattern.charCodeAt(m - 1 - i) : pattern.charCodeAt(i));
  const t = (j: number) => (side === 'before' ? text.charCodeAt(boundary - 1 - j) : text.charCodeAt(boundary + j));
  let prev = new Int32Array(n + 1);
  let curr = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    curr[0] = i;
    const pc = p(i - 1);
    for (let j = 1; j <= n; j++) {
      curr[j] = Math.min(prev[j - 1] + (pc === t(j - 1) ? 0 : 1), prev[j] + 1, curr[j - 1] + 1);
    }
    [prev, curr] = [curr, prev];
  }
  let best = { errors: prev[0], extent: 0 };
  for (let j = 1; j <= n; j++) {
    const better =
      prev[j] < best.errors || (prev[j] === best.errors && Math.abs(j - m) < Math.abs(best.extent - m));
    if (better) best = { errors: prev[j], extent: j };
  }
  return best;
}
