// The Indicators view's table (library/indicator-table.ts) over the stored texts of 西城区's reports (the e2e
// fixture pages, read as the gold set reads them) and over made-up reports for what real ones rarely show:
// issuers lined up, one report per year, conflicts, the user's merges, units, and the long and wide rows.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeIndicators, unmergeIndicator, type ReportYear } from '../../../indicators';
import { indicatorValue } from '../../../indicators/value';
import { reportFigures, storedReport } from '../../../library/indicator-reports';
import {
  buildIndicatorTable,
  choiceKey,
  lineUpIssuers,
  longRows,
  planYears,
  wideRows,
  type ReportFigure,
  type StoredReport,
} from '../../../library/indicator-table';
import type { PageRecord } from '../../../model';
import { recognizeFigures } from '../../../recognition/figures';
import { reportText } from '../../support/indicator-gold';

const FIXTURES = path.resolve(__dirname, '../../e2e/fixtures');

/** A page record as the library keeps one after a visit and an annotation. */
function page(year: number, url: string): PageRecord {
  const html = fs.readFileSync(path.join(FIXTURES, `xicheng-${year}-report.html`), 'utf8');
  const title = /<h1>([^<]+)<\/h1>/.exec(html)![1];
  return { url, title, kind: 'report', snapshot: reportText(html), firstSeen: '2025-01-01T00:00:00.000Z', lastSeen: `2025-01-0${year - 2020}T00:00:00.000Z` };
}

const XICHENG: Array<[number, string]> = [
  [2022, 'https://www.beijing.gov.cn/gongkai/fzzfjsbg/qzf/xcq/202303/t20230330_2947667.html'],
  [2023, 'https://www.beijing.gov.cn/gongkai/fzzfjsbg/qzf/xcq/202403/t20240327_3602393.html'],
  [2024, 'https://www.beijing.gov.cn/gongkai/fzzfjsbg/qzf/xcq/202503/t20250319_4038803.html'],
  [2025, 'https://www.bjxch.gov.cn/xxgk/xxxq/pnidpv992314.html'],
];

let pages: PageRecord[];
let figures: Map<string, ReportFigure[]>;

beforeAll(async () => {
  pages = XICHENG.map(([year, url]) => page(year, url));
  figures = new Map();
  for (const p of pages) figures.set(p.url, await reportFigures(p.snapshot!, () => {}));
});

const report = (over: Partial<StoredReport> & { url: string }): StoredReport => ({
  title: '',
  issuer: '张店区人民政府',
  year: { year: 2017, from: 'title' },
  hasText: true,
  lastSeen: '2025-01-01T00:00:00.000Z',
  ...over,
});
const year = (y: number, from: ReportYear['from'] = 'title'): ReportYear => ({ year: y, from });

/** A named figure as reportFigures makes one, from a figure written as in a report. */
function named(indicator: string, key: string, written: string): ReportFigure {
  const f = recognizeFigures(written)[0];
  return { indicator, key, figure: f.text, value: indicatorValue(f), start: 0, end: f.end, sentence: `${indicator}${written}。` };
}

describe('the reports of a place', () => {
  it('reads issuer and year off a stored page, and says whether its text is kept', () => {
    const [first] = pages;
    expect(storedReport(first)).toMatchObject({ issuer: '北京市西城区人民政府', year: { year: 2022, from: 'title' }, hasText: true });
    const imported = storedReport({ ...first, snapshot: undefined, title: '关于2019年度法治政府建设工作情况的报告', issuer: '汉源县人民政府', published: '2020-02-10' });
    expect(imported).toMatchObject({ issuer: '汉源县人民政府', year: { year: 2019, from: 'title' }, hasText: false });
  });

  it('lines up the issuers: one government however it is named, its 司法局 apart, the unnamed together', () => {
    const issuers = lineUpIssuers([
      report({ url: 'a', issuer: '北京市西城区人民政府' }),
      report({ url: 'b', issuer: '西城区政府' }),
      report({ url: 'c', issuer: '北京市西城区司法局' }),
      report({ url: 'd', issuer: '' }),
      report({ url: 'e', issuer: '西城区人民政府' }),
      report({ url: 'f', issuer: '' }),
    ]);
    expect(issuers.map((i) => [i.name, i.reports.map((r) => r.url)])).toEqual([
      ['北京市西城区人民政府', ['a', 'b', 'e']],
      ['北京市西城区司法局', ['c']],
      ['', ['d', 'f']],
    ]);
  });

  it('uses one report per year; of two that claim a year, the one whose title says it, unless the user chose', () => {
    const [issuer] = lineUpIssuers([
      report({ url: 'r2016', year: year(2016) }),
      report({ url: 'guess2017', year: year(2017, 'published'), lastSeen: '2025-06-01T00:00:00.000Z' }),
      report({ url: 'title2017', year: year(2017) }),
      report({ url: 'undated', year: null }),
      report({ url: 'no-text', year: year(2015), hasText: false }),
    ]);
    const plan = planYears([issuer]);
    expect(plan.years).toEqual([2016, 2017]);
    expect(plan.slots.map((s) => [s.year, s.report.url, s.others.map((o) => o.url)])).toEqual([
      [2016, 'r2016', []],
      [2017, 'title2017', ['guess2017']],
    ]);
    expect(plan.undated.map((r) => r.url)).toEqual(['undated']);
    expect(plan.withoutText.map((r) => r.url)).toEqual(['no-text']);
    const chosen = planYears([issuer], new Map([[choiceKey(issuer.id, 2017), 'guess2017']]));
    expect(chosen.slots[1]).toMatchObject({ report: { url: 'guess2017' }, others: [{ url: 'title2017' }] });
  });
});

describe('the table of indicators × years', () => {
  const xicheng = () => lineUpIssuers(pages.map(storedReport));

  it('lines up 西城区’s reports by the year they cover, an indicator stated in two years first', () => {
    const issuers = xicheng();
    expect(issuers.map((i) => i.name)).toEqual(['北京市西城区人民政府', '北京市西城区司法局']);
    const table = buildIndicatorTable(planYears([issuers[0]]), figures, {});
    expect(table.years).toEqual([2022, 2023, 2024]);
    const [first] = table.rows;
    expect(first.label).toBe('政策性文件草案向社会公开征集意见');
    expect([...first.cells.entries()].map(([y, c]) => [y, c.figures[0].figure, c.figures[0].value.value])).toEqual([
      [2023, '21件', 21],
      [2024, '14件', 14],
    ]);
    expect(first.unit).toBe('件');
    expect(first.cells.get(2023)!.figures[0].sentence).toBe('政策性文件草案向社会公开征集意见21件。');
    // Every named figure of the three reports is in exactly one cell.
    const inCells = table.rows.flatMap((r) => [...r.cells.values()].flatMap((c) => c.figures));
    expect(inCells).toHaveLength([2022, 2023, 2024].reduce((n, y) => n + figures.get(XICHENG.find(([x]) => x === y)![1])!.length, 0));
  });

  it('groups two indicators the user merged into one row, and splits them again when the merge is undone', () => {
    const plan = planYears([xicheng()[0]]);
    const rowOf = (table: ReturnType<typeof buildIndicatorTable>, label: string) => table.rows.find((r) => r.label === label);
    const apart = buildIndicatorTable(plan, figures, {});
    const info = rowOf(apart, '主动公开信息')!;
    const government = rowOf(apart, '主动公开政府信息')!;
    expect([...info.cells.keys()]).toEqual([2023]);
    expect([...government.cells.keys()]).toEqual([2024]);

    const merges = mergeIndicators({}, [government.group], info.group);
    const together = buildIndicatorTable(plan, figures, merges);
    const merged = rowOf(together, '主动公开信息')!;
    expect([...merged.cells.entries()].map(([y, c]) => [y, c.figures[0].value.value])).toEqual([[2023, 22432], [2024, 24509]]);
    expect(merged.keys).toEqual(['主动公开信息', '主动公开政府信息']);
    expect(merged.merged).toEqual(['主动公开政府信息']);
    expect(rowOf(together, '主动公开政府信息')).toBeUndefined();
    // Now in two years, it comes up among the first rows.
    expect(together.rows.indexOf(merged)).toBeLessThan(2);

    const undone = buildIndicatorTable(plan, figures, unmergeIndicator(merges, '主动公开政府信息'));
    expect(rowOf(undone, '主动公开政府信息')).toBeDefined();
    expect([...rowOf(undone, '主动公开信息')!.cells.keys()]).toEqual([2023]);
  });

  it('gives each issuer its own row of the same indicator', () => {
    const a = report({ url: 'a', issuer: '张店区人民政府', year: year(2017) });
    const b = report({ url: 'b', issuer: '周村区人民政府', year: year(2017) });
    const c = report({ url: 'c', issuer: '周村区人民政府', year: year(2018) });
    const data = new Map([
      ['a', [named('受理行政复议案件', '受理行政复议案件', '87件')]],
      ['b', [named('受理行政复议申请', '受理行政复议案件', '40件')]],
      ['c', [named('受理行政复议案件', '受理行政复议案件', '52件')]],
    ]);
    const table = buildIndicatorTable(planYears(lineUpIssuers([a, b, c])), data, {});
    expect(table.years).toEqual([2017, 2018]);
    // The group with more cells across issuers first; within it, issuers in their order.
    expect(table.rows.map((r) => [r.issuer.name, r.label, [...r.cells.keys()]])).toEqual([
      ['张店区人民政府', '受理行政复议案件', [2017]],
      ['周村区人民政府', '受理行政复议申请', [2017, 2018]],
    ]);
  });

  it('takes the unit most years state; a year in another unit stays out of the wide row', () => {
    const reports = [2019, 2020, 2021].map((y) => report({ url: `r${y}`, year: year(y) }));
    const data = new Map([
      ['r2019', [named('化解纠纷', '化解纠纷', '89件')]],
      ['r2020', [named('化解纠纷', '化解纠纷', '3.2万件')]],
      ['r2021', [named('化解纠纷', '化解纠纷', '96%')]],
    ]);
    const table = buildIndicatorTable(planYears(lineUpIssuers(reports)), data, {});
    expect(table.rows[0].unit).toBe('件');
    expect([...wideRows(table)[0].values]).toEqual([[2019, 89], [2020, 32000]]);
  });
});

describe('the long and wide rows', () => {
  it('has one long row per named figure, with its report, sentence and link, and one wide row per table row', () => {
    const issuers = lineUpIssuers(pages.map(storedReport));
    const table = buildIndicatorTable(planYears(issuers), figures, {});
    const long = longRows(table);
    expect(long).toHaveLength([...figures.values()].reduce((n, f) => n + f.length, 0));
    const info = long.find((r) => r.indicatorAsWritten === '主动公开信息')!;
    expect(info).toMatchObject({
      issuer: '北京市西城区人民政府', year: 2023, indicator: '主动公开信息', value: 22432, unit: '条', qualifier: 'exact', figure: '22432条',
      url: XICHENG[1][1], title: '北京市西城区人民政府2023年法治政府建设年度情况报告',
    });
    expect(decodeURIComponent(info.link)).toBe(`${XICHENG[1][1]}#:~:text=${info.sentence}`);
    const more = long.find((r) => r.figure === '110余件次')!;
    expect(more).toMatchObject({ issuer: '北京市西城区司法局', year: 2025, value: 110, qualifier: 'more', qualifierWords: '余' });

    const wide = wideRows(table);
    expect(wide).toHaveLength(table.rows.length);
    expect(wide[0]).toMatchObject({ indicator: '政策性文件草案向社会公开征集意见', issuer: '北京市西城区人民政府', unit: '件' });
    expect([...wide[0].values]).toEqual([[2023, 21], [2024, 14]]);
  });

  it('links only web pages to their sentence', () => {
    const table = buildIndicatorTable(
      planYears(lineUpIssuers([report({ url: 'urn:uuid:5e1d0000-0000-4000-8000-000000000001' })])),
      new Map([['urn:uuid:5e1d0000-0000-4000-8000-000000000001', [named('受理行政复议案件', '受理行政复议案件', '87件')]]]),
      {},
    );
    expect(longRows(table)[0].link).toBe('');
  });
});
