// Calendar dates and years: 2018年3月7日, 2018-03-12, 2018/3/12, 2018.3.12, 20.12.2017, 2017年11月, 2017年9月份,
// 8月23日, 2月份, 2017年, 2017年度, year ranges 2016—2020年, day ranges 7月10日至11日, and dates written in
// Chinese numerals (二〇一八年八月七日). Digits may be full-width. One pass; each attempt reads a bounded
// number of characters from the start of a digit run, and a failed attempt skips the whole run.

import type { DateMatch } from './types';
import { CharSet, DIGIT_CHARS, RANGE_DASHES, digitAt, nextIn, oneOf, skipInlineSpaces } from './chars';
import { CHINESE_DIGITS, CHINESE_NUMERALS, CHINESE_ZEROS, chineseNumeralValue } from './chinese-numerals';

interface Found {
  end: number;
  year?: number;
  month?: number;
  day?: number;
}

/**
 * Where to look for a date: a digit, or the zero of a year written in Chinese numerals (二〇一八年). Every
 * such year from 2000 on has one; anchoring on it rather than on 一 二 三… keeps the scan off the numerals
 * that fill ordinary prose (一是, 进一步). Years 19xx in Chinese numerals are not recognised.
 */
const CANDIDATES = oneOf(`${DIGIT_CHARS}${CHINESE_ZEROS}`);

/** Separators of numeric dates: 2018-03-12, 2018/3/12, 2018.3.12, 20.12.2017. */
const NUMERIC_SEPARATORS = new CharSet('-/.．－／');
/** Day-first dates come with dots or slashes; 20-12-2017 is too close to codes and ranges. */
const DAY_FIRST_SEPARATORS = new CharSet('/.．／');
/** What may join a date ending in a day to a further day: 7月10日至11日, 3月1日、2日. */
const DAY_JOINERS = new CharSet('至到、和及与與-—–－~～');

export function recognizeDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  let floor = 0;
  let i = 0;
  while ((i = nextIn(CANDIDATES, text, i)) >= 0) {
    let found: Found | null = null;
    let next = i + 1;
    if (digitAt(text, i) >= 0) {
      const runEnd = digitRunEnd(text, i);
      found = numericDate(text, i, runEnd);
      next = runEnd;
    } else {
      let start = i;
      while (start > floor && i - start < 3 && CHINESE_DIGITS.at(text, start - 1)) start--;
      if (!CHINESE_NUMERALS.at(text, start - 1)) found = chineseDate(text, start);
      if (found) i = start;
    }
    if (!found) {
      i = next;
      continue;
    }
    out.push(toMatch(text, i, found));
    i = found.end;
    // Later days of the same month: the month and year carry over from the date before.
    while (found.day !== undefined) {
      const more = followingDay(text, i, found);
      if (!more) break;
      out.push(toMatch(text, more.start, more.found));
      found = more.found;
      i = found.end;
    }
    floor = i;
  }
  return out;
}

function toMatch(text: string, start: number, f: Found): DateMatch {
  const m: DateMatch = { category: 'date', start, end: f.end, text: text.slice(start, f.end) };
  if (f.year !== undefined) m.year = f.year;
  if (f.month !== undefined) m.month = f.month;
  if (f.day !== undefined) m.day = f.day;
  return m;
}

function digitRunEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && digitAt(text, j) >= 0) j++;
  return j;
}

function valueOf(text: string, start: number, end: number): number {
  let v = 0;
  for (let k = start; k < end; k++) v = v * 10 + digitAt(text, k);
  return v;
}

const isYear = (v: number): boolean => v >= 1900 && v <= 2099;
const isMonth = (v: number): boolean => v >= 1 && v <= 12;
const isDay = (v: number): boolean => v >= 1 && v <= 31;

const YEAR_MARK = new CharSet('年');
const MONTH_MARK = new CharSet('月');
const DAY_MARKS = new CharSet('日号號');

/** Index just after one of `marks` at i, allowing one space before it, or -1. */
function markAfter(text: string, i: number, marks: CharSet): number {
  const j = skipInlineSpaces(text, i, 1);
  return marks.at(text, j) ? j + 1 : -1;
}

/** A date starting at the digit run text[start, runEnd). */
function numericDate(text: string, start: number, runEnd: number): Found | null {
  const len = runEnd - start;
  if (len > 4) return null;
  const v = valueOf(text, start, runEnd);
  if (len === 4) {
    if (!isYear(v)) return null;
    return yearFirst(text, v, runEnd);
  }
  if (len > 2) return null;
  const afterMonth = markAfter(text, runEnd, MONTH_MARK);
  if (afterMonth >= 0 && isMonth(v)) return monthAndDay(text, afterMonth, { end: afterMonth, month: v });
  // A day after a month that has no digits of its own (每月10日, 当月25日).
  if (text[start - 1] === '月' && digitAt(text, start - 2) < 0 && isDay(v)) {
    const afterDay = markAfter(text, runEnd, DAY_MARKS);
    if (afterDay >= 0) return { end: afterDay, day: v };
  }
  return dayFirst(text, v, runEnd);
}

function yearFirst(text: string, year: number, i: number): Found | null {
  const afterYear = markAfter(text, i, YEAR_MARK);
  if (afterYear >= 0) {
    if (text[afterYear] === '度') return { end: afterYear + 1, year };
    return monthAndDay(text, afterYear, { end: afterYear, year });
  }
  const range = yearRange(text, year, i);
  if (range) return range;
  if (!NUMERIC_SEPARATORS.at(text, i)) return null;
  const sep = text.charCodeAt(i);
  const mEnd = shortNumberEnd(text, i + 1);
  if (mEnd < 0 || text.charCodeAt(mEnd) !== sep) return null;
  const month = valueOf(text, i + 1, mEnd);
  const dEnd = shortNumberEnd(text, mEnd + 1);
  if (dEnd < 0 || continuesAsNumber(text, dEnd)) return null;
  const day = valueOf(text, mEnd + 1, dEnd);
  return isMonth(month) && isDay(day) ? { end: dEnd, year, month, day } : null;
}

/** 2016—2020年, 2011-2015年: one date from the first year to 年 (or 年度). */
function yearRange(text: string, year: number, i: number): Found | null {
  let j = skipInlineSpaces(text, i, 1);
  let dashes = 0;
  while (dashes < 2 && RANGE_DASHES.at(text, j)) {
    j++;
    dashes++;
  }
  if (dashes === 0) return null;
  j = skipInlineSpaces(text, j, 1);
  const end = digitRunEnd(text, j);
  if (end - j !== 4 || valueOf(text, j, end) < year || !isYear(valueOf(text, j, end))) return null;
  const afterYear = markAfter(text, end, YEAR_MARK);
  if (afterYear < 0) return null;
  return { end: text[afterYear] === '度' ? afterYear + 1 : afterYear, year };
}

/** After 2018年 (or at a month): 3月, 3月7日, 9月份; extends `found` (in place) when they are there. */
function monthAndDay(text: string, i: number, found: Found): Found {
  let j = i;
  if (found.month === undefined) {
    const mStart = skipInlineSpaces(text, j, 1);
    const mEnd = shortNumberEnd(text, mStart);
    if (mEnd < 0 || !isMonth(valueOf(text, mStart, mEnd))) return found;
    const afterMonth = markAfter(text, mEnd, MONTH_MARK);
    if (afterMonth < 0) return found;
    found.end = afterMonth;
    found.month = valueOf(text, mStart, mEnd);
    j = afterMonth;
  }
  if (text.charCodeAt(j) === FEN) {
    found.end = j + 1;
    return found;
  }
  const dStart = skipInlineSpaces(text, j, 1);
  const dEnd = shortNumberEnd(text, dStart);
  if (dEnd < 0 || !isDay(valueOf(text, dStart, dEnd))) return found;
  const afterDay = markAfter(text, dEnd, DAY_MARKS);
  if (afterDay >= 0) {
    found.end = afterDay;
    found.day = valueOf(text, dStart, dEnd);
  }
  return found;
}
const FEN = '份'.charCodeAt(0);

/** 20.12.2017 (day first, as some CMS templates print it). */
function dayFirst(text: string, first: number, i: number): Found | null {
  const sep = text.charCodeAt(i);
  if (!DAY_FIRST_SEPARATORS.at(text, i)) return null;
  const mEnd = shortNumberEnd(text, i + 1);
  if (mEnd < 0 || text.charCodeAt(mEnd) !== sep) return null;
  const second = valueOf(text, i + 1, mEnd);
  const yStart = mEnd + 1;
  const yEnd = digitRunEnd(text, yStart);
  if (yEnd - yStart !== 4 || !isYear(valueOf(text, yStart, yEnd)) || continuesAsNumber(text, yEnd)) return null;
  const year = valueOf(text, yStart, yEnd);
  // Day first unless that makes no date (12/20/2017 is month first).
  if (isMonth(second) && isDay(first)) return { end: yEnd, year, month: second, day: first };
  if (isMonth(first) && isDay(second)) return { end: yEnd, year, month: first, day: second };
  return null;
}

/** End of one or two digits at i not followed by a third, or -1. */
function shortNumberEnd(text: string, i: number): number {
  const end = digitRunEnd(text, i);
  return end === i || end - i > 2 ? -1 : end;
}

/** A separator and a further digit after a date (2018.3.12.5) make it something else: a version, a code. */
function continuesAsNumber(text: string, i: number): boolean {
  return NUMERIC_SEPARATORS.at(text, i) && digitAt(text, i + 1) >= 0;
}

/** 至11日 or 至8月2日 after a date that ended in a day. */
function followingDay(text: string, i: number, prev: Found): { start: number; found: Found } | null {
  let j = skipInlineSpaces(text, i, 1);
  if (!DAY_JOINERS.at(text, j)) return null;
  j = skipInlineSpaces(text, j + 1, 1);
  const nEnd = shortNumberEnd(text, j);
  if (nEnd < 0) return null;
  const n = valueOf(text, j, nEnd);
  const afterMonth = markAfter(text, nEnd, MONTH_MARK);
  if (afterMonth >= 0 && isMonth(n)) {
    const f = monthAndDay(text, afterMonth, { end: afterMonth, year: prev.year, month: n });
    return f.day === undefined ? null : { start: j, found: f };
  }
  const afterDay = markAfter(text, nEnd, DAY_MARKS);
  if (afterDay < 0 || !isDay(n)) return null;
  return { start: j, found: { end: afterDay, year: prev.year, month: prev.month, day: n } };
}

/** 二〇一八年八月七日, 二〇一七年度: four Chinese digits and 年, then an optional month and day. */
function chineseDate(text: string, i: number): Found | null {
  for (let k = 0; k < 4; k++) if (!CHINESE_DIGITS.at(text, i + k)) return null;
  const year = chineseNumeralValue(text.slice(i, i + 4));
  if (!isYear(year) || text[i + 4] !== '年') return null;
  let end = i + 5;
  if (text[end] === '度') return { end: end + 1, year };
  const month = chineseSmallNumber(text, end, '月');
  if (!month || !isMonth(month.value)) return { end, year };
  end = month.end;
  const day = chineseSmallNumber(text, end, '日');
  if (!day || !isDay(day.value)) return { end, year, month: month.value };
  return { end: day.end, year, month: month.value, day: day.value };
}

/** 八月, 十二月, 三十一日: up to three Chinese numerals and the given marker. */
function chineseSmallNumber(text: string, i: number, marker: string): { value: number; end: number } | null {
  let j = i;
  while (j < text.length && j - i < 3 && CHINESE_NUMERALS.at(text, j)) j++;
  if (j === i || text[j] !== marker) return null;
  const value = chineseNumeralValue(text.slice(i, j));
  return Number.isNaN(value) ? null : { value, end: j + 1 };
}
