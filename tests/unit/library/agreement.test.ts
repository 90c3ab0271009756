// The library's side of the agreement report: whom it offers and chooses, the chosen pages' texts read from the
// database (and only theirs), the report made from them as agreement/ makes it, the export, and the table's rows
// kept up to date after the adjudication writes.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { agreementReport, consensusCoderId, type Coder } from '../../../agreement';
import { CSV_BOM } from '../../../exchange/csv';
import { coderOptions, defaultCoderIds, defaultPages } from '../../../library/agreement-coders';
import { agreementCsvBlob, agreementFileName } from '../../../library/agreement-export';
import { AgreementCache, libraryAgreementReport } from '../../../library/agreement-report';
import { applyAnnotationChange, loadLibrary } from '../../../library/load';
import type { AnnotationRecord } from '../../../model';
import { PizhuDB } from '../../../storage/db';
import { PageRepository } from '../../../storage/pages';
import { annotation as coded, T1, T2 } from '../agreement/helpers';
import { freshName } from './fixtures';

const ANN: Coder = { id: 'https://team.example.cn/people/ann', name: '安' };
const BO: Coder = { id: 'https://team.example.cn/people/bo', name: '博' };
const CY: Coder = { id: 'https://team.example.cn/people/cy', name: '岑' };

const P1 = { url: 'https://gov.example.cn/a.html', title: '甲县2023年法治政府建设情况报告', text: '甲县2023年法治政府建设情况报告\n一、主要工作\n全面推进依法行政。加快建设法治政府。\n二、存在问题\n一是执法不够规范。二是监督不够有力。' };
const P2 = { url: 'https://gov.example.cn/b.html', title: '乙县报告', text: '乙县报告\n深化放管服改革，优化营商环境。严格规范公正文明执法。' };
const P3 = { url: 'https://gov.example.cn/c.html', title: '丙县报告', text: '丙县报告\n坚持依法决策。' };
const span = (p: { text: string }, s: string): [number, number] => [p.text.indexOf(s), p.text.indexOf(s) + s.length];

function library(): AnnotationRecord[] {
  return [
    coded(P1, ANN, ...span(P1, '全面推进依法行政'), [T1]),
    coded(P1, BO, ...span(P1, '全面推进依法行政。'), [T1]),
    coded(P1, ANN, ...span(P1, '执法不够规范'), [T2]),
    coded(P1, BO, ...span(P1, '监督不够有力'), [T2]),
    coded(P2, ANN, ...span(P2, '优化营商环境'), [T1]),
    coded(P2, BO, ...span(P2, '严格规范公正文明执法'), [T2]),
    coded(P3, ANN, ...span(P3, '坚持依法决策'), [T1]),
  ];
}

const dbs: PizhuDB[] = [];
async function seeded(pages: { url: string; title: string; text?: string }[]): Promise<PizhuDB> {
  const db = new PizhuDB(freshName());
  dbs.push(db);
  const repo = new PageRepository(db);
  await repo.upsertMany(pages.map((p) => ({ url: p.url, title: p.title, kind: 'report' as const })));
  await repo.keepSnapshots(pages.filter((p) => p.text).map((p) => ({ url: p.url, text: p.text! })));
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('coders offered and chosen', () => {
  it('offers every coder, most annotations first, and chooses all but the consensus coder of two of them', async () => {
    const consensus: Coder = { id: await consensusCoderId([ANN.id, BO.id]), name: '共识（安、博）' };
    const annotations = [...library(), coded(P1, consensus, ...span(P1, '全面推进依法行政'), [T1]),
      coded(P3, CY, ...span(P3, '坚持依法决策'), [T1]), coded(P2, CY, ...span(P2, '优化营商环境'), [T2])];
    const options = await coderOptions(annotations);
    expect(options.map((c) => [c.name, c.annotations, c.pages, c.consensus])).toEqual([
      ['安', 4, 3, false], ['博', 3, 2, false], ['岑', 2, 2, false], ['共识（安、博）', 1, 1, true],
    ]);
    expect(defaultCoderIds(options)).toEqual([ANN.id, BO.id, CY.id]);
  });

  it('knows the consensus of all the other coders too, and takes a coder who merely shares a page for a coder', async () => {
    const consensus: Coder = { id: await consensusCoderId([ANN.id, BO.id, CY.id]), name: '共识' };
    const annotations = [...library(), coded(P2, CY, ...span(P2, '优化营商环境'), [T1]), coded(P2, consensus, ...span(P2, '优化营商环境'), [T1])];
    const options = await coderOptions(annotations);
    expect(options.filter((c) => c.consensus).map((c) => c.id)).toEqual([consensus.id]);
    expect(defaultCoderIds(options).sort()).toEqual([ANN.id, BO.id, CY.id].sort());
  });

  it('chooses the pages two or more of the chosen coders both coded', () => {
    expect(defaultPages(library(), [ANN.id, BO.id])).toEqual([P1.url, P2.url]);
    expect(defaultPages(library(), [ANN.id])).toEqual([]);
  });
});

describe('the library’s report', () => {
  it('is agreement/’s report of the chosen pages’ stored texts, and names the chosen pages without one', async () => {
    const db = await seeded([P1, { url: P2.url, title: P2.title }, P3]);
    const annotations = library();
    const stages: string[] = [];
    const { report, missingText } = await libraryAgreementReport(new AgreementCache(db), annotations, {
      coders: [ANN, BO], pages: [P1.url, P2.url],
    }, { onProgress: (stage) => stages.push(stage) });
    expect(missingText).toEqual([P2.url]);
    // The same as agreement/ computes it from the page measured; P3, not chosen, is not in it.
    expect(report).toEqual(agreementReport([P1], annotations, { coders: [ANN, BO] }));
    expect(report.pages.map((p) => p.url)).toEqual([P1.url]);
    expect(stages).toContain('texts');
    expect(stages).toContain('report');
  });

  it('keeps the texts it read, and asks again for a page that had none (a visit may store it)', async () => {
    const db = await seeded([P1, { url: P2.url, title: P2.title }]);
    const cache = new AgreementCache(db);
    const choice = { coders: [ANN, BO], pages: [P1.url, P2.url], terms: [T1] };
    expect((await libraryAgreementReport(cache, library(), choice)).missingText).toEqual([P2.url]);
    await new PageRepository(db).keepSnapshot(P2.url, P2.text);
    await db.pages.delete(P1.url);
    const again = await libraryAgreementReport(cache, library(), choice);
    expect(again.missingText).toEqual([]);
    expect(again.report).toEqual(agreementReport([P1, P2], library(), { coders: [ANN, BO], terms: [T1] }));
  });

  it('stops when cancelled while it reads the texts', async () => {
    const db = await seeded([P1, P2]);
    const controller = new AbortController();
    const run = libraryAgreementReport(new AgreementCache(db), library(), { coders: [ANN, BO], pages: [P1.url, P2.url] }, {
      signal: controller.signal,
      onProgress: (stage) => stage === 'texts' && controller.abort(new DOMException('cancelled', 'AbortError')),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('exports the table as CSV with the columns term, unit, coders, agreement, kappa, alpha', async () => {
    const report = agreementReport([P1, P2], library(), { coders: [ANN, BO] });
    const bytes = new Uint8Array(await agreementCsvBlob(report).arrayBuffer());
    // UTF-8 with a byte-order mark, for Excel (Blob.text() would drop it).
    expect([...bytes.slice(0, 3)]).toEqual([...new TextEncoder().encode(CSV_BOM)]);
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(lines[0]).toBe('term,unit,coders,agreement,kappa,alpha');
    // One row per unit kind and term (all terms pooled first), coders by name.
    expect(lines).toHaveLength(1 + 3 * 3);
    const all = report.rows.find((r) => r.unit === 'sentence' && r.term === null)!;
    const round = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(Math.round(x * 1e4) / 1e4));
    expect(lines).toContain(`all,sentence,安; 博,${round(all.percent.value)},${round(all.cohen!.value)},${round(all.alpha.value)}`);
    expect(lines.filter((l) => l.startsWith(`${T2},`)).map((l) => l.split(',')[1])).toEqual(['character', 'sentence', 'part']);
    expect(agreementFileName('csv', new Date('2025-03-01T12:00:00Z'))).toBe('pizhu-agreement-2025-03-01.csv');
  });
});

describe('the table after the adjudication writes', () => {
  it('drops the rows of deleted and rewritten annotations and adds the written ones, with their page', async () => {
    const db = await seeded([P1]);
    const [a, b, c] = library();
    await db.annotations.bulkPut([a, b, c]);
    const data = await loadLibrary(db);
    const rewritten = { ...a, note: '改过' };
    const added = coded(P1, { id: 'urn:uuid:c', name: '共识' }, 0, 2, [T1]);
    const next = applyAnnotationChange(data, { put: [rewritten, added], removed: [b.id] });
    expect(next.rows.map((r) => r.annotation.id).sort()).toEqual([a.id, c.id, added.id].sort());
    expect(next.rows.find((r) => r.annotation.id === a.id)!.annotation.note).toBe('改过');
    expect(next.rows.find((r) => r.annotation.id === added.id)!.page?.title).toBe(P1.title);
    expect(applyAnnotationChange(data, { put: [], removed: [] })).toBe(data);
  });
});
