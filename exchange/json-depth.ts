// How deep a JSON text nests, found before it is parsed. JSON.parse itself copes with great depth, but what comes
// after does not: walking, copying to and from a worker (structured clone) and storing a value 100,000 levels deep
// exhaust the stack, and a backup with one such field sat on "Reading the file…" for minutes with no word. No file
// Pizhu reads nests more than about ten levels; a file that nests far more is refused, with the place.

/** Deeper than any annotation, backup or codebook file (about ten levels), shallow enough for every later step. */
export const MAX_JSON_DEPTH = 64;

export interface TextPlace {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

/** The line and column of a UTF-16 offset. */
export function placeOf(text: string, offset: number): TextPlace {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export interface DepthProblem extends TextPlace {
  /** Where the first bracket beyond the limit is. */
  offset: number;
  limit: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** The first place where `text` nests deeper than `limit` objects and arrays, or undefined. One pass, no parsing. */
export function findDepthProblem(text: string, limit = MAX_JSON_DEPTH): DepthProblem | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string: to the next quote not escaped.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return { offset: i, limit, ...placeOf(text, i) };
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return undefined;
}

/** The words for a DepthProblem, in both languages. */
export function depthMessage(problem: DepthProblem): { zh: string; en: string } {
  return {
    zh: `文件嵌套过深：第 ${problem.line} 行第 ${problem.column} 列处超过 ${problem.limit} 层。`,
    en: `The file nests too deep: more than ${problem.limit} levels at line ${problem.line}, column ${problem.column}.`,
  };
}
