// How many figures each part of a report states, for a small chart: where a report puts its numbers (and where
// it has none) says a good deal about how it was written.
import type { FigureMatch } from '../recognition/types';
import { FIGURE_CHART_LABELS } from './labels';
import type { LocalizedText, Outline, OutlineNode, Span } from './types';

export interface SectionFigures extends Span {
  /** The heading's words; '' for the opening or body rows, which the label names. */
  text: string;
  label: LocalizedText;
  level?: number;
  /** Figures anywhere in the part, its sub-parts included. */
  count: number;
  /** Figures in the part but in none of its sub-parts. */
  direct: number;
  /** The sub-headings directly under this one. */
  children: SectionFigures[];
}

export interface FigureDistribution {
  rows: SectionFigures[];
  /** Figures outside every row: metadata, title, signature and the like. */
  outside: number;
  total: number;
}

const END_MATTER = new Set<OutlineNode['kind']>(['closing', 'attachment', 'signature', 'date', 'publicationNote']);

function countIn(span: Span, figures: FigureMatch[]): number {
  return figures.filter((f) => f.start >= span.start && f.start < span.end).length;
}

function sectionRow(h: OutlineNode, figures: FigureMatch[], depth: number): SectionFigures {
  const span = h.section ?? h;
  const children = depth > 0
    ? h.children.filter((c) => c.kind === 'heading').map((c) => sectionRow(c, figures, depth - 1))
    : [];
  const count = countIn(span, figures);
  return {
    start: span.start, end: span.end, text: h.text, label: h.label, level: h.level, count,
    direct: count - children.reduce((sum, c) => sum + c.count, 0), children,
  };
}

function plainRow(span: Span, label: LocalizedText, figures: FigureMatch[]): SectionFigures {
  const count = countIn(span, figures);
  return { ...span, text: '', label, count, direct: count, children: [] };
}

function nodeEnd(n: OutlineNode): number {
  return Math.max(n.section?.end ?? n.end, ...n.children.map(nodeEnd));
}

/** Figures per top-level section with one level of detail beneath, and the opening as a row of its own. */
export function figuresBySection(outline: Outline, figures: FigureMatch[]): FigureDistribution {
  const top = outline.nodes;
  const sections = top.filter((n) => n.kind === 'heading');
  const lastEnd = Math.max(0, ...top.map(nodeEnd));
  // A part runs to whatever comes next at the top level: sections already end there.
  const until = (from: number, skip: OutlineNode['kind'][] = []) =>
    top.find((n) => n.start > from && !skip.includes(n.kind))?.start ?? lastEnd;
  const rows: SectionFigures[] = [];
  const opening = top.find((n) => n.kind === 'opening');
  if (sections.length === 0) {
    const first = opening ?? top.find((n) => !['title', 'docNumber', 'addressee'].includes(n.kind));
    if (first) {
      const end = top.find((n) => END_MATTER.has(n.kind) && n.start >= first.start)?.start ?? lastEnd;
      rows.push(plainRow({ start: first.start, end }, FIGURE_CHART_LABELS.body, figures));
    }
  } else {
    if (opening) rows.push(plainRow({ start: opening.start, end: until(opening.start, ['enumeration']) }, FIGURE_CHART_LABELS.opening, figures));
    rows.push(...sections.map((h) => sectionRow(h, figures, 1)));
    rows.sort((a, b) => a.start - b.start);
  }
  const inRows = rows.reduce((sum, r) => sum + r.count, 0);
  return { rows, outside: figures.length - inRows, total: figures.length };
}
