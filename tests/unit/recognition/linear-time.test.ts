// Every recogniser must stay linear on hostile input (the content script runs them on every report page):
// long runs of the characters the scanners anchor on, and repetitions of almost-matches. Time for 1 MB is
// compared with time for a quarter of it: linear work grows ×4, quadratic ×16; the bound sits at ×8, far enough
// from both that a loaded machine does not decide the outcome. How fast recognition is in absolute terms is the
// benchmark's business (npm run bench), not a test's.
import { describe, expect, it } from 'vitest';
import { recognize } from '../../../recognition/recognize';
import { growth } from '../../support/growth';

const MB = 1 << 20;

/** `unit` repeated to `size` characters, then `tail`. */
function repeated(unit: string, size: number, tail = ''): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + tail;
}

const HOSTILE: Array<[string, (size: number) => string]> = [
  ['〔 only', (n) => repeated('〔', n)],
  ['〔… then a year', (n) => repeated('〔', n, '2018〕')],
  ['ASCII digits', (n) => repeated('1', n)],
  ['full-width digits', (n) => repeated('８', n)],
  ['号 only', (n) => repeated('号', n)],
  ['Han run before a bracket', (n) => repeated('张', n, '〔2018〕8号')],
  ['Han run before 令', (n) => repeated('国', n, '令第1号')],
  ['document numbers back to back', (n) => repeated('张政字〔2018〕8号', n)],
  ['almost document numbers', (n) => repeated('张政字〔2018〕', n)],
  ['brackets and years', (n) => repeated('〔2018', n)],
  ['令第 repeated', (n) => repeated('令第', n)],
  ['令 and digits without 第', (n) => repeated('府令38', n)],
  ['decrees after dates', (n) => repeated('二〇一五年三月二日市人民政府令第45号', n)],
  ['公告 repeated', (n) => repeated('公告2018年第', n)],
  ['figures back to back', (n) => repeated('1项', n)],
  ['compound units', (n) => repeated('1微克/立方米/', n)],
  ['slashes after units', (n) => repeated('1万元/万', n)],
  ['time limits', (n) => repeated('1日内', n)],
  ['thousands separators', (n) => repeated('1,000', n)],
  ['dotted numbers', (n) => repeated('1.', n)],
  ['dates back to back', (n) => repeated('2018年3月7日', n)],
  ['day ranges', (n) => repeated('3月1日至', n)],
  ['year ranges', (n) => repeated('2016—', n)],
  ['Chinese numerals', (n) => repeated('二〇一八', n)],
  ['spaces and digits', (n) => repeated('1 ', n)],
  ['qualifiers', (n) => repeated('累计超过', n, '5项')],
  ['numbers alone on printed lines', (n) => repeated('累计主动公开政府信息\n5928\n', n)],
  ['numbers alone on printed lines, each with its unit', (n) => repeated('累计主动公开政府信息\n5928\n条,', n)],
];

describe('recognition runs in linear time', () => {
  for (const [name, make] of HOSTILE) {
    it(`${name}: 1 MB costs less than 8× a quarter of it`, () => {
      const quarter = make(MB / 4);
      const full = make(MB);
      const cost = growth(() => recognize(quarter), () => recognize(full));
      // A few ms of slack: at the smaller size timer noise is of that order.
      expect(cost.full).toBeLessThanOrEqual(8 * cost.quarter + 10);
    }, 60_000); // five megabytes of recognition, on a machine that may be busy
  }
});
