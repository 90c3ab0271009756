// Blocks keep the page's indentation (often two ideographic spaces); structure is read from the trimmed text,
// and offsets are kept so that every node still points at the exact characters on the page.
import type { Block, Span } from './types';

export interface Piece extends Span {
  text: string;
}

export function trimmed(block: Block): Piece {
  const lead = block.text.length - block.text.trimStart().length;
  const text = block.text.trim();
  const start = block.start + lead;
  return { text, start, end: start + text.length };
}

/** The part of a block between two offsets into its text, trimmed. */
export function slicePiece(block: Block, from: number, to: number): Piece {
  return trimmed({ text: block.text.slice(from, to), start: block.start + from, end: block.start + to });
}

/** Whitespace-free text, for comparing a line with a title written with different spacing. */
export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

export function hasCjk(s: string): boolean {
  return /[\u3400-\u9fff]/.test(s);
}
