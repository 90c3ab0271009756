// @vitest-environment jsdom
// The Indicators view's table and chart as a reader sees them, rendered with the real locale strings over a
// table built from made-up reports: links to sentences, the stored copy for other addresses, qualifiers marked.
import fs from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IndicatorChart } from '../../../components/library/indicators/IndicatorChart';
import { IndicatorTable } from '../../../components/library/indicators/IndicatorTable';
import { indicatorValue } from '../../../indicators/value';
import { chartSeries } from '../../../library/indicator-chart';
import { buildIndicatorTable, lineUpIssuers, planYears, type ReportFigure, type StoredReport } from '../../../library/indicator-table';
import { recognizeFigures } from '../../../recognition/figures';

// As in the study panel's test: the fake browser alone, without WXT's build tooling.
vi.mock('wxt/testing', async () => ({ fakeBrowser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

function useLocale(locale: 'zh_CN' | 'en') {
  const file = path.resolve(process.cwd(), `public/_locales/${locale}/messages.json`);
  const messages: Record<string, { message: string }> = JSON.parse(fs.readFileSync(file, 'utf8'));
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n) => list[Number(n) - 1] ?? '');
  }) as never);
}

const report = (url: string, year: number): StoredReport => ({
  url, title: `张店区人民政府关于${year}年度法治政府建设情况的报告`, issuer: '张店区人民政府', year: { year, from: 'title' }, hasText: true, lastSeen: '2025-01-01T00:00:00.000Z',
});
function named(indicator: string, written: string, start = 0): ReportFigure {
  const f = recognizeFigures(written)[0];
  return { indicator, key: indicator, figure: f.text, value: indicatorValue(f), start, end: start + f.text.length, sentence: `${indicator}${written}。` };
}

const TABLE = buildIndicatorTable(
  planYears(lineUpIssuers([report('https://www.zhangdian.gov.cn/2016.html', 2016), report('urn:uuid:5e1d0000-0000-4000-8000-000000000017', 2017)])),
  new Map([
    ['https://www.zhangdian.gov.cn/2016.html', [named('培训执法人员', '480余名'), named('受理行政复议案件', '2.5万件')]],
    ['urn:uuid:5e1d0000-0000-4000-8000-000000000017', [named('培训执法人员', '520名', 30)]],
  ]),
  {},
);

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  useLocale('zh_CN');
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

describe('the indicator table', () => {
  it('links a web page’s figure to its sentence, and opens another address’s in the stored copy', () => {
    const opened: string[] = [];
    render(
      <IndicatorTable table={TABLE} showIssuer={false} chosen={null} onChoose={() => {}} ticked={new Set()} onTick={() => {}} onUnmerge={() => {}}
        openCopy={(cell, f) => opened.push(`${cell.slot.report.url} ${f.start}`)} />,
      root,
    );
    const trained = root.querySelector('tr[data-group="培训执法人员"]')!;
    const link = trained.querySelector('td[data-year="2016"] a')!;
    expect(decodeURIComponent(link.getAttribute('href')!)).toBe('https://www.zhangdian.gov.cn/2016.html#:~:text=培训执法人员480余名。');
    expect(link.getAttribute('target')).toBe('_blank');
    // The number normalised, the report's qualifier beside it, the bound in words on hover.
    expect(link.textContent).toBe('480余');
    expect(link.querySelector('abbr')!.getAttribute('title')).toBe('多于');
    const stored = trained.querySelector<HTMLButtonElement>('td[data-year="2017"] button')!;
    expect(trained.querySelector('td[data-year="2017"] a')).toBeNull();
    stored.click();
    expect(opened).toEqual(['urn:uuid:5e1d0000-0000-4000-8000-000000000017 30']);
    expect(root.querySelector('tr[data-group="受理行政复议案件"] td[data-year="2016"]')!.textContent).toBe('25,000');
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['勾选', '指标', '单位', '2016', '2017']);
  });
});

describe('the indicator chart', () => {
  it('draws a point per year with its value and unit, hollow where the report qualifies it', () => {
    const rows = TABLE.rows.filter((r) => r.group === '培训执法人员');
    render(<IndicatorChart label="培训执法人员" series={chartSeries(rows, TABLE.years)} years={TABLE.years} />, root);
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toBe('“培训执法人员”各年数值折线图（单位：名）');
    expect([...svg.querySelectorAll('.ind-year')].map((t) => t.textContent)).toEqual(['2016', '2017']);
    const points = [...svg.querySelectorAll('.ind-point')];
    expect(points.map((p) => p.querySelector('text')!.textContent)).toEqual(['480 名（余）', '520 名']);
    expect(points.map((p) => p.getAttribute('data-qualified'))).toEqual(['true', null]);
    // The axis starts at zero and goes past the largest value.
    const ticks = [...svg.querySelectorAll('.ind-grid text')].map((t) => t.textContent);
    expect(ticks[0]).toBe('0');
    expect(Number(ticks.at(-1)!.replace(/,/g, ''))).toBeGreaterThanOrEqual(520);
    // Two consecutive years: one line between them.
    expect(svg.querySelectorAll('.ind-series line')).toHaveLength(1);
  });

  it('says so when there is nothing to chart', () => {
    render(<IndicatorChart label="x" series={[]} years={[2016]} />, root);
    expect(root.textContent).toBe('这个指标没有可以画图的数值。');
  });
});
