// Study mode on the page: the report's parts drawn as CSS highlights, and a part scrolled to on request. Clearing
// is cheap and lives here too, so that the content script can take the drawing off (Pizhu turned off for the site)
// without loading study mode's code.
import { PART_CLASSES, partClass } from '../study/part-class';
import type { OutlineNode } from '../study/types';
import type { StudyView } from '../study/view';
import { revealRange } from './reveal';
import { rangeFor, type TextMap } from './text-map';

/** The CSS highlight name a node is drawn under (study.css gives each its colour; the panel's swatches match). */
export function outlineHighlightName(node: Pick<OutlineNode, 'kind' | 'level'>): string {
  return `pizhu-outline-${partClass(node)}`;
}

/** Every name drawOutline may register, so that switching off removes them all whatever the page held. */
export const OUTLINE_HIGHLIGHT_NAMES: string[] = PART_CLASSES.map((c) => `pizhu-outline-${c}`);

/** The part the panel just scrolled to, marked for a moment. */
const FOCUS = 'pizhu-study-focus';

function walk(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children)]);
}

export function clearOutline(): void {
  for (const name of OUTLINE_HIGHLIGHT_NAMES) CSS.highlights.delete(name);
  CSS.highlights.delete(FOCUS);
}

/**
 * Draws the outline's parts on the page (on) or takes them off (off), one Highlight per kind or heading level.
 * A part whose offsets no longer fit the page (the page changed under the scan) is skipped rather than failing the
 * rest. Returns the number of parts drawn.
 */
export function drawOutline(map: TextMap, view: StudyView, on: boolean): number {
  clearOutline();
  if (!on) return 0;
  const groups = new Map<string, Range[]>();
  for (const node of walk(view.outline.nodes)) {
    if (node.end <= node.start) continue;
    let range: Range;
    try {
      range = rangeFor(map, node.start, node.end);
    } catch {
      continue;
    }
    const name = outlineHighlightName(node);
    const list = groups.get(name);
    if (list) list.push(range);
    else groups.set(name, [range]);
  }
  let drawn = 0;
  for (const [name, ranges] of groups) {
    CSS.highlights.set(name, new Highlight(...ranges));
    drawn += ranges.length;
  }
  return drawn;
}

/**
 * Scrolls the page to text[start, end) and marks it for two seconds. An empty span (where a missing part would
 * stand) scrolls to its place without a mark. Returns false when the span is not on the page.
 */
export function revealSpan(map: TextMap, start: number, end: number): boolean {
  if (!(start >= 0 && end >= start && end <= map.text.length) || map.nodes.length === 0) return false;
  let range: Range;
  try {
    range = rangeFor(map, start, end);
  } catch {
    return false;
  }
  return revealRange(range, FOCUS);
}
