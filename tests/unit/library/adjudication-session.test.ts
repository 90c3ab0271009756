// The library's adjudication: decisions kept in the database (a new session, as after closing the library, finds
// them), the consensus coder's annotations written with each decision, a passage changed since coming back open,
// and the pages without disagreements written on request.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { consensusCoderId, type Coder } from '../../../agreement';
import { AdjudicationSession } from '../../../library/adjudication-session';
import { PageTextCache } from '../../../library/page-texts';
import type { AnnotationRecord } from '../../../model';
import { PizhuDB } from '../../../storage/db';
import { PageRepository } from '../../../storage/pages';
import { annotation as coded, T1, T2 } from '../agreement/helpers';
import { freshName } from './fixtures';

const ANN: Coder = { id: 'https://team.example.cn/people/ann', name: '安' };
const BO: Coder = { id: 'https://team.example.cn/people/bo', name: '博' };
const P1 = { url: 'https://gov.example.cn/a.html', title: '甲县报告', text: '甲县报告\n全面推进依法行政。加快建设法治政府。严格规范公正文明执法。' };
const P2 = { url: 'https://gov.example.cn/b.html', title: '乙县报告', text: '乙县报告\n深化放管服改革，优化营商环境。' };
const P3 = { url: 'https://gov.example.cn/c.html', title: '丙县报告', text: '丙县报告\n坚持依法决策。' };
const span = (p: { text: string }, s: string): [number, number] => [p.text.indexOf(s), p.text.indexOf(s) + s.length];
const NOW = new Date('2024-06-01T08:00:00.000Z');

const agreedA = coded(P1, ANN, ...span(P1, '全面推进依法行政'), [T1]);
const agreedB = coded(P1, BO, ...span(P1, '全面推进依法行政'), [T1]);
const widerA = coded(P1, ANN, ...span(P1, '加快建设法治政府'), [T1]);
const widerB = coded(P1, BO, ...span(P1, '加快建设法治政府。'), [T1]);
const onlyA = coded(P1, ANN, ...span(P1, '严格规范公正文明执法'), [T2]);
const p2A = coded(P2, ANN, ...span(P2, '优化营商环境'), [T1]);
const p2B = coded(P2, BO, ...span(P2, '优化营商环境'), [T1]);
const library = () => [agreedA, agreedB, widerA, widerB, onlyA, p2A, p2B];

const dbs: PizhuDB[] = [];
async function seeded(): Promise<PizhuDB> {
  const db = new PizhuDB(freshName());
  dbs.push(db);
  const pages = new PageRepository(db);
  await pages.upsertMany([P1, P2, P3].map((p) => ({ url: p.url, title: p.title, kind: 'report' as const })));
  await pages.keepSnapshots([P1, P2].map((p) => ({ url: p.url, text: p.text })));
  await db.annotations.bulkPut(library());
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const choice = { coders: [ANN, BO], pages: [P1.url, P2.url, P3.url] };
function open(db: PizhuDB, annotations: AnnotationRecord[]) {
  return AdjudicationSession.open(db, new PageTextCache(db), annotations, choice, { consensusName: '共识（安、博）', now: () => NOW });
}

describe('adjudication session', () => {
  it('lists each page’s disagreements and the pages it cannot read', async () => {
    const db = await seeded();
    const s = await open(db, library());
    expect(s.consensus).toEqual({ id: await consensusCoderId([ANN.id, BO.id]), name: '共识（安、博）' });
    expect(s.missingText).toEqual([P3.url]);
    expect(s.pages.map((p) => [p.pageUrl, p.items.map((i) => i.text)])).toEqual([
      [P1.url, ['加快建设法治政府。', '严格规范公正文明执法']],
      [P2.url, []],
    ]);
    expect(s.progress()).toEqual({ total: 2, resolved: 0, left: 2 });
    expect(s.staleAtOpen).toBe(0);
  });

  it('writes the page’s consensus with each decision, and a new session finds the decisions kept', async () => {
    const db = await seeded();
    const s = await open(db, library());
    const wider = s.pages[0].items[0];
    const { page, change } = await s.decide(P1.url, wider.key, { choice: 'accept', coder: BO.id });
    expect(page.progress).toEqual({ total: 2, resolved: 1, left: 1 });
    expect(s.progress().left).toBe(1);
    // The agreed passage and Bo's span of the decided one, as the consensus coder's.
    expect(change.removed).toEqual([]);
    expect(change.put.map((a) => [a.quote?.exact, a.terms, a.creator])).toEqual([
      ['全面推进依法行政', [T1], s.consensus],
      ['加快建设法治政府。', [T1], s.consensus],
    ]);
    const stored = (await db.annotations.toArray()).filter((a) => a.creator?.id === s.consensus.id);
    expect(stored.map((a) => a.quote?.exact).sort()).toEqual(['全面推进依法行政', '加快建设法治政府。'].sort());

    // Closing the library loses nothing: a new session (with the table's annotations as they are now) finds it.
    const again = await open(db, await db.annotations.toArray());
    expect(again.pages[0].items.map((i) => i.resolution)).toEqual([{ choice: 'accept', coder: BO.id }, undefined]);
    // Changed mind: neither for the same passage drops its consensus annotation; the agreed one stays.
    const { change: second } = await again.decide(P1.url, wider.key, { choice: 'neither' });
    expect(second.put).toEqual([]);
    expect(second.removed).toHaveLength(1);
    // Reopened: no decision, and the page's consensus is its agreed passage.
    const { page: reopened } = await again.decide(P1.url, wider.key, null);
    expect(reopened.progress).toEqual({ total: 2, resolved: 0, left: 2 });
    expect((await open(db, await db.annotations.toArray())).progress()).toEqual({ total: 2, resolved: 0, left: 2 });
    const left = (await db.annotations.toArray()).filter((a) => a.creator?.id === s.consensus.id);
    expect(left.map((a) => a.quote?.exact)).toEqual(['全面推进依法行政']);
  });

  it('brings a passage whose annotations changed since back unresolved, and drops the old decision at the next write', async () => {
    const db = await seeded();
    const s = await open(db, library());
    const [wider, only] = s.pages[0].items;
    await s.decide(P1.url, wider.key, { choice: 'merge' });
    await s.decide(P1.url, only.key, { choice: 'accept', coder: ANN.id });
    // Bo now marks the passage as Ann does: a new set of annotations, so a new key.
    const moved = { ...widerB, ...{ position: { start: span(P1, '加快建设法治政府')[0], end: span(P1, '加快建设法治政府')[1] }, quote: { ...widerB.quote!, exact: '加快建设法治政府' } } };
    await db.annotations.put(moved);
    const changed = (await db.annotations.toArray());
    const later = await open(db, changed);
    expect(later.staleAtOpen).toBe(1);
    expect(later.pages[0].items.map((i) => [i.text, i.resolution])).toEqual([['严格规范公正文明执法', { choice: 'accept', coder: ANN.id }]]);
    const kept = await db.resolutions.count();
    expect(kept).toBe(2);
    await later.decide(P1.url, only.key, { choice: 'neither' });
    expect((await db.resolutions.toArray()).map((r) => [r.key, r.resolution])).toEqual([[only.key, { choice: 'neither' }]]);
  });

  it('writes the pages without disagreements on request, once', async () => {
    const db = await seeded();
    const s = await open(db, library());
    expect(s.agreedToWrite().map((p) => p.pageUrl)).toEqual([P2.url]);
    const change = await s.writeAgreed();
    expect(change.put.map((a) => [a.pageUrl, a.quote?.exact])).toEqual([[P2.url, '优化营商环境']]);
    expect(s.agreedToWrite()).toEqual([]);
    const again = await open(db, await db.annotations.toArray());
    expect(again.agreedToWrite()).toEqual([]);
  });

  it('keeps the consensus coder’s stored name', async () => {
    const db = await seeded();
    const first = await open(db, library());
    await first.writeAgreed();
    const other = await AdjudicationSession.open(db, new PageTextCache(db), await db.annotations.toArray(), choice, { consensusName: 'Consensus (安, 博)' });
    expect(other.consensus.name).toBe('共识（安、博）');
  });

  it('changes nothing when a write fails, and the next decision works', async () => {
    const db = await seeded();
    const s = await open(db, library());
    const [wider] = s.pages[0].items;
    db.close();
    await expect(s.decide(P1.url, wider.key, { choice: 'merge' })).rejects.toMatchObject({ code: 'closed' });
    expect(s.progress().left).toBe(2);
    await db.open();
    await s.decide(P1.url, wider.key, { choice: 'merge' });
    expect(s.progress().left).toBe(1);
  });
});
