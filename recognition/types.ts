// What the recognisers find in a text. Offsets are UTF-16 code-unit indices into the text that was scanned
// (start inclusive, end exclusive), so that a caller can map a match back to the DOM ranges it came from.

import type { Category } from '../model';

export type { Category, CategorySwitches } from '../model';

interface BaseMatch {
  category: Category;
  start: number;
  end: number;
  /** The matched text, exactly text.slice(start, end). */
  text: string;
}

/** A document number (发文字号), decree number (令) or announcement number (公告). */
export interface DocNumberMatch extends BaseMatch {
  category: 'docno';
  /** 'document' for 张政字〔2018〕8号; 'decree' for 国务院令第699号; 'announcement' for 国家税务总局公告2026年第6号. */
  form: 'document' | 'decree' | 'announcement';
  /** Issuing-agency code (机关代字) as written: 张政字, 国务院 (of 国务院令), 国家税务总局. */
  agency: string;
  /** Four-digit year as written (full-width digits folded to ASCII); '' when the number carries none (令第699号). */
  year: string;
  /** Serial (序号) as written between the year and 号, without 第 (00600, 8, 三十二). */
  serial: string;
  /** The serial as a number when it is written in digits or Chinese numerals, else NaN. */
  serialValue: number;
}

/** A stated quantity: 36项, 480余名, 48.6%, 53亿元. */
export interface FigureMatch extends BaseMatch {
  category: 'figure';
  /** The number as written, folded to ASCII digits and without thousands separators: '48.6', '1200'. */
  number: string;
  /** Numeric value including the magnitude (53亿元 → 5_300_000_000; 48.6% → 48.6). */
  value: number;
  /** Magnitude character after the digits, if any: 万 / 亿 / 千 / 百 / 万亿. */
  magnitude: string;
  /** The unit or measure word (项, 名, 元, %, 个百分点, 平方米…). */
  unit: string;
  /** 余 or 多 between number and unit (part of the span), or ''. */
  approx: '' | '余' | '多';
  /** 内 after a time unit, making the figure a time limit (30日内; part of the span), or ''. */
  limit: '' | '内';
  /** Qualifier words just before the span (超过, 近, 约, 达, 共, 累计, 同比增长…), outside the span; '' if none. */
  before: string;
  /** Qualifier words just after the span (以上, 左右, 以内…), outside the span; '' if none. */
  after: string;
}

/** A calendar date or year: 2018年3月7日, 2018-03-12, 2017年11月, 8月23日, 2017年. */
export interface DateMatch extends BaseMatch {
  category: 'date';
  year?: number;
  month?: number;
  day?: number;
}

export type Match = DocNumberMatch | FigureMatch | DateMatch;
