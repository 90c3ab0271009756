// Report years read from the titles and openings of real reports (the gold set's sources and the fixtures).
import { describe, expect, it } from 'vitest';
import { reportYear } from '../../../indicators/report-year';

describe('the year a report covers', () => {
  it.each([
    ['张店区人民政府关于2017年度法治政府建设情况的报告', 2017],
    ['荆州市荆州区人民政府2017年度法治政府建设工作报告', 2017],
    ['大通区人民政府关于2023年法治政府建设情况的报告', 2023],
    ['多倫縣2012年度推進依法行政工作情況的報告', 2012],
    ['2020年静海区法治政府建设情况报告', 2020],
    ['静海区2023年度法治政府建设情况报告', 2023],
    ['北京市石景山区人民政府2021年法治政府建设年度情况报告', 2021],
    ['北京市通州區人民政府2021年法治政府建設年度情況報告', 2021],
    ['淮安市人民政府关于2017年度法治政府建设情况的报告', 2017],
    ['石家庄市人民政府关于2016年度法治政府建设情况的报告', 2016],
    ['关于二〇一八年度法治政府建设情况的报告', 2018],
  ])('%s → %i', (title, year) => {
    expect(reportYear({ title, published: '2030-03-01' })).toEqual({ year, from: 'title' });
  });

  it('skips ranges and the titles of other documents', () => {
    expect(reportYear({ title: '贯彻《法治政府建设实施纲要(2015-2020年)》2019年工作情况' })).toEqual({ year: 2019, from: 'title' });
    expect(reportYear({ title: '法治政府建设规划(2016—2020年)中期评估报告' })).toBeNull();
  });

  it('reads the opening of the text when the title names no year', () => {
    expect(reportYear({
      title: '关于法治政府建设情况的报告',
      text: '2019年,汉源县法治政府建设工作以习近平新时代中国特色社会主义思想为指导,对照《法治政府建设实施纲要(2015—2020年)》',
    })).toEqual({ year: 2019, from: 'text' });
    expect(reportYear({ title: '法治政府建设工作报告', text: '按照《法治政府建设实施纲要(2015-2020年)》要求,现将2018年度法治政府建设情况报告如下' }))
      .toEqual({ year: 2018, from: 'text' });
  });

  it('falls back on the year before publication', () => {
    expect(reportYear({ title: '法治政府建设情况报告', published: '2018-03-12' })).toEqual({ year: 2017, from: 'published' });
    expect(reportYear({ title: '法治政府建设情况报告', published: '2018-12-28' })).toEqual({ year: 2018, from: 'published' });
    expect(reportYear({ title: '法治政府建设情况报告' })).toBeNull();
  });
});
