import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../model';
import {
  agreementReport, agreementReportAsync, codePage, coderMatrix, figuresFor, summarizeCodings, type AgreementFigures,
  type AgreementReport,
} from '../../../agreement/report';
import {
  codingTable, cohenKappa, contingencyTable, fleissKappa, krippendorffAlpha, percentAgreement,
} from '../../../agreement/statistics';
import { UNIT_KINDS } from '../../../agreement/units';
import { annotation, CODERS, referenceData, T1, T2, T3, type RefPage } from './helpers';

const [WANG, LI, ZHAO] = CODERS;

describe('character units', () => {
  // 100 characters; both coders mark 10–20, only 李华 marks 50–60 as well.
  const page = { url: 'https://gov.example.cn/a.html', text: '法'.repeat(100) };
  const annotations = [
    annotation(page, WANG, 10, 20, [T1]),
    annotation(page, LI, 10, 20, [T1]),
    annotation(page, LI, 50, 60, [T1]),
  ];

  it('count every character of the page, also those neither coder marked', () => {
    const report = agreementReport([page], annotations, { coders: [WANG, LI], units: ['character'] });
    const f = figuresFor(report, 'character', T1)!;
    // Rows 王小明, columns 李华; 0 = not applied, 1 = applied.
    expect(f.cohen!.counts.table).toEqual([[80, 10], [0, 10]]);
    expect(f.cohen!.counts.n).toBe(100);
    // Po = 90/100; Pe = (90 × 80 + 10 × 20) / 100² = 0.74; κ = 0.16 / 0.26. Counting only the 20 characters
    // someone marked would give Po = 0.5 and κ = 0.
    expect(f.cohen!.value).toBeCloseTo(0.16 / 0.26, 12);
    expect(f.percent.value).toBeCloseTo(0.9, 12);
    expect(f.applied).toEqual([10, 20]);
    expect(f.coded).toEqual([100, 100]);
  });

  it('leave out the pages a coder did not code (missing, not "not applied")', () => {
    const other = { url: 'https://gov.example.cn/b.html', text: '治'.repeat(40) };
    const report = agreementReport([page, other], [...annotations, annotation(other, WANG, 0, 5, [T1])], {
      coders: [WANG, LI], units: ['character'],
    });
    const f = figuresFor(report, 'character', T1)!;
    expect(f.cohen!.counts.n).toBe(100);
    expect(f.alpha.counts.units).toBe(100);
    expect(f.coded).toEqual([140, 100]);
    expect(report.pages.map((p) => p.coders)).toEqual([[0, 1], [0]]);
  });
});

describe('sentence and part units', () => {
  const text = '一、加强组织领导\n一是成立领导小组。二是制定工作方案；三是开展督查。\n二、推进依法行政\n全年审查文件48件。';
  const page = { url: 'https://gov.example.cn/r.html', text, title: '某县法治政府建设情况报告' };
  const at = (s: string) => text.indexOf(s);

  it('count a sentence as coded with a term when an annotation with it overlaps the sentence at all', () => {
    const annotations = [
      // 王小明 marks two characters inside 一是…; 李华 marks the whole of it and the first character of 二是….
      annotation(page, WANG, at('成立'), at('成立') + 2, [T1]),
      annotation(page, LI, at('一是'), at('二是') + 1, [T1]),
    ];
    const report = agreementReport([page], annotations, { coders: [WANG, LI], units: ['sentence'] });
    const f = figuresFor(report, 'sentence', T1)!;
    // Sentences: 一、加强组织领导 | 一是成立领导小组。| 二是制定工作方案；| 三是开展督查。| 二、推进依法行政 | 全年审查文件48件。
    expect(report.pages[0].units.sentence).toBe(6);
    expect(f.cohen!.counts.table).toEqual([[4, 1], [0, 1]]);
  });

  it('follow the outline of the report: headings and 一是/二是 points', () => {
    const annotations = [
      annotation(page, WANG, at('制定'), at('制定') + 2, [T2]),
      annotation(page, LI, at('二是'), at('三是'), [T2]),
      annotation(page, LI, at('全年'), at('全年') + 2, [T2]),
    ];
    const report = agreementReport([page], annotations, { coders: [WANG, LI], units: ['part'] });
    const f = figuresFor(report, 'part', T2)!;
    // Parts: 一、heading | 一是 | 二是 | 三是 | 二、heading with the text under it.
    expect(report.pages[0].units.part).toBe(5);
    expect(f.cohen!.counts.table).toEqual([[3, 1], [0, 1]]);
  });
});

describe('the report', () => {
  const page = { url: 'https://gov.example.cn/c.html', text: '全面推进依法行政。加快建设法治政府。严格规范公正文明执法。' };

  it('pools the terms into the overall row: every unit × term one decision', () => {
    const annotations = [
      annotation(page, WANG, 0, 9, [T1, T2]),
      annotation(page, LI, 0, 9, [T1]),
      annotation(page, LI, 9, 18, [T2]),
    ];
    const report = agreementReport([page], annotations, { coders: [WANG, LI], units: ['sentence'] });
    expect(report.terms).toEqual([T1, T2]);
    const all = figuresFor(report, 'sentence', null)!;
    // T1: sentence 1 both, 2 and 3 neither. T2: sentence 1 only 王, sentence 2 only 李, sentence 3 neither.
    expect(all.cohen!.counts.table).toEqual([[3, 1], [1, 1]]);
    expect(report.rows.map((r) => r.term)).toEqual([null, T1, T2]);
  });

  it('lists annotations it cannot find in the page text and leaves them out; finds moved ones by their quote', () => {
    const moved = annotation(page, WANG, 9, 18, [T1], { position: { start: 0, end: 9 } });
    const gone = annotation(page, WANG, 0, 4, [T1], { quote: { exact: '不存在的引文', prefix: '', suffix: '' } });
    const report = agreementReport([page], [moved, gone, annotation(page, LI, 9, 18, [T1])], {
      coders: [WANG, LI], units: ['sentence'],
    });
    expect(report.pages[0].unplaced).toEqual([gone.id]);
    expect(figuresFor(report, 'sentence', T1)!.cohen!.counts.table).toEqual([[2, 0], [0, 1]]);
  });

  it('counts no units of a page none of the coders coded', () => {
    const report = agreementReport([page], [annotation(page, ZHAO, 0, 4, [T1])], { coders: [WANG, LI], terms: [T1] });
    expect(report.pages[0]).toEqual({ url: page.url, coders: [], units: {}, unplaced: [] });
    expect(figuresFor(report, 'character', T1)!.coded).toEqual([0, 0]);
  });

  it('skips pages whose text is not kept', () => {
    const record = { url: 'https://gov.example.cn/none.html', title: 't', kind: 'report' as const, firstSeen: '', lastSeen: '' };
    const report = agreementReport([record, page], [annotation(page, WANG, 0, 4, [T1])], { coders: [WANG, LI] });
    expect(report.skipped).toEqual([record.url]);
    expect(report.pages.map((p) => p.url)).toEqual([page.url]);
  });

  it('gives Fleiss’ κ for three coders and a coder × coder matrix', () => {
    const annotations = [
      annotation(page, WANG, 0, 9, [T1]),
      annotation(page, LI, 0, 9, [T1]),
      annotation(page, ZHAO, 9, 18, [T1]),
    ];
    const report = agreementReport([page], annotations, { coders: [WANG, LI, ZHAO], units: ['sentence'] });
    const f = figuresFor(report, 'sentence', T1)!;
    expect(f.cohen).toBeUndefined();
    expect(f.fleiss!.counts.units).toBe(3);
    const matrix = coderMatrix(f);
    expect(matrix[0][0]).toBeNull();
    expect(matrix[0][1]).toEqual({ percent: 1, kappa: 1 });
    expect(matrix[1][2]).toEqual(matrix[2][1]);
    expect(matrix[0][2]!.percent).toBeCloseTo(1 / 3, 12);
  });

  it('refuses fewer than two coders, or one coder twice', () => {
    expect(() => agreementReport([page], [], { coders: [WANG] })).toThrow(RangeError);
    expect(() => agreementReport([page], [], { coders: [WANG, LI, WANG] })).toThrow(RangeError);
  });

  it('is the same from codings kept per page, with one page coded again after a change', () => {
    const other = { url: 'https://gov.example.cn/c2.html', text: '深化放管服改革。优化营商环境。' };
    const before = [annotation(page, WANG, 0, 9, [T1]), annotation(page, LI, 0, 9, [T1]), annotation(other, WANG, 0, 8, [T2]),
      annotation(other, LI, 8, 15, [T2])];
    const options = { coders: [WANG, LI], terms: [T1, T2] };
    const codings = [codePage(page, before, options), codePage(other, before, options)];
    expect(summarizeCodings(codings, options)).toEqual(agreementReport([page, other], before, options));
    const after = [...before.slice(0, 3), annotation(other, LI, 0, 8, [T2])];
    codings[1] = codePage(other, after, options);
    expect(summarizeCodings(codings, options)).toEqual(agreementReport([page, other], after, options));
  });
});

// Random libraries: pages of report-like text, two to four coders, some of whom skip some pages.
const PIECES = ['一、', '（二）', '一是', '二是', '加强', '领导', '。', '；', '\n', ' ', '法治', '48件', '“', '”'];
const pageArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((ps) => ps.join(''));
const libraryArb = fc.record({
  texts: fc.array(pageArb, { minLength: 1, maxLength: 3 }),
  coders: fc.integer({ min: 2, max: 4 }),
  marks: fc.array(fc.record({
    page: fc.nat(), coder: fc.nat(), a: fc.nat(), b: fc.nat(), terms: fc.subarray([T1, T2, T3], { minLength: 1 }),
  }), { maxLength: 25 }),
});

function build(lib: { texts: string[]; coders: number; marks: Array<{ page: number; coder: number; a: number; b: number; terms: string[] }> }) {
  const pages: RefPage[] = lib.texts.map((text, i) => ({ url: `https://gov.example.cn/${i}.html`, text, title: '' }));
  const coders = CODERS.slice(0, lib.coders);
  const annotations: AnnotationRecord[] = [];
  for (const m of lib.marks) {
    const page = pages[m.page % pages.length];
    if (page.text.length < 1) continue;
    const a = m.a % page.text.length;
    const b = m.b % page.text.length;
    annotations.push(annotation(page, coders[m.coder % coders.length], Math.min(a, b), Math.max(a, b) + 1, m.terms));
  }
  return { pages, coders, annotations };
}

function expectSameFigure(actual: { value: number | null }, expected: { value: number | null }) {
  if (expected.value === null) expect(actual.value).toBeNull();
  else expect(actual.value).toBeCloseTo(expected.value, 9);
}

describe('the sweeps agree with coding unit by unit', () => {
  it('for every term, unit kind and statistic, with missing pages', () => {
    fc.assert(fc.property(libraryArb, (lib) => {
      const { pages, coders, annotations } = build(lib);
      const report = agreementReport(pages, annotations, { coders, terms: [T1, T2, T3] });
      for (const unit of UNIT_KINDS) {
        for (const term of [T1, T2, T3]) {
          const data = referenceData(pages, annotations, coders, unit, term);
          const f = figuresFor(report, unit, term)!;
          const table = codingTable(data);
          expectSameFigure(f.percent, percentAgreement(table));
          expectSameFigure(f.alpha, krippendorffAlpha(table));
          if (coders.length === 2) expectSameFigure(f.cohen!, cohenKappa(contingencyTable(data[0], data[1])));
          else expectSameFigure(f.fleiss!, fleissKappa(table, coders.length));
          for (const p of f.pairs) expectSameFigure(p.cohen, cohenKappa(contingencyTable(data[p.a], data[p.b])));
        }
        // The pooled row: the three terms' units side by side.
        const pooled = [T1, T2, T3].map((t) => referenceData(pages, annotations, coders, unit, t))
          .reduce((acc, d) => acc.map((row, i) => [...row, ...d[i]]));
        expectSameFigure(figuresFor(report, unit, null)!.alpha, krippendorffAlpha(codingTable(pooled)));
      }
    }), { numRuns: 150 });
  });
});

function everyFigure(report: AgreementReport): Array<{ value: number | null }> {
  return report.rows.flatMap((r: AgreementFigures) => [
    r.percent, r.alpha, ...(r.cohen ? [r.cohen] : []), ...(r.fleiss ? [r.fleiss] : []), ...r.pairs.flatMap((p) => [p.percent, p.cohen]),
  ]);
}

describe('properties', () => {
  it('perfect agreement gives 1 wherever the data vary, and a reason where they do not', () => {
    fc.assert(fc.property(libraryArb, (lib) => {
      const { pages, coders, annotations } = build(lib);
      // Every coder codes every page exactly as coder 0 marked it.
      const copied = annotations.flatMap((a) => coders.map((c) => ({ ...a, id: `${a.id}-${c.id}`, creator: { id: c.id, name: c.name } })));
      const report = agreementReport(pages, copied, { coders, terms: [T1, T2, T3] });
      for (const r of report.rows) {
        for (const f of [r.percent, r.alpha, r.cohen ?? r.fleiss!]) {
          if (f.value === null) expect(['no-units', 'no-variation']).toContain(f.reason);
          else expect(f.value).toBeCloseTo(1, 12);
        }
        if (r.percent.counts.units > 0) expect(r.percent.value).toBe(1);
      }
    }), { numRuns: 100 });
  });

  it('swapping coders changes no figure', () => {
    fc.assert(fc.property(libraryArb, (lib) => {
      const { pages, coders, annotations } = build(lib);
      const forward = agreementReport(pages, annotations, { coders, terms: [T1, T2, T3] });
      const backward = agreementReport(pages, annotations, { coders: [...coders].reverse(), terms: [T1, T2, T3] });
      forward.rows.forEach((r, k) => {
        const s = backward.rows[k];
        expectSameFigure(s.percent, r.percent);
        expectSameFigure(s.alpha, r.alpha);
        expectSameFigure(s.cohen ?? s.fleiss!, r.cohen ?? r.fleiss!);
        expect(s.applied).toEqual([...r.applied].reverse());
        // The matrix is the same matrix with its rows and columns reversed.
        const M = coders.length;
        const mf = coderMatrix(r);
        const mb = coderMatrix(s);
        for (let i = 0; i < M; i++) for (let j = 0; j < M; j++) {
          const x = mf[i][j];
          const y = mb[M - 1 - i][M - 1 - j];
          if (!x) expect(y).toBeNull();
          else {
            expect(y!.kappa === null).toBe(x.kappa === null);
            if (x.kappa !== null) expect(y!.kappa).toBeCloseTo(x.kappa, 12);
          }
        }
      });
    }), { numRuns: 100 });
  });

  it('never gives NaN: no figure without a value or a documented reason', () => {
    fc.assert(fc.property(libraryArb, (lib) => {
      const { pages, coders, annotations } = build(lib);
      const report = agreementReport(pages, annotations, { coders, terms: [T1, T2, T3] });
      for (const f of everyFigure(report)) {
        if (f.value === null) expect(['no-units', 'no-variation']).toContain((f as { reason?: string }).reason);
        else expect(Number.isFinite(f.value)).toBe(true);
      }
    }), { numRuns: 100 });
  });
});

describe('degenerate cases', () => {
  const page = { url: 'https://gov.example.cn/d.html', text: '依法行政。' };

  it('no pages: every figure undefined for want of units', () => {
    const report = agreementReport([], [], { coders: [WANG, LI], terms: [T1] });
    for (const f of everyFigure(report)) {
      expect(f.value).toBeNull();
      expect((f as { reason?: string }).reason).toBe('no-units');
    }
  });

  it('one category only: percent agreement 1, κ and α undefined for want of variation', () => {
    // Both coders coded the page (with T2) and neither applied T1 anywhere.
    const report = agreementReport([page], [annotation(page, WANG, 0, 2, [T2]), annotation(page, LI, 0, 2, [T2])], {
      coders: [WANG, LI], terms: [T1], units: ['character'],
    });
    const f = figuresFor(report, 'character', T1)!;
    expect(f.percent.value).toBe(1);
    expect(f.cohen!.value).toBeNull();
    expect(f.cohen!.reason).toBe('no-variation');
    expect(f.alpha.reason).toBe('no-variation');
  });
});

describe('the chunked report', () => {
  const pages = Array.from({ length: 20 }, (_x, i) => ({ url: `https://gov.example.cn/p${i}.html`, text: '推进依法行政。'.repeat(5) }));
  const annotations = pages.flatMap((p, i) => [annotation(p, WANG, 0, 7 + (i % 3), [T1]), annotation(p, LI, 0, 7, [T1, T2])]);

  it('gives the same report as the synchronous call, pausing as asked and counting pages', async () => {
    let pauses = 0;
    const progress: number[] = [];
    const report = await agreementReportAsync(pages, annotations, {
      coders: [WANG, LI], yieldEvery: 4, sliceMs: Infinity, pause: async () => { pauses++; },
      onProgress: (done) => progress.push(done),
    });
    expect(report).toEqual(agreementReport(pages, annotations, { coders: [WANG, LI] }));
    // 20 pages and 2 terms × 3 unit kinds: 26 steps, a pause after every 4th.
    expect(pauses).toBe(6);
    expect(progress).toEqual(Array.from({ length: 20 }, (_x, i) => i + 1));
  });

  it('pauses when a slice of time has run out', async () => {
    let pauses = 0;
    await agreementReportAsync(pages, annotations, { coders: [WANG, LI], sliceMs: 0, pause: async () => { pauses++; } });
    expect(pauses).toBe(26);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const run = agreementReportAsync(pages, annotations, {
      coders: [WANG, LI], yieldEvery: 2, pause: async () => controller.abort(), signal: controller.signal,
    });
    await expect(run).rejects.toThrow(/abort/i);
  });
});

describe('unit cache', () => {
  it('is filled with the cut units and used again for the same text', () => {
    const page = { url: 'https://gov.example.cn/e.html', text: '一、总体情况\n一是加强领导。二是完善制度。' };
    const cache = new Map();
    const annotations = [annotation(page, WANG, 7, 9, [T1]), annotation(page, LI, 7, 9, [T1])];
    const first = agreementReport([page], annotations, { coders: [WANG, LI], unitCache: cache });
    expect(cache.get(page.url).parts.length).toBe(3);
    const again = agreementReport([page], annotations, { coders: [WANG, LI], unitCache: cache });
    expect(again).toEqual(first);
    const changed = { ...page, text: page.text + '\n三是强化监督。' };
    agreementReport([changed], annotations, { coders: [WANG, LI], unitCache: cache });
    expect(cache.get(page.url).text).toBe(changed.text);
  });
});
