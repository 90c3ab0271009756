// Recognised spans drawn with the CSS Custom Highlight API: the page's DOM is never touched, and a highlight
// costs nothing when it is switched off. One Highlight per category, one Range per span (tests read them).
import type { Category, CategorySwitches, Match } from '../recognition/types';
import { rangeFor, type TextMap } from './text-map';

export const HIGHLIGHT_NAMES: Record<Category, string> = {
  docno: 'pizhu-docno',
  figure: 'pizhu-figure',
  date: 'pizhu-date',
};

/**
 * Matches that follow another of their category with nothing between (9项13条) are also in this one, drawn a shade
 * darker on top: two spans side by side read as two, not as one long highlight.
 */
export const ADJACENT_HIGHLIGHT = 'pizhu-adjacent';

/**
 * Ranges for each match, built once per scan (switching categories only re-registers them), with a pause every
 * few hundred: a megabyte report has thousands of figures.
 */
export async function rangesFor(map: TextMap, matches: Match[], pause: () => Promise<void>): Promise<Range[]> {
  const ranges: Range[] = [];
  for (const m of matches) {
    ranges.push(rangeFor(map, m.start, m.end));
    if ((ranges.length & 255) === 0) await pause();
  }
  return ranges;
}

export function paintHighlights(matches: Match[], ranges: Range[], on: CategorySwitches): void {
  const registry = CSS.highlights;
  const adjacent = new Highlight();
  adjacent.priority = 1;
  for (const category of Object.keys(HIGHLIGHT_NAMES) as Category[]) {
    const name = HIGHLIGHT_NAMES[category];
    if (!on[category]) {
      registry.delete(name);
      continue;
    }
    const highlight = new Highlight();
    let previousEnd = -1;
    matches.forEach((m, i) => {
      if (m.category !== category) return;
      highlight.add(ranges[i]);
      if (m.start === previousEnd) adjacent.add(ranges[i]);
      previousEnd = m.end;
    });
    registry.set(name, highlight);
  }
  if (adjacent.size) registry.set(ADJACENT_HIGHLIGHT, adjacent);
  else registry.delete(ADJACENT_HIGHLIGHT);
}

export function clearHighlights(): void {
  for (const name of [...Object.values(HIGHLIGHT_NAMES), ADJACENT_HIGHLIGHT]) CSS.highlights.delete(name);
}
