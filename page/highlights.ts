// Recognised spans drawn with the CSS Custom Highlight API: the page's DOM is never touched, and a highlight
// costs nothing when it is switched off. One Highlight per category, one Range per span (tests read them).
import type { Category, Match } from '../recognition/types';
import { Meter, type Slicer } from './slices';
import { TextCursor, type TextMap } from './text-map';

export const HIGHLIGHT_NAMES: Record<Category, string> = {
  docno: 'pizhu-docno',
  figure: 'pizhu-figure',
  date: 'pizhu-date',
};

export type CategorySwitches = Record<Category, boolean>;

/**
 * Ranges for each match, built once per scan (switching categories only re-registers the highlights), in slices: a
 * megabyte report has thousands of figures, and a page of a hundred thousand tiny elements makes every range dear
 * (the browser finds a boundary's place by walking the siblings before it).
 */
export async function rangesFor(map: TextMap, matches: Match[], slicer: Slicer): Promise<Range[]> {
  const ranges: Range[] = new Array(matches.length);
  const cursor = new TextCursor(map);
  await slicer.forEach(matches, new Meter(0.01), (m, i) => {
    ranges[i] = cursor.range(m.start, m.end);
  });
  return ranges;
}

export type Highlights = Record<Category, Highlight>;

/** One Highlight per category holding its matches' ranges, filled in slices. */
export async function buildHighlights(matches: Match[], ranges: Range[], slicer: Slicer): Promise<Highlights> {
  const highlights = { docno: new Highlight(), figure: new Highlight(), date: new Highlight() };
  await slicer.forEach(matches, new Meter(0.005), (m, i) => {
    highlights[m.category].add(ranges[i]);
  });
  return highlights;
}

/** Shows the categories that are on, hides the others. */
export function paintHighlights(highlights: Highlights, on: CategorySwitches): void {
  const registry = CSS.highlights;
  for (const category of Object.keys(HIGHLIGHT_NAMES) as Category[]) {
    const name = HIGHLIGHT_NAMES[category];
    if (on[category]) registry.set(name, highlights[category]);
    else registry.delete(name);
  }
}

export function clearHighlights(): void {
  for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
}
