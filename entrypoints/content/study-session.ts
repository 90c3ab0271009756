// Study mode on the page: what a trainee sees of how the report is built, computed from the scan the content
// script already made (no second walk of the page), and drawn on the page only when asked for.
//
// Everything studyOf returns is plain data (strings, numbers, arrays): it crosses to the side panel through
// structured cloning, and every offset is into scan.layout.map.text, so the panel can ask for any part by span.
import { PART_CLASSES, partClass } from '../../components/study/part-class';
import { blocksWithText } from '../../page/layout';
import type { ScanResult } from '../../page/scan';
import { revealRange } from '../../page/reveal';
import { rangeFor, type TextMap } from '../../page/text-map';
import type { PageKind } from '../../model';
import type { DocNumberMatch, FigureMatch } from '../../recognition/types';
import { conventionNotes, type ConventionNote } from '../../study/conventions';
import { citedDocuments, explainDocNumber, type Explanation } from '../../study/docno-explain';
import { figuresBySection, type FigureDistribution } from '../../study/figures-by-section';
import { outlineReport } from '../../study/outline';
import type { Block, Outline, OutlineNode, Span } from '../../study/types';

/** A document number with what its parts mean. */
export interface ExplainedNumber extends Span {
  text: string;
  explanation: Explanation;
}

/** A document the report cites: 《title》, number, or both, and every place it is mentioned. */
export interface CitedEntry {
  title?: string;
  docno?: ExplainedNumber;
  mentions: Span[];
}

export interface StudyView {
  kind: PageKind;
  /** The report's title as the outline reads it (the title line, else the cleaned page title). */
  title: string;
  outline: Outline;
  /** The report's own 发文字号, when it has one: the number it was issued under, not one it cites. */
  own?: ExplainedNumber;
  cited: CitedEntry[];
  notes: ConventionNote[];
  figures: FigureDistribution;
}

function explained(m: DocNumberMatch): ExplainedNumber {
  return { start: m.start, end: m.end, text: m.text, explanation: explainDocNumber(m) };
}

const EMPTY_FIGURES: FigureDistribution = { rows: [], outside: 0, total: 0 };

/**
 * The study view of a scanned page. Pages that are neither report nor document get an empty view (their kind says
 * why): the scan recognised nothing there, and an outline of a shop page would teach nothing.
 */
export function studyOf(scan: ScanResult): StudyView {
  const { layout, matches, kind } = scan;
  const text = layout.map.text;
  if (kind === 'none') {
    return { kind, title: layout.title, outline: { title: layout.title, nodes: [] }, cited: [], notes: [], figures: EMPTY_FIGURES };
  }
  const blocks: Block[] = blocksWithText(layout);
  const docnos = matches.filter((m): m is DocNumberMatch => m.category === 'docno');
  const figures = matches.filter((m): m is FigureMatch => m.category === 'figure');
  const outline = outlineReport({ title: layout.title, blocks, matches });
  const { own, cited } = citedDocuments(text, blocks, docnos);
  return {
    kind,
    title: outline.title,
    outline,
    own: own && explained(own),
    cited: cited.map((c) => ({ title: c.title, docno: c.docno && explained(c.docno), mentions: c.mentions })),
    notes: conventionNotes(outline, docnos),
    figures: figuresBySection(outline, figures),
  };
}

// One study view per scan: the panel asks again each time it is opened or switched to, the page has not changed.
const views = new WeakMap<ScanResult, StudyView>();

export function cachedStudyOf(scan: ScanResult): StudyView {
  let view = views.get(scan);
  if (!view) views.set(scan, (view = studyOf(scan)));
  return view;
}

// ── Drawing the outline ────────────────────────────────────────────────────────────────────────────────────────

/** The CSS highlight name a node is drawn under (study.css gives each its colour; the panel's swatches match). */
export function outlineHighlightName(node: Pick<OutlineNode, 'kind' | 'level'>): string {
  return `pizhu-outline-${partClass(node)}`;
}

/** Every name drawOutline may register, so that switching off removes them all whatever the page held. */
export const OUTLINE_HIGHLIGHT_NAMES: string[] = PART_CLASSES.map((c) => `pizhu-outline-${c}`);

function walk(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children)]);
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

/** The part the panel just scrolled to, marked for a moment. */
const FOCUS = 'pizhu-study-focus';

export function clearOutline(): void {
  for (const name of OUTLINE_HIGHLIGHT_NAMES) CSS.highlights.delete(name);
  CSS.highlights.delete(FOCUS);
}

// ── Scrolling to a part ────────────────────────────────────────────────────────────────────────────────────────

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
