import { describe, expect, it } from 'vitest';
import { recognizeDates } from '../../../recognition/dates';

const texts = (s: string): string[] => recognizeDates(s).map((m) => m.text);

describe('dates', () => {
  it.each([
    ['2018年3月7日', { year: 2018, month: 3, day: 7 }],
    ['2018-03-12', { year: 2018, month: 3, day: 12 }],
    ['2018/3/12', { year: 2018, month: 3, day: 12 }],
    ['2018.3.12', { year: 2018, month: 3, day: 12 }],
    ['20.12.2017', { year: 2017, month: 12, day: 20 }],
    ['2017年11月', { year: 2017, month: 11 }],
    ['2017年9月份', { year: 2017, month: 9 }],
    ['8月23日', { month: 8, day: 23 }],
    ['2月份', { month: 2 }],
    ['2017年', { year: 2017 }],
    ['2017年度', { year: 2017 }],
    ['2016—2020年', { year: 2016 }],
    ['2011-2015年', { year: 2011 }],
    ['２０１８年３月７日', { year: 2018, month: 3, day: 7 }],
    ['2018 年 3 月 7 日', { year: 2018, month: 3, day: 7 }],
    ['二〇一八年八月七日', { year: 2018, month: 8, day: 7 }],
    ['二〇二三年十二月三十一日', { year: 2023, month: 12, day: 31 }],
    ['二〇一七年度', { year: 2017 }],
  ])('%s', (date, fields) => {
    const found = recognizeDates(`于${date}发布`);
    expect(found.map((m) => m.text)).toEqual([date]);
    expect(found[0]).toMatchObject(fields);
  });

  it('stops before a time of day', () => {
    expect(texts('发布日期:2018-03-12 14:30:47')).toEqual(['2018-03-12']);
    expect(texts('20.12.2017 07:04')).toEqual(['20.12.2017']);
  });

  it('carries month and year over to a later day', () => {
    const found = recognizeDates('7月10日至11日');
    expect(found.map((m) => m.text)).toEqual(['7月10日', '11日']);
    expect(found[1]).toMatchObject({ month: 7, day: 11 });
  });

  it('keeps a year range in a title whole', () => {
    expect(texts('《法治政府建设实施纲要(2015—2020年)》')).toEqual(['2015—2020年']);
  });

  it('reads two dates joined by 至', () => {
    expect(texts('2021年11月至2022年12月期间')).toEqual(['2021年11月', '2022年12月']);
  });

  it.each(['3个月', '15月', '2018-00650', '370303000-A/2018-00650', '1.2.3', '2018.3.12.5', '12345', '一是', '第一季度'])(
    'not a date: %s',
    (text) => {
      expect(texts(text)).toEqual([]);
    },
  );
});
