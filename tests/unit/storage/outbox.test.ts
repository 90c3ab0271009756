// The outbox: every write to a shared table leaves an entry in the same transaction while this browser is in a team,
// whichever path made it; the sync engine's own writes leave none; nothing is recorded outside a team.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_NOTICES } from '../../../exchange/jsonld-import';
import { applyImport } from '../../../library/import-file';
import { restoreBackup } from '../../../library/backup';
import { AnnotationService } from '../../../storage/annotation-service';
import { PizhuDB } from '../../../storage/db';
import { IndicatorMergeRepository } from '../../../storage/indicator-merges';
import { PageRepository } from '../../../storage/pages';
import { ResolutionRepository } from '../../../storage/resolutions';
import { META } from '../../../storage/sync-state';
import { TaxonomyRepository } from '../../../storage/taxonomies';
import { DEFAULT_TAXONOMY_ID, defaultTaxonomy } from '../../../taxonomy/default';
import { annotation, freshName } from './fixtures';

const dbs: PizhuDB[] = [];
async function teamDb(inTeam = true) {
  const db = new PizhuDB(freshName());
  dbs.push(db);
  if (inTeam) await db.syncMeta.put({ key: META.enabled, value: 'http://127.0.0.1:5984/team' });
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const url = 'https://gov.example/r';
const page = { url, title: '报告', kind: 'report' as const };
const CODER = { id: 'urn:uuid:00000000-0000-4000-8000-00000000c0de', name: '王' };
const a1 = annotation('urn:uuid:a1', url, '2024-03-01T00:00:00.000Z', ['t1']);

async function entries(db: PizhuDB) {
  return (await db.outbox.toArray()).map((e) => `${e.table}:${e.key}`);
}

describe('the outbox', () => {
  it('records a tag from a page: the annotation and its page, in the same transaction', async () => {
    const db = await teamDb();
    await new AnnotationService(db, async () => CODER).save(a1, page, '正文');
    expect((await entries(db)).sort()).toEqual([`annotations:${a1.id}`, `pages:${url}`, `pages:${url}`].sort());
  });

  it('records deletes and undos', async () => {
    const db = await teamDb();
    const service = new AnnotationService(db, async () => CODER);
    const stored = await service.save(a1, page);
    await db.outbox.clear();
    await service.delete(a1.id);
    await service.restore(stored);
    expect(await entries(db)).toEqual([`annotations:${a1.id}`, `annotations:${a1.id}`]);
  });

  it('records the taxonomy editor’s edits and merges: the taxonomy and the terms touched', async () => {
    const db = await teamDb();
    const repo = new TaxonomyRepository(db);
    await repo.ensureDefault();
    await db.outbox.clear();
    const { terms } = defaultTaxonomy();
    await repo.rename(DEFAULT_TAXONOMY_ID, terms[3].id, { zh: '新名称' });
    expect(await entries(db)).toEqual([`taxonomies:${DEFAULT_TAXONOMY_ID}`, `terms:${terms[3].id}`]);
  });

  it('records an import and a restore, record by record, range deletions included', async () => {
    const db = await teamDb();
    await applyImport(db, { annotations: [a1], pages: [{ url, title: '报告' }], importedTerms: [], warnings: [], notices: NO_NOTICES });
    expect(await entries(db)).toContain(`annotations:${a1.id}`);
    await db.outbox.clear();
    const { taxonomy, terms } = defaultTaxonomy();
    await restoreBackup(db, { taxonomies: [taxonomy], terms, pages: [], annotations: [] });
    const recorded = await entries(db);
    // The restore cleared the annotation and the page (a range deletion): both are recorded, to go as deletions.
    expect(recorded).toContain(`annotations:${a1.id}`);
    expect(recorded).toContain(`pages:${url}`);
    expect(recorded).toContain(`terms:${terms[0].id}`);
  });

  it('records Collection.modify and Collection.delete', async () => {
    const db = await teamDb();
    await new PageRepository(db).upsert(page);
    await db.outbox.clear();
    await db.pages.where('url').equals(url).modify({ title: '改过' });
    await db.pages.where('url').equals(url).delete();
    expect(await entries(db)).toEqual([`pages:${url}`, `pages:${url}`]);
  });

  it('rolls back with its write', async () => {
    const db = await teamDb();
    await expect(db.transaction('rw', db.annotations, async () => {
      await db.annotations.put(a1);
      throw new Error('changed my mind');
    })).rejects.toThrow();
    expect(await entries(db)).toEqual([]);
  });

  it('records nothing of the sync engine’s own writes (transactions that keep revisions)', async () => {
    const db = await teamDb();
    await db.transaction('rw', [db.annotations, db.syncRevs], async () => {
      await db.annotations.put(a1);
      await db.syncRevs.put({ id: `annotation:${a1.id}`, rev: '1-x' });
    });
    expect(await db.annotations.get(a1.id)).toEqual(a1);
    expect(await entries(db)).toEqual([]);
  });

  it('records nothing outside a team', async () => {
    const db = await teamDb(false);
    await new AnnotationService(db, async () => CODER).save(a1, page);
    expect(await entries(db)).toEqual([]);
    await db.syncMeta.put({ key: META.enabled, value: 'http://127.0.0.1:5984/team' });
    await new AnnotationService(db, async () => CODER).delete(a1.id);
    expect(await entries(db)).toEqual([`annotations:${a1.id}`]);
  });

  it('records the consensus coder’s annotations of an adjudication, not its decisions nor indicator merges', async () => {
    const db = await teamDb();
    const consensus = 'urn:uuid:00000000-0000-4000-8000-0000000c0115';
    const agreed = { ...a1, id: 'urn:uuid:a1-consensus', creator: { id: consensus, name: '共识' } };
    await new ResolutionRepository(db).settle({
      consensus,
      pageUrl: url,
      decide: { key: `${url}#d1`, resolution: { choice: 'merge' } },
      consensusAnnotations: [agreed],
    });
    await new IndicatorMergeRepository(db).set({ 主动公开政府信息: '主动公开信息' });
    expect(await db.resolutions.count()).toBe(1);
    expect(await db.indicatorMerges.count()).toBe(1);
    expect(await entries(db)).toEqual([`annotations:${agreed.id}`]);
  });
});
