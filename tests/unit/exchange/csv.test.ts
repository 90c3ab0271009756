import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { annotationsCsv, CSV_BOM, docNumbersCsv, figuresCsv, indicatorsLongCsv, indicatorsWideCsv } from '../../../exchange/csv';
import type { DocNumberRow, FigureRow, IndicatorLongRow, IndicatorWideRow } from '../../../exchange/rows';
import { collect } from '../../../exchange/stream';
import { ANNOTATIONS, context, REPORT, TERMS } from './fixtures';

function parse(text: string): string[][] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const result = Papa.parse<string[]>(text.slice(CSV_BOM.length), { newline: '\r\n', skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  // The last line ends with CRLF too, which papaparse reads as one more, empty, row.
  expect(result.data.at(-1)).toEqual(['']);
  return result.data.slice(0, -1);
}

describe('annotations CSV', () => {
  it('reads back cell for cell, with the headers in the chosen language', async () => {
    const rows = parse(await collect(annotationsCsv(ANNOTATIONS, context(), { lang: 'zh', batchSize: 3 })));
    expect(rows[0]).toEqual([
      '创建时间', '修改时间', '批注人', '页面标题', '网址', '发布机构', '发文字号', '发布日期', '引文', '前文', '后文',
      '起始位置', '结束位置', '编码', '编码标识', '备注', '批注标识', '批注人标识',
    ]);
    expect(rows).toHaveLength(ANNOTATIONS.length + 1);
    const a = ANNOTATIONS[0];
    expect(rows[1]).toEqual([
      a.created, a.modified, '王小明', REPORT.title, a.sourceUrl, REPORT.issuer, REPORT.docNumber, REPORT.published,
      a.quote.exact, a.quote.prefix, a.quote.suffix, '1024', '1061', '重大行政决策; 依法决策',
      `${TERMS[0].id}; ${TERMS[1].id}`, a.note, a.id, '',
    ]);
    expect(rows[2][2]).toBe('Li, "Lee"');
    expect(rows[2][17]).toBe('mailto:li@example.org');
    expect(rows[2][13]).toBe(TERMS[2].label.en);
    const en = parse(await collect(annotationsCsv(ANNOTATIONS, context(), { lang: 'en' })));
    expect(en[0].slice(0, 3)).toEqual(['Created', 'Modified', 'Creator']);
    expect(en[0].at(-1)).toBe('Creator ID');
    expect(en[1][13]).toBe('Major administrative decisions; Lawful decision-making');
  });

  it('fills the creator column with the coder’s current name, the IRI where no name is known, and leaves no position blank as blank', async () => {
    const coder = 'urn:uuid:7c0de000-0000-4000-8000-000000000001';
    const mine = { ...ANNOTATIONS[0], creator: { id: coder, name: '' } };
    const colleague = { ...ANNOTATIONS[1], creator: { id: 'acct:li@hypothes.is', name: '' } };
    const unplaced = { ...ANNOTATIONS[2], position: undefined };
    const ctx = { ...context(), coders: new Map([[coder, '王小明']]) };
    const rows = parse(await collect(annotationsCsv([mine, colleague, unplaced], ctx, { lang: 'en' })));
    expect(rows.slice(1).map((r) => [r[2], r[17]])).toEqual([
      ['王小明', coder],
      ['acct:li@hypothes.is', 'acct:li@hypothes.is'],
      ['', ''],
    ]);
    expect(rows[3].slice(11, 13)).toEqual(['', '']);
  });

  it('follows RFC 4180: CRLF line ends, quotes doubled, fields with separators quoted', async () => {
    const text = await collect(annotationsCsv(ANNOTATIONS.slice(0, 1), context(), { lang: 'en' }));
    // Outside quoted fields every line break is CRLF.
    expect(text.replace(/"(?:[^"]|"")*"/g, '""').match(/\r?\n/g)).toEqual(['\r\n', '\r\n']);
    expect(text).toContain('"数字与去年报告不一致, 见第3页 ""表1""\n第二行 👍🏽"');
  });

  it('neutralises cells that a spreadsheet would run as formulas, even when they span lines', async () => {
    const rows = parse(await collect(annotationsCsv(ANNOTATIONS, context(), { lang: 'en' })));
    expect(rows[2][8]).toBe(`'${ANNOTATIONS[1].quote.exact}`);
    expect(rows[3][8]).toBe(`'${ANNOTATIONS[2].quote.exact}`);
    expect(rows[3][9]).toBe(`'${ANNOTATIONS[2].quote.prefix}`);
    expect(rows[3][10]).toBe(`'${ANNOTATIONS[2].quote.suffix}`);
    const tricky = ['\tTAB', '\rCR', '-2', '@cmd', '=1+1\n第二行'];
    const figures = tricky.map((text): FigureRow => ({ text, value: -2, unit: '', approx: '', before: '', after: '', sentence: '', heading: '', indicator: '', normalisedUnit: '', bound: '' }));
    const out = parse(figuresCsv(figures, 'en')).slice(1);
    expect(out.map((r) => r[0])).toEqual(tricky.map((t) => `'${t}`));
    // Numbers are data, not formulas: a negative value stays a number.
    expect(out.map((r) => r[1])).toEqual(tricky.map(() => '-2'));
    expect(rows[1][8]).toBe(ANNOTATIONS[0].quote.exact);
  });

  it('reports progress per batch and can be cancelled', async () => {
    const progress: number[] = [];
    const controller = new AbortController();
    const chunks: string[] = [];
    const run = async () => {
      for await (const chunk of annotationsCsv(ANNOTATIONS, context(), {
        lang: 'zh',
        batchSize: 2,
        signal: controller.signal,
        onProgress: (n) => {
          progress.push(n);
          if (n >= 2) controller.abort(new Error('stop'));
        },
      })) chunks.push(chunk);
    };
    await expect(run()).rejects.toThrow('stop');
    expect(progress).toEqual([2]);
    expect(chunks).toHaveLength(2);
  });
});

describe('figures and document numbers CSV', () => {
  it('writes the recognition tables with their numbers', () => {
    const figures: FigureRow[] = [
      { text: '480余名', value: 480, unit: '名', approx: '余', before: '共', after: '以上', sentence: '共培训执法人员480余名以上，覆盖率“100%”。', heading: '二、主要做法', indicator: '培训执法人员', normalisedUnit: '名', bound: 'more' },
      { text: '53亿元', value: 5_300_000_000, unit: '元', approx: '', before: '', after: '', sentence: '投入53亿元', heading: '', indicator: '投入', normalisedUnit: '元', bound: 'exact' },
      { text: '某数', value: NaN, unit: '', approx: '', before: '', after: '', sentence: '', heading: '', indicator: '', normalisedUnit: '', bound: '' },
    ];
    const rows = parse(figuresCsv(figures, 'zh'));
    expect(rows).toEqual([
      ['数字', '数值', '单位', '约数', '前置限定', '后置限定', '所在句子', '所在章节', '指标', '规范单位', '数值界限'],
      ['480余名', '480', '名', '余', '共', '以上', '共培训执法人员480余名以上，覆盖率“100%”。', '二、主要做法', '培训执法人员', '名', '多于'],
      ['53亿元', '5300000000', '元', '', '', '', '投入53亿元', '', '投入', '元', '确数'],
      ['某数', '', '', '', '', '', '', '', '', '', ''],
    ]);
    expect(parse(figuresCsv(figures, 'en'))[0].slice(8)).toEqual(['Indicator', 'Unit (normalised)', 'Bound']);
    expect(parse(figuresCsv(figures, 'en'))[1].slice(8)).toEqual(['培训执法人员', '名', 'more than']);
    const docs: DocNumberRow[] = [
      { text: '张政字〔2018〕8号', agency: '张政字', year: '2018', serial: '8', sentence: '根据《通知》（张政字〔2018〕8号），', heading: '一、' },
      { text: '国务院令第699号', agency: '国务院', year: '', serial: '699', sentence: '', heading: '' },
    ];
    expect(parse(docNumbersCsv(docs, 'en'))).toEqual([
      ['Document number', 'Agency code', 'Year', 'Serial', 'Sentence', 'Section'],
      ['张政字〔2018〕8号', '张政字', '2018', '8', '根据《通知》（张政字〔2018〕8号），', '一、'],
      ['国务院令第699号', '国务院', '', '699', '', ''],
    ]);
  });
});

describe('indicators CSV, long and wide', () => {
  const long: IndicatorLongRow[] = [
    { issuer: '北京市西城区人民政府', year: 2023, indicator: '主动公开信息', indicatorAsWritten: '主动公开信息', value: 22432, unit: '条', qualifier: 'exact', qualifierWords: '', figure: '22432条', sentence: '主动公开信息22432条，重点领域信息公开1364条。', title: '2023年报告', url: 'https://gov.example/2023', link: 'https://gov.example/2023#:~:text=x' },
    { issuer: '北京市西城区人民政府', year: 2024, indicator: '主动公开信息', indicatorAsWritten: '主动公开政府信息', value: 20000, unit: '条', qualifier: 'more', qualifierWords: '余', figure: '2万余条', sentence: '=主动公开政府信息2万余条。', title: '2024年报告', url: 'https://gov.example/2024', link: '' },
  ];

  it('writes the long format: one header row of variable names, years and values as plain numbers', () => {
    expect(parse(indicatorsLongCsv(long))).toEqual([
      ['issuer', 'year', 'indicator', 'indicator_as_written', 'value', 'unit', 'qualifier', 'qualifier_words', 'figure', 'sentence', 'title', 'url', 'link'],
      ['北京市西城区人民政府', '2023', '主动公开信息', '主动公开信息', '22432', '条', 'exact', '', '22432条', '主动公开信息22432条，重点领域信息公开1364条。', '2023年报告', 'https://gov.example/2023', 'https://gov.example/2023#:~:text=x'],
      // A sentence that looks like a formula is neutralised like any other cell.
      ['北京市西城区人民政府', '2024', '主动公开信息', '主动公开政府信息', '20000', '条', 'more', '余', '2万余条', "'=主动公开政府信息2万余条。", '2024年报告', 'https://gov.example/2024', ''],
    ]);
  });

  it('writes the wide format: a column per year, empty where a year has no value', () => {
    const wide: IndicatorWideRow[] = [
      { indicator: '主动公开信息', issuer: '北京市西城区人民政府', unit: '条', values: new Map([[2023, 22432], [2024, 20000]]) },
      { indicator: '进行政府常务会直播', issuer: '北京市西城区人民政府', unit: '次', values: new Map([[2022, 4]]) },
    ];
    expect(parse(indicatorsWideCsv(wide, [2022, 2023, 2024]))).toEqual([
      ['indicator', 'issuer', 'unit', 'y2022', 'y2023', 'y2024'],
      ['主动公开信息', '北京市西城区人民政府', '条', '', '22432', '20000'],
      ['进行政府常务会直播', '北京市西城区人民政府', '次', '4', '', ''],
    ]);
  });
});
