// Every recogniser must stay linear on hostile input (the content script runs them on every report page):
// long runs of the characters the scanners anchor on, and repetitions of almost-matches. Time for 1 MB is
// compared with time for 0.5 MB; a super-linear scanner would at least quadruple.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recognize } from '../../../recognition/recognize';
import { SHARED_FIXTURES } from './fixture-pages';

const MB = 1 << 20;

/** `unit` repeated to `size` characters, then `tail`. */
function repeated(unit: string, size: number, tail = ''): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + tail;
}

/** Median of a few runs, for the absolute bound; the fastest run, for ratios (least disturbed by load and GC). */
function timings(text: string, runs = 3): { median: number; fastest: number } {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    recognize(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], fastest: times[0] };
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
  ['公告 repeated', (n) => repeated('公告2018年第', n)],
  ['figures back to back', (n) => repeated('1项', n)],
  ['thousands separators', (n) => repeated('1,000', n)],
  ['dotted numbers', (n) => repeated('1.', n)],
  ['dates back to back', (n) => repeated('2018年3月7日', n)],
  ['day ranges', (n) => repeated('3月1日至', n)],
  ['year ranges', (n) => repeated('2016—', n)],
  ['Chinese numerals', (n) => repeated('二〇一八', n)],
  ['spaces and digits', (n) => repeated('1 ', n)],
  ['qualifiers', (n) => repeated('累计超过', n, '5项')],
];

describe('recognition runs in linear time', () => {
  for (const [name, make] of HOSTILE) {
    it(`${name}: 1 MB within 3× the time of 0.5 MB, well under a second`, () => {
      const half = make(MB / 2);
      const full = make(MB);
      timings(half, 1); // warm up the JIT on this shape
      const tHalf = timings(half);
      const tFull = timings(full);
      expect(tFull.median).toBeLessThan(1000);
      // A few ms of slack: at these sizes timer noise is of that order.
      expect(tFull.fastest).toBeLessThanOrEqual(3 * tHalf.fastest + 5);
    });
  }

  it('takes well under 100 ms for 1 MB of real report text', () => {
    const page = fs.readFileSync(`${SHARED_FIXTURES}/pages/zhangdian-2017-report.html`, 'utf8');
    const body = page.replace(/<[^>]+>/g, '\n');
    const text = repeated(body, MB);
    timings(text, 2);
    const t = timings(text, 5).median;
    console.log(`1 MB of report text: ${t.toFixed(1)} ms, ${recognize(text).length} matches`);
    expect(t).toBeLessThan(100);
  });
});
