import { describe, expect, it } from 'vitest';
import { explainDocNumber } from '../../../study/docno-explain';
import type { DocNumberMatch } from '../../../recognition/types';
import { docNumberOf } from './helpers/matches';

function parts(m: DocNumberMatch) {
  return explainDocNumber(m).agencyParts.map((p) => [p.text, p.kind]);
}

describe('explainDocNumber: fields', () => {
  it('splits 张政字〔2018〕8号 into agency code, year and serial with their offsets', () => {
    const m = { ...docNumberOf('张政字〔2018〕8号', '张政字', '2018', '8'), start: 100, end: 112 };
    const e = explainDocNumber(m);
    expect(e.fields.map((f) => [f.role, f.label.zh, f.text, f.start, f.end])).toEqual([
      ['agency', '机关代字', '张政字', 100, 103],
      ['year', '年份', '2018', 104, 108],
      ['serial', '发文顺序号', '8', 109, 110],
    ]);
  });

  it('finds the serial after 第 and zero padding, and a decree number without a year', () => {
    const e = explainDocNumber(docNumberOf('吐临〔2020〕第00600号', '吐临', '2020', '00600'));
    expect(e.fields.find((f) => f.role === 'serial')).toMatchObject({ text: '00600', start: 9, end: 14 });
    const d = explainDocNumber(docNumberOf('国务院令第699号', '国务院', '', '699', 'decree'));
    expect(d.fields.map((f) => f.role)).toEqual(['agency', 'serial']);
    expect(d.issuer?.zh).toBe('国务院');
  });
});

describe('explainDocNumber: what the agency code says', () => {
  it('names central issuers from their codes', () => {
    expect(explainDocNumber(docNumberOf('国办发（2016）12号', '国办发', '2016', '12')).issuer?.zh).toBe('国务院办公厅');
    expect(explainDocNumber(docNumberOf('中办发〔2016〕30号', '中办发', '2016', '30')).issuer?.zh).toBe('中共中央办公厅');
    expect(explainDocNumber(docNumberOf('国发〔2015〕8号', '国发', '2015', '8')).issuer?.zh).toBe('国务院');
    expect(parts(docNumberOf('国办发（2016）12号', '国办发', '2016', '12'))).toEqual([
      ['国', 'issuer'], ['办', 'body'], ['发', 'series'],
    ]);
  });

  it('names a province-level body from its abbreviation and pattern', () => {
    const lu = explainDocNumber(docNumberOf('鲁办发〔2017〕49号', '鲁办发', '2017', '49'));
    expect(lu.issuer?.zh).toBe('中共山东省委员会办公厅');
    expect(lu.agencyParts[0].meaning.zh).toBe('山东省的简称');
    expect(explainDocNumber(docNumberOf('鲁政发〔2018〕3号', '鲁政发', '2018', '3')).issuer).toEqual({
      zh: '山东省人民政府', en: "Shandong People's Government",
    });
    expect(explainDocNumber(docNumberOf('湘政办发〔2019〕1号', '湘政办发', '2019', '1')).issuer?.zh).toBe('湖南省人民政府办公厅');
    expect(explainDocNumber(docNumberOf('川府发〔2019〕1号', '川府发', '2019', '1')).issuer?.zh).toBe('四川省人民政府');
  });

  it('does not name an issuer where the abbreviation is shared or the pattern is not the province’s', () => {
    const qing = explainDocNumber(docNumberOf('青政发〔2019〕1号', '青政发', '2019', '1'));
    expect(qing.issuer).toBeUndefined();
    expect(qing.agencyParts[0].meaning.zh).toContain('青岛市');
    expect(explainDocNumber(docNumberOf('苏府〔2019〕1号', '苏府', '2019', '1')).issuer).toBeUndefined();
  });

  it('decodes a local code without claiming which place it is', () => {
    const e = explainDocNumber(docNumberOf('张政字〔2018〕8号', '张政字', '2018', '8'));
    expect(e.issuer).toBeUndefined();
    expect(e.agencyParts.map((p) => [p.text, p.kind, p.meaning.zh])).toEqual([
      ['张', 'localPlace', '地方简称，代字本身未说明是哪个地方'],
      ['政', 'body', '人民政府'],
      ['字', 'series', '字号'],
    ]);
    expect(e.reading.zh).toBe('张（地方简称，代字本身未说明是哪个地方） · 政（人民政府） · 字（字号）');
  });

  it('keeps multi-character place codes together and marks what it cannot read', () => {
    expect(parts(docNumberOf('济长政发〔2018〕8号', '济长政发', '2018', '8'))).toEqual([
      ['济长', 'localPlace'], ['政', 'body'], ['发', 'series'],
    ]);
    expect(parts(docNumberOf('淄编办函[2017]34号', '淄编办函', '2017', '34'))).toEqual([
      ['淄', 'localPlace'], ['编办', 'body'], ['函', 'series'],
    ]);
    expect(parts(docNumberOf('錫署辦傳發〔2012〕137 號', '錫署辦傳發', '2012', '137'))).toEqual([
      ['錫', 'localPlace'], ['署', 'body'], ['辦', 'body'], ['傳', 'unknown'], ['發', 'series'],
    ]);
    expect(parts(docNumberOf('厅发〔2017〕29号', '厅发', '2017', '29'))).toEqual([['厅', 'body'], ['发', 'series']]);
  });

  it('reads ministry codes and decree issuers', () => {
    expect(parts(docNumberOf('工信部聯信﹝2011﹞455號', '工信部聯信', '2011', '455'))).toEqual([
      ['工信部', 'issuer'], ['聯', 'body'], ['信', 'unknown'],
    ]);
    expect(explainDocNumber(docNumberOf('国令第843号', '国', '', '843', 'decree')).issuer?.zh).toBe('国务院');
    expect(explainDocNumber(docNumberOf('主席令第三十二号', '主席', '', '三十二', 'decree')).issuer?.zh).toBe('中华人民共和国主席');
    expect(explainDocNumber(docNumberOf('国家税务总局公告2026年第6号', '国家税务总局', '2026', '6', 'announcement')).issuer?.zh)
      .toBe('国家税务总局');
  });
});

describe('explainDocNumber: full-width digits', () => {
  it('finds a year given folded to ASCII in a number written with full-width digits', () => {
    const e = explainDocNumber(docNumberOf('张政字〔２０１８〕８号', '张政字', '2018', '８'));
    expect(e.fields.map((f) => [f.text, f.start, f.end])).toEqual([['张政字', 0, 3], ['２０１８', 4, 8], ['８', 9, 10]]);
  });
});
