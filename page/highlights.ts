// Recognised spans drawn with the CSS Custom Highlight API: the page's DOM is never touched, and a highlight
// costs nothing when it is switched off. One Highlight per category, one Range per span (tests read them).
import type { Category, CategorySwitches, Match } from '../recognition/types';
import { Meter, type Slicer } from './slices';
import { TextCursor, type TextMap } from './text-map';

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
 * Ranges for each match, built once per scan (switching categories only re-registers the highlights), in slices: a
 * megabyte report has thousands of figures, and a page of a hundred thousand tiny elements makes every range dear
 * (the browser finds a boundary's place by walking the siblings before it).
 */
export async function rangesFor(map: TextMap, matches: Match[], slicer: Slicer): Promise<MatchRanges> {
  const ranges: Range[] = new Array(matches.length);
  const cursor = new TextCursor(map);
  await slicer.forEach(matches, new Meter(0.01), (m, i) => {
    ranges[i] = cursor.range(m.start, m.end);
  });
  return { ranges, textNodes: cursor.textNodes };
}

export interface MatchRanges {
  /** One per match, in the matches' order. */
  ranges: Range[];
  /** The text nodes they reach into, each range's counted: what drawing them costs (DRAW_MS_PER_TEXT_NODE). */
  textNodes: number;
}

/** One Highlight per category holding its matches' ranges, and the ranges that touch the one before (adjacent). */
export interface Highlights {
  byCategory: Record<Category, Highlight>;
  adjacent: Record<Category, Range[]>;
}

/** Builds the highlights in slices; matches come in document order, so adjacency is one comparison each. */
export async function buildHighlights(matches: Match[], ranges: Range[], slicer: Slicer): Promise<Highlights> {
  const byCategory = { docno: new Highlight(), figure: new Highlight(), date: new Highlight() };
  const adjacent: Record<Category, Range[]> = { docno: [], figure: [], date: [] };
  const previousEnd: Record<Category, number> = { docno: -1, figure: -1, date: -1 };
  await slicer.forEach(matches, new Meter(0.005), (m, i) => {
    byCategory[m.category].add(ranges[i]);
    if (m.start === previousEnd[m.category]) adjacent[m.category].push(ranges[i]);
    previousEnd[m.category] = m.end;
  });
  return { byCategory, adjacent };
}

/**
 * What drawing newly registered highlights costs the browser, ms per text node of their ranges: Chromium rebuilds its
 * markers for every range of every highlight at each change, one marker per text node a range reaches into. Measured
 * here from one frame to the next: 24-25 ms for a 1 MB report's ranges (one node each), 38-40 ms for those of the same
 * report with a <span> around every number (4,750 ranges, two to three nodes each). Per node of the matches' ranges,
 * the adjacent shade's second marker included. What the scan leaves room for before painting (Slicer.leaveRoom).
 */
export const DRAW_MS_PER_TEXT_NODE = 0.005;

/** Shows the categories that are on, hides the others; the adjacent shade only over categories shown. */
export function paintHighlights(highlights: Highlights, on: CategorySwitches): void {
  const registry = CSS.highlights;
  const adjacent = new Highlight();
  adjacent.priority = 1;
  for (const category of Object.keys(HIGHLIGHT_NAMES) as Category[]) {
    const name = HIGHLIGHT_NAMES[category];
    if (!on[category]) {
      registry.delete(name);
      continue;
    }
    registry.set(name, highlights.byCategory[category]);
    for (const range of highlights.adjacent[category]) adjacent.add(range);
  }
  if (adjacent.size) registry.set(ADJACENT_HIGHLIGHT, adjacent);
  else registry.delete(ADJACENT_HIGHLIGHT);
}

export function clearHighlights(): void {
  for (const name of [...Object.values(HIGHLIGHT_NAMES), ADJACENT_HIGHLIGHT]) CSS.highlights.delete(name);
}
