// Figures: a number in Arabic digits (half- or full-width, with decimals, thousands separators and a
// magnitude) with its unit or measure word, or a percentage: 36项, 480余名, 2万余份, 48.6%, ４８．６％,
// 53亿元, 1,200人, 47 件, 12个百分点. The span is the number, 余/多 and the unit; qualifiers before and after
// (超过, 近, 同比增长…; 以上, 左右…) are reported but left outside it.
//
// Not figures, by construction: numbers without a unit (section numbers 1、 1. (1), 12345热线, "2+26",
// 浏览次数:1024, phone and index numbers), a page's own view counter even with a unit (| 3147 次浏览 |),
// ordinals after 第 (第6次会议, 第1/1页), numbers glued to Latin letters or to other numbers by . : / (versions,
// times 14:30, dates 20.12.2017), and years, which have no unit here (年 is not one). Dates and document numbers win
// over figures where they overlap; recognize() applies that precedence.
//
// One pass: a digit run is read once, and when it is no figure the scan continues after it.

import type { FigureMatch } from './types';
import { WordList } from './words';
import {
  CharSet,
  DIGITS,
  nextIn,
  digitAt,
  foldedDigits,
  isAsciiLetterAt,
  isDecimalPointAt,
  afterLineWrap,
  beforeLineWrap,
  isHanAt,
  pastBlankLines,
  skipInlineSpaces,
  skipInlineSpacesBack,
} from './chars';
import {
  AFTER_QUALIFIERS,
  BEFORE_QUALIFIERS,
  approxAt,
  isFigureEndBefore,
  isPointInTime,
  isStandaloneMagnitude,
  limitAfter,
  magnitudeAt,
  unitAt,
} from './units';

/** Longer digit strings are identifiers (ID card, account, serial numbers), not quantities. */
const MAX_INTEGER_DIGITS = 12;
/** After a number, a separator and a digit continue it as a date, time, version or fraction. */
const CONTINUATIONS = new CharSet('.．:：/／');
/** Before a number, these make it part of a code or a fraction (No.#12, 第1/1页). */
const CODE_MARKS = new CharSet('/／#№_');
/** Before a number, these following a digit make it the tail of a dotted or timed sequence. */
const SEQUENCE_MARKS = new CharSet('.．:：');

/** Signs of a negative number: hyphen-minus, its full-width form, the minus sign. */
const MINUS_SIGNS = new CharSet('-－−');

/** Qualifiers may stack (累计超过); more than this is prose, not a qualifier. */
const MAX_STACKED_QUALIFIERS = 3;

export function recognizeFigures(text: string): FigureMatch[] {
  const out: FigureMatch[] = [];
  let i = 0;
  while ((i = nextIn(DIGITS, text, i)) >= 0) {
    const num = readNumber(text, i);
    const figure = num.plausible && !excludedByWhatPrecedes(text, i) ? figureAt(text, i, num.end) : null;
    if (figure) {
      out.push(figure);
      i = figure.end;
    } else {
      i = num.end;
    }
  }
  return out;
}

/**
 * Spaces that group digits in threes: GB/T 15835's 千分空 (a quarter of a Han character, 126 932.39万元), which pages
 * print as a four-per-em, thin or narrow no-break space, or as a plain space or &nbsp;. One of them, never a run.
 */
const GROUP_SPACES = new CharSet(' \u00a0\u2005\u2009\u202f');

/**
 * The number starting at i: integer digits, thousands groups (,ddd, or a group space and ddd after a leading group
 * of at most three digits: 1 200人, never 2021 100) and a decimal part, whose point may follow a space (48 .6%: two
 * inline pieces on two source lines). Implausible when it is too long to be a quantity or continues as a dotted,
 * timed or slashed sequence (20.12.2017, 14:30, 1/3).
 */
function readNumber(text: string, i: number): { end: number; plausible: boolean } {
  let j = i;
  while (digitAt(text, j) >= 0) j++;
  let integerDigits = j - i;
  const spaceGrouped = integerDigits <= 3;
  while ((text.charCodeAt(j) === 0x2c || isFullWidthComma(text, j) || (spaceGrouped && GROUP_SPACES.at(text, j))) && isDigitRun(text, j + 1, 3)) {
    j += 4;
    integerDigits += 3;
  }
  const point = skipInlineSpaces(text, j, 1);
  if (isDecimalPointAt(text, point) && digitAt(text, point + 1) >= 0) {
    j = point + 1;
    while (digitAt(text, j) >= 0) j++;
  }
  const continues = CONTINUATIONS.at(text, j) && digitAt(text, j + 1) >= 0;
  return { end: j, plausible: integerDigits <= MAX_INTEGER_DIGITS && !continues };
}

/**
 * A full-width comma between full-width digits: a number typed in full-width mode groups its thousands with it
 * (１，２００人). Beside half-width digits it is the list comma it usually is (1，200人 lists 1 and 200人).
 */
function isFullWidthComma(text: string, j: number): boolean {
  return text.charCodeAt(j) === 0xff0c && FULL_WIDTH_DIGITS.at(text, j - 1) && FULL_WIDTH_DIGITS.at(text, j + 1);
}
const FULL_WIDTH_DIGITS = new CharSet('０１２３４５６７８９');

/** Exactly n digits at i, not followed by another digit. */
function isDigitRun(text: string, i: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (digitAt(text, i + k) < 0) return false;
  return digitAt(text, i + n) < 0;
}

function excludedByWhatPrecedes(text: string, i: number): boolean {
  if (i === 0) return false;
  if (isAsciiLetterAt(text, i - 1) || CODE_MARKS.at(text, i - 1)) return true;
  if (SEQUENCE_MARKS.at(text, i - 1) && digitAt(text, i - 2) >= 0) return true;
  const k = skipInlineSpacesBack(text, i, 1);
  return text[k - 1] === '第';
}

/**
 * Where the unit after i starts when i is the end of a printed line that wrapped inside the figure starting at
 * `start`: a report converted from PDF puts every printed line in a block of its own, and a line may end after
 * the number (…收入达到 6.6 / 亿元) or its magnitude (…高标准农田 13 万 / 亩). Only the end of a long line of
 * prose counts, the number written after a Han character: a short block ending in a number is a table cell or a
 * label, and a code (MB1598451/2023-11279) is no quantity, so the next block is no unit of either. A text extracted
 * from a word processor's file may print a run in another font on a line of its own, the number alone between the
 * line of prose it continues and the line its unit starts (…主动公开政府信息 / 5928 / 条): the wrap into the number's
 * line then speaks for the one out of it. Returns i when nothing wraps.
 */
function unitAfterWrap(text: string, start: number, i: number): number {
  if (text.charCodeAt(i) !== 0x0a) return i;
  const before = skipInlineSpacesBack(text, start, 1) - 1;
  if (before < 0) return i;
  // The Han character on the same line as the number (the number is short: no search back over a long line).
  if (!text.slice(before, i).includes('\n')) return isHanAt(text, before) ? afterLineWrap(text, i) : i;
  // The number alone on its line: the line before must wrap into it and end in prose.
  const proseEnd = beforeLineWrap(text, start);
  if (proseEnd === start || !isHanAt(text, proseEnd - 1)) return i;
  return pastBlankLines(text, i);
}

function figureAt(text: string, start: number, numberEnd: number): FigureMatch | null {
  const k = unitAfterWrap(text, start, skipInlineSpaces(text, numberEnd, 1));
  let unit = unitAt(text, k);
  let approx: FigureMatch['approx'] = '';
  let magnitude = '';
  let factor = 1;
  let end: number;
  if (unit) {
    end = k + unit.length;
  } else {
    let p = k;
    approx = approxAt(text, p);
    if (approx) p++;
    const mag = magnitudeAt(text, p);
    if (mag) {
      magnitude = mag.word;
      factor = mag.factor;
      p += mag.word.length;
      if (!approx) {
        approx = approxAt(text, p);
        if (approx) p++;
      }
    }
    if (!approx && !magnitude) return null;
    unit = unitAt(text, p);
    if (!unit && magnitude) {
      const q = unitAfterWrap(text, start, p);
      unit = q > p ? unitAt(text, q) : '';
      if (unit) p = q;
    }
    if (unit) end = p + unit.length;
    else if (magnitude && isStandaloneMagnitude(magnitude)) end = p;
    else return null;
  }
  if (isPointInTime(text, start, unit, end)) return null;
  if (isViewCounter(text, start, unit, end)) return null;
  const limit = limitAfter(text, unit, end);
  if (limit) end++;
  const sign = isMinusSignAt(text, start - 1) ? '-' : '';
  const number = sign + foldedDigits(text, start, numberEnd);
  if (sign) start--;
  return {
    category: 'figure',
    start,
    end,
    text: text.slice(start, end),
    number,
    value: Number(number) * factor,
    magnitude,
    unit,
    approx,
    limit,
    before: qualifiersBefore(text, start),
    after: AFTER_QUALIFIERS.longestAt(text, end),
  };
}

/** Words a page's view counter is named by, and the counts it is given in. */
const VIEW_WORDS = new WordList(['浏览', '瀏覽', '阅读', '閱讀', '点击', '點擊', '访问', '訪問', '查看', '播放']);
const VIEW_WORD_TAILS = new WordList(['量', '数', '數']);
const COUNTER_UNITS = new Set(['次', '人', '人次']);
/** What bounds a field of a page's byline: a separator, a line's end, the gap between two fields. */
const FIELD_BOUNDS = new CharSet('|｜\n\t \u00a0\u3000');

/**
 * A page's own view counter, a field of the byline beside 来源 and 时间 (来源：… | 3147 次浏览 | 分享到), which the
 * rules do not count as a figure: a count of views or readers that is a field of its own, opened by a separator or
 * a gap and closed by one right after the word for viewing. A count in prose is no field (获得3147次浏览，) and
 * stays a figure.
 */
function isViewCounter(text: string, start: number, unit: string, end: number): boolean {
  if (!COUNTER_UNITS.has(unit)) return false;
  const at = skipInlineSpaces(text, end, 1);
  const word = VIEW_WORDS.longestAt(text, at);
  if (!word) return false;
  const wordEnd = at + word.length + VIEW_WORD_TAILS.longestAt(text, at + word.length).length;
  const opens = start === 0 || FIELD_BOUNDS.at(text, start - 1);
  const closes = wordEnd >= text.length || FIELD_BOUNDS.at(text, wordEnd);
  return opens && closes;
}

/**
 * A minus sign of the number after it (增长率为-3.19‰, 分别为-9.4%、23.0%): a hyphen or minus not joined to a digit or
 * a letter before it, which would make it a range (0-17岁, 5-10%) or a code, nor to a figure before it, which
 * makes it the dash of a range of figures (增长6.5%-7%, 1.2万元-1.5万元).
 */
function isMinusSignAt(text: string, i: number): boolean {
  if (!MINUS_SIGNS.at(text, i)) return false;
  if (i === 0) return true;
  return digitAt(text, i - 1) < 0 && !isAsciiLetterAt(text, i - 1) && !CONTINUATIONS.at(text, i - 1) && !isFigureEndBefore(text, i);
}

function qualifiersBefore(text: string, start: number): string {
  let k = skipInlineSpacesBack(text, start, 1);
  let words = '';
  for (let n = 0; n < MAX_STACKED_QUALIFIERS; n++) {
    const w = BEFORE_QUALIFIERS.longestEndingAt(text, k);
    if (!w) break;
    words = w + words;
    k -= w.length;
  }
  return words;
}
