// The shapes study mode works on. Offsets are UTF-16 indices into the joined main text that the content script
// built from the blocks (start inclusive, end exclusive), the same text the recognisers scanned.
import type { LocalizedText } from '../model';
import type { Match } from '../recognition/types';

export type { LocalizedText };

export interface Span {
  start: number;
  end: number;
}

/** One paragraph-level piece of the main content, in document order. */
export interface Block extends Span {
  text: string;
  /** Lower-case HTML tag name ('p', 'h2', 'td'…) when the extractor knows it. */
  tag?: string;
}

export interface ReportInput {
  /** The page title as the browser shows it (site names after _ | - are tolerated). */
  title: string;
  blocks: Block[];
  /** Recogniser matches over the joined text; the outline uses the document numbers among them. */
  matches: Match[];
}

export type OutlineKind =
  | 'title'
  | 'docNumber'
  | 'addressee'
  | 'opening'
  | 'heading'
  | 'enumeration'
  | 'closing'
  | 'attachment'
  | 'attachmentItem'
  | 'signature'
  | 'date'
  | 'publicationNote';

export interface OutlineNode extends Span {
  kind: OutlineKind;
  label: LocalizedText;
  /** The node's own text (a heading's words, not its section's). */
  text: string;
  /** Heading depth, 1 for 一、; absent for other kinds. */
  level?: number;
  /** For headings: the stretch of text the heading governs, up to the next heading of the same or a higher level. */
  section?: Span;
  children: OutlineNode[];
}

export interface Outline {
  /** The report's title: the title line in the text when there is one, else the cleaned page title. */
  title: string;
  /** Top-level nodes in document order; headings hold their sub-headings and 一是/二是 points. */
  nodes: OutlineNode[];
}
