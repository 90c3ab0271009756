// The year a report covers, which is not the year it was published: 张店区人民政府关于2017年度法治政府建设
// 情况的报告, published in March 2018, covers 2017. Read, in this order, from
// 1. the title: its first year (2017年, 2017年度, 二〇一七年) outside a title in 《》 and outside a range
//    (2016—2020年, 2021-2025年);
// 2. the opening of the text (its first 300 characters), by the same reading: reports open with
//    "2019年，汉源县…" or "现将2019年度法治政府建设情况报告如下";
// 3. the date of publication: the year before it, since annual reports come out early in the next year
//    (a report published in December is taken to cover its own year).

import { chineseNumeralValue } from '../recognition/chinese-numerals';

export interface ReportYear {
  year: number;
  /** Where the year was read: the title, the text, or guessed from the date of publication. */
  from: 'title' | 'text' | 'published';
}

const OPENING = 300;
/** A year: four digits (half- or full-width) or Chinese numerals, then 年, not a month (2017年3月 still counts). */
const YEAR = /([12][0-9]{3}|[１２][０-９]{3}|[〇零○一二][〇零○一二三四五六七八九]{3})\s*年/g;
const RANGE_AFTER = /^\s*年?\s*[-—–－~～至到]\s*([12][0-9]{3}|[〇零○一二][〇零○一二三四五六七八九]{3})/;
const RANGE_BEFORE = /([12][0-9]{3})\s*年?\s*[-—–－~～至到]\s*$/;

export function reportYear(report: { title: string; text?: string; published?: string }): ReportYear | null {
  const fromTitle = firstYear(report.title);
  if (fromTitle) return { year: fromTitle, from: 'title' };
  const fromText = report.text ? firstYear(report.text.slice(0, OPENING)) : 0;
  if (fromText) return { year: fromText, from: 'text' };
  const published = /([12][0-9]{3})(?:[-/.年]\s*([0-9]{1,2}))?/.exec(report.published ?? '');
  if (published) {
    const month = published[2] ? Number(published[2]) : 0;
    return { year: Number(published[1]) - (month === 12 ? 0 : 1), from: 'published' };
  }
  return null;
}

/** The first year mentioned, outside 《》 and outside a range of years; 0 when none. */
function firstYear(text: string): number {
  const masked = maskTitles(text.normalize('NFKC'));
  for (const m of masked.matchAll(YEAR)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (RANGE_BEFORE.test(masked.slice(Math.max(0, start - 8), start))) continue;
    if (RANGE_AFTER.test(masked.slice(start + m[1].length, end + 8))) continue;
    const year = /^[0-9]+$/.test(m[1]) ? Number(m[1]) : chineseNumeralValue(m[1]);
    if (year >= 1949 && year <= 2200) return year;
  }
  return 0;
}

/** Titles of other documents quoted in 《》 replaced by blanks of the same length. */
function maskTitles(text: string): string {
  return text.replace(/《[^》]*》/g, (m) => '＿'.repeat(m.length));
}
