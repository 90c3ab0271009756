import { describe, expect, it } from 'vitest';
import { recognize } from '../../../recognition/recognize';

describe('recognize', () => {
  it('returns every kind, sorted by start and never overlapping', () => {
    const text =
      '根据张发〔2016〕22号精神，2017年共召开调度会36次，8月23日征求意见，形成9项13条建议，出庭率达96.25%。\n张店区人民政府\n2018年3月7日';
    const found = recognize(text);
    expect(found.map((m) => `${m.category}:${m.text}`)).toEqual([
      'docno:张发〔2016〕22号',
      'date:2017年',
      'figure:36次',
      'date:8月23日',
      'figure:9项',
      'figure:13条',
      'figure:96.25%',
      'date:2018年3月7日',
    ]);
    for (let k = 1; k < found.length; k++) expect(found[k].start).toBeGreaterThanOrEqual(found[k - 1].end);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('prefers a document number over a date inside it, and a date over a figure', () => {
    expect(recognize('国家税务总局公告2026年第6号').map((m) => m.category)).toEqual(['docno']);
    expect(recognize('每月10日前').map((m) => m.category)).toEqual(['date']);
    expect(recognize('2018年3月7日').map((m) => m.text)).toEqual(['2018年3月7日']);
  });

  it('finds nothing in text without numbers', () => {
    expect(recognize('')).toEqual([]);
    expect(recognize('法治政府建设迈出新步伐')).toEqual([]);
  });
});
