// The study view of a report: everything a trainee's panel shows, computed from the page's text, its blocks and the
// recognisers' matches — on the live page (the content script's scan) or on a stored copy (the reader).
//
// Everything here is plain data (strings, numbers, arrays): it crosses to the side panel through structured
// cloning, and every offset is into the page text, so the panel can ask for any part by span.
import type { PageKind } from '../model';
import type { DocNumberMatch, FigureMatch, Match } from '../recognition/types';
import { conventionNotes, type ConventionNote } from './conventions';
import { citedDocuments, explainDocNumber, type Explanation } from './docno-explain';
import { figuresBySection, type FigureDistribution } from './figures-by-section';
import { outlineReport } from './outline';
import type { Block, Outline, Span } from './types';

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

export interface StudyInput {
  kind: PageKind;
  /** The page title as the browser shows it. */
  title: string;
  /** The page text all offsets are into. */
  text: string;
  blocks: Block[];
  matches: Match[];
}

function explained(m: DocNumberMatch): ExplainedNumber {
  return { start: m.start, end: m.end, text: m.text, explanation: explainDocNumber(m) };
}

const EMPTY_FIGURES: FigureDistribution = { rows: [], outside: 0, total: 0 };

/**
 * The study view of a page. Pages that are neither report nor document get an empty view (their kind says why):
 * recognition found nothing there, and an outline of a shop page would teach nothing.
 */
export function studyView({ kind, title, text, blocks, matches }: StudyInput): StudyView {
  if (kind === 'none') {
    return { kind, title, outline: { title, nodes: [] }, cited: [], notes: [], figures: EMPTY_FIGURES };
  }
  const docnos = matches.filter((m): m is DocNumberMatch => m.category === 'docno');
  const figures = matches.filter((m): m is FigureMatch => m.category === 'figure');
  const outline = outlineReport({ title, blocks, matches });
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
