import { describe, expect, it } from 'vitest';
import { indicatorValue } from '../../../indicators/value';
import { chartSeries, valueTicks } from '../../../library/indicator-chart';
import { buildIndicatorTable, lineUpIssuers, planYears, type ReportFigure, type StoredReport } from '../../../library/indicator-table';
import { recognizeFigures } from '../../../recognition/figures';

const report = (url: string, issuer: string, year: number): StoredReport => ({
  url, title: '', issuer, year: { year, from: 'title' }, hasText: true, lastSeen: '2025-01-01T00:00:00.000Z',
});
function named(written: string): ReportFigure {
  const f = recognizeFigures(written)[0];
  return { indicator: '培训执法人员', key: '培训执法人员', figure: f.text, value: indicatorValue(f), start: 0, end: f.end, sentence: '' };
}

describe('the chart of an indicator', () => {
  it('draws a series per place, a point per year it has, qualifiers kept, another unit left out and said', () => {
    const reports = [report('a', '张店区人民政府', 2016), report('b', '张店区人民政府', 2017), report('c', '张店区人民政府', 2019),
      report('d', '周村区人民政府', 2017), report('e', '周村区人民政府', 2018)];
    const figures = new Map([['a', [named('480余名')]], ['b', [named('520名')]], ['c', [named('36%')]], ['d', [named('近300名')]], ['e', [named('310名')]]]);
    const table = buildIndicatorTable(planYears(lineUpIssuers(reports)), figures, {});
    const series = chartSeries(table.rows, table.years);
    expect(series.map((s) => [s.issuer, s.unit, s.points.map((p) => [p.year, p.value, p.bound]), s.otherUnit])).toEqual([
      ['张店区人民政府', '名', [[2016, 480, 'more'], [2017, 520, 'exact']], [2019]],
      ['周村区人民政府', '名', [[2017, 300, 'less'], [2018, 310, 'exact']], []],
    ]);
    expect(series[0].points[0].qualifiers).toEqual(['余']);
  });

  it('puts round ticks from zero up to the largest value', () => {
    expect(valueTicks(24509)).toEqual([0, 10000, 20000, 30000]);
    expect(valueTicks(21)).toEqual([0, 10, 20, 30]);
    expect(valueTicks(48.6)).toEqual([0, 20, 40, 60]);
    expect(valueTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(valueTicks(0.9)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(valueTicks(0)).toEqual([0, 1]);
  });
});
