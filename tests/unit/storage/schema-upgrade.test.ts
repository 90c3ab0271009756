import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { PizhuDB } from '../../../storage/db';
import { IndicatorMergeRepository } from '../../../storage/indicator-merges';
import { PageRepository } from '../../../storage/pages';
import { SCHEMA_VERSION, declareSchema } from '../../../storage/schema';
import { defaultTaxonomy } from '../../../taxonomy/default';
import { annotation, freshName } from './fixtures';

describe('schema versions', () => {
  it('opens a new database at the latest version with every table', async () => {
    const db = new PizhuDB(freshName());
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'annotations', 'conflicts', 'indicatorMerges', 'outbox', 'pages', 'resolutions', 'syncMeta', 'syncRevs', 'taxonomies', 'terms',
    ]);
    db.close();
  });

  it('upgrades a version-1 database: data intact, document-number keys filled and indexed', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    declareSchema(v1, 1);
    const { taxonomy, terms } = defaultTaxonomy();
    const notes = [annotation('urn:uuid:a1', 'https://gov.example/r', '2024-03-01T00:00:00.000Z', [terms[0].id]),
      annotation('urn:uuid:a2', 'https://gov.example/r', '2024-03-02T00:00:00.000Z', [terms[1].id, terms[0].id])];
    await v1.table('annotations').bulkPut(notes);
    await v1.table('pages').bulkPut([
      { url: 'https://gov.example/r', title: '2023年法治政府建设情况报告', kind: 'report', docNumber: '张政字[2024]08号', snapshot: '正文', snapshotAt: '2024-03-01T00:00:00.000Z', firstSeen: '2024-03-01T00:00:00.000Z', lastSeen: '2024-03-02T00:00:00.000Z' },
      { url: 'https://gov.example/n', title: '通知', kind: 'none', firstSeen: '2024-03-01T00:00:00.000Z', lastSeen: '2024-03-01T00:00:00.000Z' },
    ]);
    await v1.table('taxonomies').put(taxonomy);
    await v1.table('terms').bulkPut(terms);
    expect(v1.verno).toBe(1);
    v1.close();

    const db = new PizhuDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.annotations.toArray()).toEqual(notes);
    expect(await db.terms.count()).toBe(terms.length);
    expect(await db.taxonomies.get(taxonomy.id)).toEqual(taxonomy);
    const report = await db.pages.get('https://gov.example/r');
    expect(report).toMatchObject({ snapshot: '正文', docNumber: '张政字[2024]08号', docNumberKey: '张政字〔2024〕8号' });
    expect((await db.pages.get('https://gov.example/n'))!.docNumberKey).toBeUndefined();
    const found = await new PageRepository(db).findByDocNumber('张政字〔２０２４〕8号');
    expect(found.map((p) => p.url)).toEqual(['https://gov.example/r']);
    db.close();
  });

  // Each later version only drops annotation indexes: one test per starting version, each ending at the latest.
  for (const from of [2, 3]) {
    it(`upgrades a version-${from} database: only the index a page's listing needs is left, the rows stay`, async () => {
      const name = freshName();
      const old = new Dexie(name);
      declareSchema(old, from);
      const notes = [annotation('urn:uuid:b1', 'https://gov.example/r', '2024-03-01T00:00:00.000Z', ['t1', 't2']),
        annotation('urn:uuid:b2', 'https://gov.example/s', '2024-03-02T00:00:00.000Z', [])];
      await old.table('annotations').bulkPut(notes);
      expect(old.verno).toBe(from);
      old.close();

      const db = new PizhuDB(name);
      await db.open();
      expect(db.annotations.schema.indexes.map((i) => i.name)).toEqual(['[pageUrl+created]']);
      expect(await db.annotations.toArray()).toEqual(notes);
      const { AnnotationRepository } = await import('../../../storage/annotations');
      const repo = new AnnotationRepository(db);
      expect(await repo.count({ pageUrl: 'https://gov.example/r' })).toBe(1);
      expect((await repo.listByPage('https://gov.example/s')).map((a) => a.id)).toEqual(['urn:uuid:b2']);
      db.close();
    });
  }

  it('upgrades a version-4 database: every table kept as it was, and empty tables for the adjudication’s decisions and indicator merges', async () => {
    const name = freshName();
    const v4 = new Dexie(name);
    declareSchema(v4, 4);
    const notes = [annotation('urn:uuid:c1', 'https://gov.example/r', '2024-03-01T00:00:00.000Z', ['t1'])];
    const page = { url: 'https://gov.example/r', title: '2023年法治政府建设情况报告', kind: 'report', snapshot: '正文', firstSeen: '2024-03-01T00:00:00.000Z', lastSeen: '2024-03-01T00:00:00.000Z' };
    await v4.table('annotations').bulkPut(notes);
    await v4.table('pages').put(page);
    expect(v4.tables.map((t) => t.name)).not.toContain('indicatorMerges');
    expect(v4.tables.map((t) => t.name)).not.toContain('resolutions');
    v4.close();

    const db = new PizhuDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.annotations.toArray()).toEqual(notes);
    expect(await db.pages.get(page.url)).toEqual(page);
    expect(db.resolutions.schema.primKey.keyPath).toEqual(['consensus', 'key']);
    const { ResolutionRepository } = await import('../../../storage/resolutions');
    const repo = new ResolutionRepository(db);
    await repo.settle({ consensus: 'urn:uuid:c', pageUrl: page.url, decide: { key: `${page.url}#k`, resolution: { choice: 'neither' } }, consensusAnnotations: [] });
    expect(await repo.forConsensus('urn:uuid:c')).toEqual(new Map([[`${page.url}#k`, { choice: 'neither' }]]));
    expect(await db.annotations.toArray()).toEqual(notes);
    const merges = new IndicatorMergeRepository(db);
    expect(await merges.get()).toEqual({});
    await merges.set({ 主动公开政府信息: '主动公开信息' });
    db.close();
    // Kept across openings.
    const again = new PizhuDB(name);
    expect(await new IndicatorMergeRepository(again).get()).toEqual({ 主动公开政府信息: '主动公开信息' });
    again.close();
  });
});
