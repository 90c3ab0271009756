import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { agreementReport } from '../../../agreement/report';
import { agreementTableRows } from '../../../agreement/table';
import { agreementCsv, CSV_BOM } from '../../../exchange/csv';
import { agreementXlsx } from '../../../exchange/xlsx';
import { annotation, CODERS, T1, T2 } from './helpers';

const [WANG, LI, ZHAO] = CODERS;
const page = { url: 'https://gov.example.cn/t.html', text: '全面推进依法行政。加快建设法治政府。严格规范公正文明执法。' };
const annotations = [
  annotation(page, WANG, 0, 9, [T1]),
  annotation(page, LI, 0, 9, [T1]),
  annotation(page, LI, 9, 18, [T1]),
  annotation(page, WANG, 18, 28, [T2]),
  annotation(page, LI, 18, 28, [T2]),
];

describe('agreement table rows', () => {
  const report = agreementReport([page], annotations, { coders: [WANG, LI], units: ['sentence', 'character'] });
  const rows = agreementTableRows(report);

  it('have a row per unit kind for all terms and for each term, with the figures rounded to four places', () => {
    expect(rows.map((r) => [r.term, r.unit])).toEqual([
      ['all', 'sentence'], [T1, 'sentence'], [T2, 'sentence'], ['all', 'character'], [T1, 'character'], [T2, 'character'],
    ]);
    const t1 = rows[1];
    // T1 by sentence: both, only 李华, neither: Po = 2/3, Pe = (1 × 2 + 2 × 1) / 9 = 4/9, κ = (2/9) / (5/9) = 0.4.
    expect(t1).toEqual({ term: T1, unit: 'sentence', coders: '王小明; 李华', agreement: 0.6667, kappa: 0.4, alpha: expect.any(Number) });
    expect(t1.alpha).toBe(Math.round(report.rows[1].alpha.value! * 1e4) / 1e4);
  });

  it('name the coders by IRI when asked, or when two share a name', () => {
    expect(agreementTableRows(report, { coderLabel: 'id' })[0].coders).toBe(`${WANG.id}; ${LI.id}`);
    const twin = { ...ZHAO, name: WANG.name };
    const twins = agreementReport([page], [annotation(page, twin, 0, 9, [T1]), annotation(page, WANG, 0, 9, [T1])], { coders: [WANG, twin] });
    expect(agreementTableRows(twins)[0].coders).toBe(`${WANG.id}; ${twin.id}`);
  });

  it('give Fleiss’ κ in the kappa column for three coders', () => {
    const three = agreementReport([page], [...annotations, annotation(page, ZHAO, 0, 9, [T1])], { coders: [WANG, LI, ZHAO], units: ['sentence'] });
    expect(agreementTableRows(three)[1].kappa).toBe(Math.round(three.rows[1].fleiss!.value! * 1e4) / 1e4);
  });

  it('leave an undefined figure empty', () => {
    // A term nobody applied: "not applied" everywhere by everyone, so agreement is 1 and κ, α are 0 ÷ 0.
    const report2 = agreementReport([page], annotations, { coders: [WANG, LI], terms: ['urn:x:unused'], units: ['sentence'] });
    expect(agreementTableRows(report2)[1]).toMatchObject({ agreement: 1, kappa: null, alpha: null });
  });

  it('export as CSV with the columns term, unit, coders, agreement, kappa, alpha', () => {
    const csv = agreementCsv(rows);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['term', 'unit', 'coders', 'agreement', 'kappa', 'alpha']);
    expect(parsed[2]).toEqual([T1, 'sentence', '王小明; 李华', '0.6667', '0.4', String(rows[1].alpha)]);
    expect(parsed).toHaveLength(rows.length + 1);
    const empty = agreementCsv([{ term: 'all', unit: 'part', coders: 'a; b', agreement: null, kappa: null, alpha: null }]);
    expect(empty.split('\r\n')[1]).toBe('all,part,a; b,,,');
  });

  it('export as an Excel sheet with numbers as numbers', async () => {
    const files = unzipSync(new Uint8Array(await (await agreementXlsx(rows, 'zh')).arrayBuffer()));
    expect(strFromU8(files['xl/workbook.xml'])).toContain('name="一致性"');
    const shared = [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)].map((m) => m[1]);
    expect(shared.slice(0, 6)).toEqual(['term', 'unit', 'coders', 'agreement', 'kappa', 'alpha']);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toMatch(/<c r="E3"[^>]*><v>0\.4<\/v><\/c>/);
  });
});
