import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DocNumberRow, FigureRow, IndicatorLongRow } from '../../../exchange/rows';
import { annotationsXlsx, indicatorsXlsx, recognitionXlsx } from '../../../exchange/xlsx';
import { ANNOTATIONS, context, REPORT, TERMS } from './fixtures';

interface CellXml {
  attrs: string;
  /** The cell's value: the shared string it points to, or the raw <v> text. */
  value: string;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

async function open(blob: Blob) {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const text = (name: string) => strFromU8(files[name]);
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)].map((m) => unescapeXml(m[1]));
  const sheetNames = [...text('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  const sheet = (index: number) => {
    const xml = text(`xl/worksheets/sheet${index + 1}.xml`);
    const cells = new Map<string, CellXml>();
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
      const attrs = m[2];
      cells.set(m[1], { attrs, value: /t="s"/.test(attrs) ? shared[Number(m[3])] : m[3] });
    }
    return { xml, cells };
  };
  return { sheetNames, sheet };
}

/** Excel's serial day number for an ISO date-time (days since 1899-12-30, UTC). */
function serial(iso: string): number {
  return Date.parse(iso) / 86_400_000 + 25_569;
}

describe('annotations workbook', () => {
  it('has the three sheets, each with a frozen bold header row', async () => {
    const book = await open(await annotationsXlsx(ANNOTATIONS, context(), { lang: 'zh' }));
    expect(book.sheetNames).toEqual(['批注', '页面', '编码表']);
    for (const i of [0, 1, 2]) {
      const { xml, cells } = book.sheet(i);
      expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
      expect(cells.get('A1')?.attrs).toMatch(/s="1"/);
    }
    expect(book.sheet(0).xml).toContain('<col min="9" max="9" width="50" customWidth="1"/>');
    const en = await open(await annotationsXlsx(ANNOTATIONS, context(), { lang: 'en' }));
    expect(en.sheetNames).toEqual(['Annotations', 'Pages', 'Taxonomy']);
    expect(en.sheet(0).cells.get('A1')?.value).toBe('Created');
  });

  it('writes positions as numbers, times as dates and the Chinese text intact', async () => {
    const { cells } = (await open(await annotationsXlsx(ANNOTATIONS, context(), { lang: 'zh' }))).sheet(0);
    expect(['A1', 'I1', 'L1', 'M1', 'N1'].map((r) => cells.get(r)?.value)).toEqual(['创建时间', '引文', '起始位置', '结束位置', '编码']);
    for (const [ref, expected] of [['L2', 1024], ['M2', 1061], ['L3', 0], ['M3', 16]] as const) {
      expect(cells.get(ref)?.attrs, ref).not.toMatch(/t="/);
      expect(Number(cells.get(ref)?.value)).toBe(expected);
    }
    const created = cells.get('A2')!;
    expect(created.attrs).not.toMatch(/t="/);
    expect(Number(created.value)).toBeCloseTo(serial(ANNOTATIONS[0].created), 8);
    expect(Number(cells.get('H2')?.value)).toBe(serial(`${REPORT.published}T00:00:00Z`));
    expect(cells.get('I2')?.value).toBe(ANNOTATIONS[0].quote.exact);
    expect(cells.get('P2')?.value).toBe(ANNOTATIONS[0].note);
    expect(cells.get('N2')?.value).toBe('重大行政决策; 依法决策');
    // A string cell is never evaluated, so formula-looking text is kept as it is.
    expect(cells.get('I3')).toEqual({ attrs: ' t="s"', value: ANNOTATIONS[1].quote.exact });
    expect(cells.has('H4')).toBe(false);
  });

  it('lists the pages with their annotation counts and the whole codebook in notation order', async () => {
    const book = await open(await annotationsXlsx(ANNOTATIONS, context(), { lang: 'zh' }));
    const pages = book.sheet(1).cells;
    expect([pages.get('A2')?.value, pages.get('G2')?.value, pages.get('G2')?.attrs]).toEqual([REPORT.title, '2', '']);
    expect(pages.get('G3')?.value).toBe('2');
    const terms = book.sheet(2).cells;
    expect(['A2', 'A3', 'A4'].map((r) => terms.get(r)?.value)).toEqual(['2', '2.3', '10']);
    expect(terms.get('B3')?.value).toBe(TERMS[0].label.zh);
    expect(terms.get('D3')?.value).toBe('含“三重一大”事项');
    expect(terms.get('I3')).toEqual({ attrs: '', value: '3' });
  });
});

describe('figures workbook', () => {
  it('has a sheet of figures with numeric values and a sheet of document numbers', async () => {
    const figures: FigureRow[] = [
      { text: '48.6%', value: 48.6, unit: '%', approx: '', before: '同比增长', after: '', sentence: '同比增长48.6%。', heading: '一、', indicator: '同比增长', normalisedUnit: '%', bound: 'exact' },
      { text: '某数', value: NaN, unit: '', approx: '', before: '', after: '', sentence: '', heading: '', indicator: '', normalisedUnit: '', bound: '' },
    ];
    const docs: DocNumberRow[] = [{ text: '张政字〔2018〕8号', agency: '张政字', year: '2018', serial: '8', sentence: '', heading: '' }];
    const book = await open(await recognitionXlsx(figures, docs, 'zh'));
    expect(book.sheetNames).toEqual(['数字', '文号']);
    const f = book.sheet(0);
    expect(f.xml).toMatch(/state="frozen"/);
    expect(f.cells.get('B1')?.value).toBe('数值');
    expect(f.cells.get('B2')).toEqual({ attrs: '', value: '48.6' });
    expect(f.cells.get('A2')?.value).toBe('48.6%');
    expect(f.cells.has('B3')).toBe(false);
    expect(f.cells.get('I1')?.value).toBe('指标');
    expect(f.cells.get('I2')?.value).toBe('同比增长');
    const d = book.sheet(1);
    expect(d.cells.get('A2')?.value).toBe('张政字〔2018〕8号');
    expect(d.cells.get('C2')).toEqual({ attrs: '', value: '2018' });
  });
});

describe('indicators workbook', () => {
  it('has the long format on one sheet and the wide one on another, numbers as numbers', async () => {
    const long: IndicatorLongRow[] = [
      { issuer: '西城区', year: 2023, indicator: '主动公开信息', indicatorAsWritten: '主动公开信息', value: 22432, unit: '条', qualifier: 'exact', qualifierWords: '', figure: '22432条', sentence: '', title: '', url: 'https://gov.example/2023', link: '' },
    ];
    const wide = [{ indicator: '主动公开信息', issuer: '西城区', unit: '条', values: new Map([[2023, 22432], [2024, 24509.5]]) }];
    const book = await open(await indicatorsXlsx(long, wide, [2022, 2023, 2024]));
    expect(book.sheetNames).toEqual(['long', 'wide']);
    const l = book.sheet(0);
    expect(l.xml).toMatch(/state="frozen"/);
    expect(['A1', 'B1', 'E1'].map((c) => l.cells.get(c)?.value)).toEqual(['issuer', 'year', 'value']);
    expect(l.cells.get('B2')).toEqual({ attrs: '', value: '2023' });
    expect(l.cells.get('E2')).toEqual({ attrs: '', value: '22432' });
    const w = book.sheet(1);
    expect(['D1', 'E1', 'F1'].map((c) => w.cells.get(c)?.value)).toEqual(['y2022', 'y2023', 'y2024']);
    expect(w.cells.has('D2')).toBe(false);
    expect(w.cells.get('F2')).toEqual({ attrs: '', value: '24509.5' });
  });
});
