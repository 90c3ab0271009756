// The sync engine between Dexie and the local replica, with two browsers replicating through a third database.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TaxonomyRepository } from '../../../storage/taxonomies';
import { FIRST_BATCH } from '../../../sync/batch-size';
import { DOC_SCHEMA, docId } from '../../../sync/documents';
import { DEFAULT_TAXONOMY_ID, defaultTaxonomy } from '../../../taxonomy/default';
import type { Replica } from '../../../team/replica';
import type { Database } from 'pouchdb-core';
import { annotation } from '../storage/fixtures';
import { browser, exchange, memoryReplica, type Browser } from './support';

const url = 'https://gov.example/r';
const page = { url, title: '报告', kind: 'report' as const };
const note = annotation('urn:uuid:11111111-1111-4111-8111-111111111111', url, '2024-03-01T00:00:00.000Z', ['https://pizhu.app/taxonomy/fzzf/2021/term/4']);
const id = docId('annotation', note.id);

let server: ReturnType<typeof memoryReplica>;
let a: Browser;
let b: Browser;
beforeEach(async () => {
  server = memoryReplica();
  a = await browser('alice');
  b = await browser('bob');
});
afterEach(async () => {
  for (const x of [a, b]) {
    x.db.close();
    await x.replica.destroy();
  }
  await server.destroy();
});

const leaves = async (db: Database, docId: string) => {
  const doc = await db.get(docId, { conflicts: true });
  return [doc._rev, ...((doc as { _conflicts?: string[] })._conflicts ?? [])];
};

describe('two browsers of one team', () => {
  it('A tags, B sees it; B edits, A sees it; every revision names its writer', async () => {
    await a.service.save(note, page, '正文');
    await exchange(server, a, b);
    expect(await b.db.annotations.get(note.id)).toMatchObject({ id: note.id, terms: note.terms });
    expect(await b.db.pages.get(url)).toMatchObject({ title: '报告', snapshot: '正文' });
    expect(b.applied.some((c) => c.pages.has(url))).toBe(true);

    const bs = await b.db.annotations.get(note.id);
    await b.service.save({ ...bs!, note: 'B 的备注' }, page);
    await exchange(server, a, b);
    await exchange(server, a, b);
    expect((await a.db.annotations.get(note.id))!.note).toBe('B 的备注');
    expect(((await server.get(id)) as { by?: string }).by).toBe('bob');
    expect(await leaves(server, id)).toHaveLength(1);
    // What arrived made no outbox entries: nothing goes back out.
    expect(await a.db.outbox.count()).toBe(0);
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('deletes travel as tombstones', async () => {
    const service = a.service;
    await service.save(note, page);
    await exchange(server, a, b);
    await service.delete(note.id);
    await exchange(server, a, b);
    expect(await b.db.annotations.get(note.id)).toBeUndefined();
    expect(((await server.get(id, { revs: true }).catch((e: { reason?: string }) => e)) as { reason?: string }).reason).toBe('deleted');
  });

  it('concurrent edits become a conflict on both sides, with both versions kept, and a merge settles it everywhere', async () => {
    await a.service.save(note, page);
    await exchange(server, a, b);
    const base = (await a.db.annotations.get(note.id))!;
    await a.service.save({ ...base, note: 'A 改的', terms: [...base.terms, 't-a'] }, page);
    await b.service.save({ ...base, note: 'B 改的', terms: [...base.terms, 't-b'] }, page);
    await exchange(server, a, b);
    await exchange(server, a, b);

    expect(await leaves(server, id)).toHaveLength(2);
    for (const x of [a, b]) {
      const [conflict] = await x.engine.conflicts();
      expect(conflict.id).toBe(id);
      expect(conflict.versions.map((v) => (v.record as typeof note).note).sort()).toEqual(['A 改的', 'B 改的']);
      expect(conflict.versions.map((v) => v.by).sort()).toEqual(['alice', 'bob']);
      expect(await x.db.conflicts.count()).toBe(1);
    }
    await a.engine.resolve(id, { merge: true });
    await exchange(server, a, b);
    await exchange(server, a, b);
    for (const x of [a, b]) {
      const merged = (await x.db.annotations.get(note.id))!;
      expect(merged.terms).toEqual(expect.arrayContaining(['t-a', 't-b', ...note.terms]));
      expect(merged.note).toContain('A 改的');
      expect(merged.note).toContain('B 改的');
      expect(await x.engine.conflicts()).toEqual([]);
      expect(await x.db.conflicts.count()).toBe(0);
    }
    expect(await leaves(server, id)).toHaveLength(1);
  });

  it('keeps a local edit made while a teammate’s revision was arriving: a conflict, not an overwrite', async () => {
    await a.service.save(note, page);
    await exchange(server, a, b);
    const base = (await b.db.annotations.get(note.id))!;
    await a.service.save({ ...base, note: 'A 先改' }, page);
    await a.engine.run();
    await PouchDB_replicate(a, b);
    // B edits before its engine has shown A's revision.
    await b.service.save({ ...base, note: 'B 同时改' }, page);
    // What the replica holds is brought in before the edit is written out: the edit stays as it is.
    await b.engine.apply();
    expect((await b.db.annotations.get(note.id))!.note).toBe('B 同时改');
    await b.engine.run();
    expect((await b.replica.get(id, { conflicts: true }) as { _conflicts?: string[] })._conflicts).toHaveLength(1);
    expect(await b.db.conflicts.count()).toBe(1);
  });

  it('sends an edit once even when the worker stopped between the replica’s write and its record', async () => {
    let crash = true;
    const wrap = (r: Replica): Replica => {
      const inner = r as Replica;
      return Object.assign(Object.create(Object.getPrototypeOf(inner)) as Replica, inner, {
        allDocs: inner.allDocs.bind(inner),
        bulkGet: inner.bulkGet.bind(inner),
        revsDiff: inner.revsDiff.bind(inner),
        changes: inner.changes.bind(inner),
        get: inner.get.bind(inner),
        info: inner.info.bind(inner),
        async bulkDocs(docs, options) {
          const result = await inner.bulkDocs(docs, options);
          if (crash) {
            crash = false;
            throw new Error('worker stopped');
          }
          return result;
        },
      } satisfies Partial<Replica>);
    };
    const c = await browser('carol', { wrap });
    await c.engine.run();
    await c.service.save(note, page);
    await expect(c.engine.run()).rejects.toThrow(/worker stopped/);
    expect(await c.db.outbox.count()).toBeGreaterThan(0);
    // An edit made before the restart goes on top of the revision already in the replica, not beside it.
    const stored = (await c.db.annotations.get(note.id))!;
    await c.service.save({ ...stored, note: '重启前又改' }, page);
    await c.engine.run();
    expect(await c.db.outbox.count()).toBe(0);
    expect(await leaves(c.replica, id)).toHaveLength(1);
    const doc = await c.replica.get(id, { revs: true });
    expect(doc._rev).toMatch(/^2-/);
    c.db.close();
    await c.replica.destroy();
  });

  it('sends what was there before joining, and a teammate with the same codebook makes no conflict', async () => {
    const late = await browser('dave', { join: false });
    await late.service.save(note, page); // installs the default codebook too
    await new TaxonomyRepository(a.db).ensureDefault();
    await exchange(server, a);
    const { beginTeam } = await import('../../../team/engine');
    await beginTeam(late.db, 'http://127.0.0.1:5984/team');
    await exchange(server, late, a);
    await exchange(server, late, a);
    expect(await a.db.annotations.get(note.id)).toMatchObject({ id: note.id });
    const term = defaultTaxonomy().terms[0];
    expect(await leaves(server, docId('term', term.id))).toHaveLength(1);
    expect(await late.db.conflicts.count()).toBe(0);
    late.db.close();
    await late.replica.destroy();
  });

  it('brings a renamed term to the other browser and says the codebook changed', async () => {
    await new TaxonomyRepository(a.db).ensureDefault();
    await new TaxonomyRepository(b.db).ensureDefault();
    await exchange(server, a, b);
    const term = defaultTaxonomy().terms[2];
    await new TaxonomyRepository(a.db).rename(DEFAULT_TAXONOMY_ID, term.id, { zh: '改名后的术语' });
    await exchange(server, a, b);
    expect((await b.db.terms.get(term.id))!.label.zh).toBe('改名后的术语');
    expect(b.applied.some((c) => c.codebook)).toBe(true);
  });

  it('brings terms added, retired and merged in from a colleague’s codebook to the other browser', async () => {
    const repoA = new TaxonomyRepository(a.db);
    await repoA.ensureDefault();
    await new TaxonomyRepository(b.db).ensureDefault();
    await exchange(server, a, b);
    const scheme = defaultTaxonomy().taxonomy.schemes[0].id;
    const retired = defaultTaxonomy().terms[3];
    const added = 'urn:uuid:33333333-3333-4333-8333-333333333333';
    await repoA.addTerm(DEFAULT_TAXONOMY_ID, { id: added, scheme, label: { zh: '新增术语', en: 'Added term' } });
    await repoA.retire(DEFAULT_TAXONOMY_ID, retired.id);
    // A colleague's codebook (from a file) brings a term of its own.
    const incoming = (await repoA.get(DEFAULT_TAXONOMY_ID))!;
    const fromFile = 'urn:uuid:44444444-4444-4444-8444-444444444444';
    const colleague = { ...incoming, terms: [...incoming.terms, { ...incoming.terms.find((t) => t.id === added)!, id: fromFile, notation: '99', label: { zh: '同事的术语', en: 'A colleague’s term' }, order: 99 }] };
    expect((await repoA.merge(DEFAULT_TAXONOMY_ID, colleague)).changes).toBeGreaterThan(0);
    b.applied.length = 0;
    await exchange(server, a, b);
    expect((await b.db.terms.get(added))?.label.zh).toBe('新增术语');
    expect((await b.db.terms.get(retired.id))?.retired).toBe(true);
    expect((await b.db.terms.get(fromFile))?.label.zh).toBe('同事的术语');
    expect((await b.db.taxonomies.get(DEFAULT_TAXONOMY_ID))!.version).toBe((await a.db.taxonomies.get(DEFAULT_TAXONOMY_ID))!.version);
    expect(b.applied.some((c) => c.codebook)).toBe(true);
    expect(await b.db.conflicts.count()).toBe(0);
  });

  it('two editors renaming one term at once get a conflict on both sides with both names; keeping one settles it everywhere', async () => {
    await new TaxonomyRepository(a.db).ensureDefault();
    await new TaxonomyRepository(b.db).ensureDefault();
    await exchange(server, a, b);
    const term = defaultTaxonomy().terms[4];
    const termDoc = docId('term', term.id);
    await new TaxonomyRepository(a.db).rename(DEFAULT_TAXONOMY_ID, term.id, { zh: 'A 的名称' });
    await new TaxonomyRepository(b.db).rename(DEFAULT_TAXONOMY_ID, term.id, { zh: 'B 的名称' });
    await exchange(server, a, b);
    await exchange(server, a, b);
    expect(await leaves(server, termDoc)).toHaveLength(2);
    let keep = '';
    for (const x of [a, b]) {
      const conflict = (await x.engine.conflicts()).find((c) => c.id === termDoc)!;
      expect(conflict.kind).toBe('term');
      expect(conflict.canMerge).toBe(false);
      const names = conflict.versions.map((v) => (v.record as typeof term).label.zh);
      expect(names.sort()).toEqual(['A 的名称', 'B 的名称']);
      keep = conflict.versions.find((v) => (v.record as typeof term).label.zh === 'B 的名称')!.rev;
    }
    await a.engine.resolve(termDoc, { keep });
    await exchange(server, a, b);
    await exchange(server, a, b);
    for (const x of [a, b]) {
      expect((await x.db.terms.get(term.id))!.label.zh).toBe('B 的名称');
      expect((await x.engine.conflicts()).filter((c) => c.id === termDoc)).toEqual([]);
    }
    expect(await leaves(server, termDoc)).toHaveLength(1);
  });

  it('undoes a coder’s codebook edit instead of sending it, and says so', async () => {
    const coder = await browser('li', { editor: false });
    await new TaxonomyRepository(a.db).ensureDefault();
    await exchange(server, a, coder);
    const term = defaultTaxonomy().terms[5];
    await new TaxonomyRepository(coder.db).rename(DEFAULT_TAXONOMY_ID, term.id, { zh: '编码员擅改' });
    await exchange(server, a, coder);
    expect((await coder.db.terms.get(term.id))!.label.zh).toBe(term.label.zh);
    expect(coder.engine.stats().refusedCodebook.map((r) => r.id)).toContain(docId('term', term.id));
    expect(await leaves(server, docId('term', term.id))).toHaveLength(1);
    coder.db.close();
    await coder.replica.destroy();
  });

  it('holds codebook edits until the server has said who may make them', async () => {
    const unsure = await browser('wu', { editor: undefined });
    await new TaxonomyRepository(unsure.db).ensureDefault();
    await unsure.engine.run();
    expect((await unsure.replica.allDocs()).rows).toHaveLength(0);
    unsure.roles.editor = true;
    await unsure.engine.run();
    expect((await unsure.replica.allDocs()).rows.length).toBe(1 + defaultTaxonomy().terms.length);
    unsure.db.close();
    await unsure.replica.destroy();
  });

  it('keeps documents of a newer Pizhu as they are and refuses malformed ones', async () => {
    const newer = { _id: docId('annotation', 'urn:uuid:newer'), type: 'annotation', schema: DOC_SCHEMA + 1, data: { future: true }, by: 'eve' };
    const giant = { _id: docId('annotation', 'urn:uuid:giant'), type: 'annotation', schema: DOC_SCHEMA, data: { ...note, id: 'urn:uuid:giant', note: 'x'.repeat(200_000) }, by: 'eve' };
    await server.bulkDocs([newer, giant]);
    await exchange(server, a);
    expect(await a.db.annotations.count()).toBe(0);
    expect(a.engine.stats().newer).toBe(1);
    expect(a.engine.stats().rejected).toEqual([{ id: giant._id, reason: expect.stringMatching(/note/) }]);
    // A later edit of something else here never rewrites the newer document.
    await a.service.save(note, page);
    await exchange(server, a);
    expect(await server.get(newer._id)).toMatchObject({ schema: DOC_SCHEMA + 1, data: { future: true } });
  });

  it('reads the replica in batches that grow while documents are light and shrink when pages bring their text', async () => {
    const limits: (number | undefined)[] = [];
    const reader = await browser('carol', {
      wrap: (r) => Object.assign(Object.create(r) as Replica, {
        changes: (opts: Parameters<Replica['changes']>[0]) => {
          limits.push(opts.limit);
          return r.changes(opts);
        },
      }),
    });
    const annotationDoc = (i: number) => {
      const key = `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      return { _id: docId('annotation', key), type: 'annotation', schema: DOC_SCHEMA, by: 'eve', data: { ...note, id: key } };
    };
    const pageDoc = (i: number) => {
      const pageUrl = `https://gov.example/p${i}`;
      return { _id: docId('page', pageUrl), type: 'page', schema: DOC_SCHEMA, by: 'eve', data: { url: pageUrl, title: `报告${i}`, kind: 'report', snapshot: '字'.repeat(250_000) } };
    };
    // In the changes feed's order: a run of annotations, a run of pages with their text, annotations again.
    await reader.replica.bulkDocs(Array.from({ length: 600 }, (_, i) => annotationDoc(i)));
    await reader.replica.bulkDocs(Array.from({ length: 20 }, (_, i) => pageDoc(i)));
    await reader.replica.bulkDocs(Array.from({ length: 100 }, (_, i) => annotationDoc(600 + i)));
    await reader.engine.run();
    expect(await reader.db.annotations.count()).toBe(700);
    expect(await reader.db.pages.count()).toBe(20);
    expect(limits[0]).toBe(FIRST_BATCH);
    expect(limits[1]).toBeGreaterThan(FIRST_BATCH);
    expect(limits.at(-1)).toBeLessThan(FIRST_BATCH);
    reader.db.close();
    await reader.replica.destroy();
  });

  it('settles concurrent versions of a page by itself, the same way on both machines', async () => {
    await a.service.save(note, page, 'A 的正文');
    await b.service.save({ ...note, id: 'urn:uuid:22222222-2222-4222-8222-222222222222' }, page, 'B 的正文');
    for (let i = 0; i < 3; i++) await exchange(server, a, b);
    const pageId = docId('page', url);
    expect(await leaves(server, pageId)).toHaveLength(1);
    expect((await a.db.pages.get(url))!.snapshot).toBe((await b.db.pages.get(url))!.snapshot);
    expect(await a.db.conflicts.count()).toBe(0);
  });
});

async function PouchDB_replicate(from: Browser, to: Browser) {
  const { PouchDB } = await import('./support');
  await PouchDB.replicate(from.replica, to.replica);
}
