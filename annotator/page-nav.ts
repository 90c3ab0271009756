// Moving between a page's annotations and seeing where they are: which one "next" and "previous" go to, and the
// marks of the overview bar at the window's edge. Pure: the page side measures (tops of passages, heights) and
// passes numbers in.

/** One annotated passage, in document order, measured where the page side drew it. */
export interface Placed {
  id: string;
  /** Top of the passage (px): in the viewport for stepTo, on the whole document for buckets. */
  top: number;
}

/**
 * The annotation `step` (+1 next, −1 previous) goes to, or undefined when the page has none. From the one last gone
 * to while it is still in view; otherwise from the viewport: next is the first passage below its top edge, previous
 * the last above it. At either end it wraps around, as a find bar does.
 */
export function stepTo(placed: readonly Placed[], current: string | undefined, step: 1 | -1, viewportHeight: number): string | undefined {
  if (placed.length === 0) return undefined;
  const at = placed.findIndex((p) => p.id === current);
  if (at >= 0 && placed[at].top >= 0 && placed[at].top < viewportHeight) {
    return placed[(at + step + placed.length) % placed.length].id;
  }
  // A passage a pixel or two above the edge is the one just scrolled to (rounding): it counts as in view.
  if (step === 1) return (placed.find((p) => p.top > 2) ?? placed[0]).id;
  const above = placed.filter((p) => p.top < -2);
  return (above[above.length - 1] ?? placed[placed.length - 1]).id;
}

/** A mark on the overview bar: one annotation, or a bucket of ones too close to tell apart. */
export interface Bucket {
  /** Distance from the bar's top (px). */
  y: number;
  /** In document order; a click goes to the first. */
  ids: string[];
}

/**
 * The overview bar's marks: each passage at its place on the whole document (`top` in document coordinates, px)
 * scaled to a bar `barHeight` px high; passages closer than `gap` px on the bar share one mark, at its first one.
 */
export function buckets(placed: readonly Placed[], documentHeight: number, barHeight: number, gap = 6): Bucket[] {
  const out: Bucket[] = [];
  if (documentHeight <= 0 || barHeight <= 0) return out;
  const sorted = [...placed].sort((a, b) => a.top - b.top);
  for (const p of sorted) {
    const y = Math.min(barHeight, Math.max(0, (p.top / documentHeight) * barHeight));
    const last = out[out.length - 1];
    if (last && y - last.y < gap) last.ids.push(p.id);
    else out.push({ y, ids: [p.id] });
  }
  return out;
}
