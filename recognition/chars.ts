// Character classes shared by the recognisers. Pages mix half- and full-width digits, ASCII and CJK
// punctuation, NBSP and ideographic spaces; the scanners look at one UTF-16 code unit at a time and never
// build a normalised copy of the text, so every offset they report indexes the original string.

/**
 * A set of BMP characters tested by code unit. The scanners test every character of the page, and looking
 * a one-character string up in a string (includes), an object (in) or even a Set costs far more than a bit.
 */
export class CharSet {
  /** One bit per BMP code unit: 8 KB, looked up without hashing. */
  private readonly bits = new Uint8Array(0x2000);

  constructor(chars: string) {
    for (let k = 0; k < chars.length; k++) {
      const c = chars.charCodeAt(k);
      this.bits[c >> 3] |= 1 << (c & 7);
    }
  }

  /** Whether text[i] is in the set (false past either end). */
  at(text: string, i: number): boolean {
    const c = text.charCodeAt(i);
    return c === c && (this.bits[c >> 3] & (1 << (c & 7))) !== 0;
  }
}

/** Value of an ASCII or full-width digit, or -1. */
export function digitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

export function isDigitAt(text: string, i: number): boolean {
  return digitAt(text, i) >= 0;
}

/** The digits of text[start, end) folded to ASCII, other characters dropped (thousands separators, spaces). */
export function foldedDigits(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const d = digitAt(text, i);
    if (d >= 0) out += String.fromCharCode(0x30 + d);
    else if (isDecimalPointAt(text, i)) out += '.';
  }
  return out;
}

/** The text with its full-width digits folded to ASCII and every other character kept: ２０１８ reads as 2018. */
export function foldDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

export function isDecimalPointAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x2e || c === 0xff0e;
}

/**
 * Spaces that may sit inside one match (錫署辦傳發〔2012〕137 號, 47 件): what CMS pages put between words — ASCII
 * space and tab, &nbsp; (U+00A0), the ideographic space (U+3000), the typographic spaces U+2000–U+200A, U+202F and
 * U+205F, and the invisible characters a word processor leaves behind (zero-width space U+200B, BOM U+FEFF). Line
 * breaks are not among them: they stand for block boundaries, and nothing is recognised across two blocks.
 */
export const INLINE_SPACE_CHARS =
  ' \t\u00a0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\ufeff';
const INLINE_SPACES = new CharSet(INLINE_SPACE_CHARS);
/** The same spaces as a regex character class, for the few regexes over page text (headings, titles). */
export const INLINE_SPACE_CLASS = `[${escapeChars(INLINE_SPACE_CHARS)}]`;

export function isInlineSpaceAt(text: string, i: number): boolean {
  return INLINE_SPACES.at(text, i);
}

/**
 * Spaces a browser collapses into one where they run together (ASCII space and tab): a page's source may put a line
 * break and an indent between two inline elements of one number (国土资发〔<span>\n    2013</span>〕), which the
 * reader sees as one space.
 */
function isCollapsibleAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x20 || c === 0x09;
}

/**
 * Between two printed lines of one wrapped sentence (a report converted from PDF, one block per line) the text may hold
 * white-space-only lines, the page source's indentation: no more than this many characters of them.
 */
export const MAX_WRAP_GAP = 8;

/** A line break or an inline space: what may lie between two printed lines of one wrapped sentence. */
export function isBlankAt(text: string, i: number): boolean {
  return text.charCodeAt(i) === 0x0a || isInlineSpaceAt(text, i);
}

/**
 * A printed line at least this long that ends inside a number was wrapped there, not ended: a short block ending so is
 * a table cell or a label, and the next block starts something else.
 */
export const MIN_WRAPPED_LINE = 12;

/**
 * Where the text goes on after the line break at text[i] when it wraps a printed line (the line before is at least
 * MIN_WRAPPED_LINE long; blank lines after it are passed over, a little way only); i when text[i] is no such break.
 */
export function afterLineWrap(text: string, i: number): number {
  if (text.charCodeAt(i) !== 0x0a) return i;
  // Looking back MIN_WRAPPED_LINE characters only: a search for the line's start would read a long line to its start.
  if (i < MIN_WRAPPED_LINE) return i;
  for (let k = i - MIN_WRAPPED_LINE; k < i; k++) if (text.charCodeAt(k) === 0x0a) return i;
  return pastBlankLines(text, i);
}

/**
 * Where the text goes on after the line break at text[i], past the blank lines that follow it (a little way only:
 * MAX_WRAP_GAP); i when the blanks run on further. Whether the break wraps a printed line is the caller's to say.
 */
export function pastBlankLines(text: string, i: number): number {
  let j = i + 1;
  while (j - i <= MAX_WRAP_GAP && isBlankAt(text, j)) j++;
  return j - i > MAX_WRAP_GAP ? i : j;
}

/**
 * Where the printed line before a wrap ends (after its last visible character), when text[i - 1] is the last blank
 * after a line break that wraps that line; i otherwise. The mirror of afterLineWrap.
 */
export function beforeLineWrap(text: string, i: number): number {
  let k = i;
  while (i - k <= MAX_WRAP_GAP && k > 0 && isBlankAt(text, k - 1)) k--;
  if (k === i || i - k > MAX_WRAP_GAP) return i;
  const lineBreak = text.indexOf('\n', k);
  return lineBreak >= 0 && lineBreak < i && afterLineWrap(text, lineBreak) === i ? k : i;
}

/** Characters a reader does not see at all. */
function isZeroWidthAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 0x200b || c === 0xfeff;
}

/** Longest run of spaces read as one gap; beyond it the text is laid out, not written. */
const MAX_GAP_RUN = 64;

/**
 * Index after at most `max` gaps starting at i. A gap is what a reader sees as one space: one space that does not
 * collapse (&nbsp;, U+3000…), or a run of collapsible ones; zero-width characters on either side of it, or alone,
 * add nothing to it. Two &nbsp; or two U+3000 in a row are two gaps: editors lay out columns with them.
 */
export function skipInlineSpaces(text: string, i: number, max: number): number {
  let j = i;
  for (let gaps = 0; gaps < max && j < text.length && isInlineSpaceAt(text, j); gaps++) {
    const runStart = j;
    let shown = false;
    while (j < text.length && j - runStart < MAX_GAP_RUN && isInlineSpaceAt(text, j)) {
      if (!isZeroWidthAt(text, j) && !(isCollapsibleAt(text, j) && j > runStart && isCollapsibleAt(text, j - 1))) {
        if (shown) break;
        shown = true;
      }
      j++;
    }
  }
  return j;
}

/** Index of the last non-space character before i, looking back over at most `max` gaps. */
export function skipInlineSpacesBack(text: string, i: number, max: number): number {
  let j = i;
  for (let gaps = 0; gaps < max && j > 0 && isInlineSpaceAt(text, j - 1); gaps++) {
    const runEnd = j;
    let shown = false;
    while (j > 0 && runEnd - j < MAX_GAP_RUN && isInlineSpaceAt(text, j - 1)) {
      if (!isZeroWidthAt(text, j - 1) && !(isCollapsibleAt(text, j - 1) && j < runEnd && isCollapsibleAt(text, j))) {
        if (shown) break;
        shown = true;
      }
      j--;
    }
  }
  return j;
}

const NOT_HAN = /[^\u3400-\u9fff\uf900-\ufaff]+/g;
/** How many characters hanIn counts at a time, so that it can stop soon after it has found enough. */
const HAN_CHUNK = 4096;

/**
 * Chinese characters in text[start, end), counted by what is left when the rest is taken out, a chunk at a time until
 * `enough` are found (the count is then at least `enough`): what a page's kind asks of its text (HAN_ENOUGH) is read
 * from a megabyte report's first kilobytes. A page's scan runs cold: a loop over the characters ran in V8's
 * interpreter (the scan's costliest function in a profile of a report page's loads); the regex engine's compiled code
 * does it natively.
 */
export function hanIn(text: string, start: number, end: number, enough = Infinity): number {
  let han = 0;
  for (let at = start; at < end && han < enough; at += HAN_CHUNK) {
    han += text.slice(at, Math.min(end, at + HAN_CHUNK)).replace(NOT_HAN, '').length;
  }
  return han;
}

/** Han ideographs (BMP blocks, CJK Compatibility) and 〇, the characters an agency code is written in. */
export function isHanAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

// A syllable of pinyin with its tone mark, in brackets straight after a character: 建設(shè), 報(bào)告, 國辦發(fā). Mirror
// sites that convert a page to traditional script gloss characters so, word by word. The tone mark sets a gloss apart
// from a bracketed Latin abbreviation or a list letter ((a), (GDP)), which is never read as one.
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const PINYIN_GLOSS = new RegExp(
  String.raw`(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（](?=[a-zü]{0,5}[${TONED}])[a-zü${TONED}]{1,6}[)）]`,
  'g',
);

/** Any toned vowel: a text without one has no gloss, and is not run through PINYIN_GLOSS at all. */
const TONED_VOWEL = new RegExp(`[${TONED}]`);

/**
 * The text without the pinyin glosses a mirror put after its characters (報(bào)告 → 報告). Every page's title and text
 * pass here and almost none has a gloss: the simple test first spares them the costlier pattern (its look-behind and
 * look-ahead compiled in each fresh renderer process, the text copied).
 */
export function withoutPinyinGlosses(text: string): string {
  return TONED_VOWEL.test(text) ? text.replace(PINYIN_GLOSS, '') : text;
}

export function isAsciiLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 0x20;
  return c >= 0x61 && c <= 0x7a;
}

/**
 * Index of the first character at or after i in `oneCharClass` (a global regex of a single character class,
 * which cannot backtrack), or -1. The regex engine skips the long stretches of prose between candidates far
 * faster than a loop over charCodeAt.
 */
export function nextIn(oneCharClass: RegExp, text: string, i: number): number {
  oneCharClass.lastIndex = i;
  return oneCharClass.test(text) ? oneCharClass.lastIndex - 1 : -1;
}

/** A global regex matching any one of `chars`. */
export function oneOf(chars: string): RegExp {
  return new RegExp(`[${escapeChars(chars)}]`, 'g');
}

/** The characters as \\uXXXX escapes, for the body of a regex character class. */
function escapeChars(chars: string): string {
  let body = '';
  for (let k = 0; k < chars.length; k++) body += `\\u${chars.charCodeAt(k).toString(16).padStart(4, '0')}`;
  return body;
}

export const DIGIT_CHARS = '0123456789０１２３４５６７８９';
export const DIGITS = oneOf(DIGIT_CHARS);

/** Opening brackets that enclose the year of a document number: 〔 [ 【 （ ( ﹝ 〖 ［ ｛ {. */
export const OPEN_BRACKET_CHARS = '〔[【（(﹝〖［｛{〘⟦';
export const OPEN_BRACKETS = new CharSet(OPEN_BRACKET_CHARS);
/** Closing brackets; writers mix them freely, so any closing bracket ends any opening one. */
export const CLOSE_BRACKETS = new CharSet('〕]】）)﹞〗］｝}〙⟧');
/** Characters that may introduce a range of years or days: 2016—2020年, 10日至11日. */
export const RANGE_DASHES = new CharSet('-—–－~～〜至到―');
