import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationService } from '../../../storage/annotation-service';
import { PizhuDB } from '../../../storage/db';
import { StorageError } from '../../../storage/errors';
import { TaxonomyRepository } from '../../../storage/taxonomies';
import type { AnnotationRecord } from '../../../model';

const CODER = { id: 'urn:uuid:7c0de000-0000-4000-8000-000000000001', name: '王小明' };
let n = 0;
const dbs: PizhuDB[] = [];
function fresh() {
  const db = new PizhuDB(`service-test-${n++}`);
  dbs.push(db);
  return { db, service: new AnnotationService(db, async () => CODER) };
}
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete().catch(() => {});
  }
});

const url = 'http://www.zhangdian.gov.cn/art/2018/3/12/art_1234_567890.html';
const page = { url, title: '张店区人民政府关于2017年度法治政府建设情况的报告', kind: 'report' as const, docNumber: '张政字〔2018〕8号' };
const annotation = (id: string, exact: string) => ({
  id,
  pageUrl: url,
  sourceUrl: url,
  quote: { exact, prefix: '', suffix: '' },
  position: { start: 0, end: exact.length },
  terms: ['https://pizhu.app/taxonomy/fzzf/2021/term/4'],
  note: '',
});

describe('the background annotation service', () => {
  it('installs the default codebook on first read and lists a page’s annotations', async () => {
    const { service } = fresh();
    const data = await service.pageData(url);
    expect(data.annotations).toEqual([]);
    expect(data.terms.length).toBeGreaterThan(20);
    expect(data.terms.some((t) => t.label.zh.includes('行政执法'))).toBe(true);
  });

  it('stores the page, its snapshot (first annotation only) and the annotation together', async () => {
    const { db, service } = fresh();
    await service.save(annotation('urn:uuid:1', '36项'), page, 'first text');
    await service.save(annotation('urn:uuid:2', '92项'), page, 'second text');
    const stored = await db.pages.get(url);
    expect(stored).toMatchObject({ title: page.title, docNumber: page.docNumber, snapshot: 'first text' });
    expect(stored).not.toHaveProperty('snapshotStructure');
    const data = await service.pageData(url);
    expect(data.annotations.map((a) => a.quote?.exact)).toEqual(['36项', '92项']);
  });

  it('keeps the structure that comes with the text, at a save and at a later visit', async () => {
    const { db, service } = fresh();
    const structure = { segments: [{ start: 0, end: 10 }], blocks: [{ start: 0, end: 5, tag: 'h1' }] };
    await service.save(annotation('urn:uuid:1', '36项'), page, 'first text', structure);
    expect((await db.pages.get(url))?.snapshotStructure).toEqual(structure);
    const other = { ...page, url: `${url}?id=2` };
    expect(await service.keepText(other, 'the page text', structure)).toBe(true);
    expect((await db.pages.get(other.url))?.snapshotStructure).toEqual(structure);
  });

  it('asks for the text of a page whose annotations came without it, and keeps the text it is sent once', async () => {
    const { db, service } = fresh();
    // As an import leaves it: the page and its annotation, no text.
    await db.pages.put({ url, title: page.title, kind: 'report', firstSeen: '2024-01-01T00:00:00.000Z', lastSeen: '2024-01-01T00:00:00.000Z' });
    await db.annotations.put({ ...annotation('urn:uuid:1', '36项'), created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' });
    expect((await service.pageData(url)).textStored).toBe(false);
    expect(await service.keepText(page, 'the page text')).toBe(true);
    expect(await service.keepText(page, 'another text')).toBe(false);
    expect((await db.pages.get(url))?.snapshot).toBe('the page text');
    expect((await service.pageData(url)).textStored).toBe(true);
  });

  it('deletes with the record returned for undo, and restores it unchanged', async () => {
    const { db, service } = fresh();
    await service.save(annotation('urn:uuid:1', '36项'), page, 's');
    const deleted = (await service.delete('urn:uuid:1')) as AnnotationRecord;
    expect(await db.annotations.count()).toBe(0);
    await service.restore(deleted);
    expect(await db.annotations.get('urn:uuid:1')).toEqual(deleted);
  });

  it('a failed write fails with a bilingual StorageError and loses nothing stored before', async () => {
    const { db, service } = fresh();
    await service.save(annotation('urn:uuid:1', '36项'), page, 's');
    // The annotation write fails inside the transaction: the page update with it must roll back too.
    const badAnnotation = { ...annotation('urn:uuid:2', '92项'), id: undefined as unknown as string };
    const failed = await service.save(badAnnotation, { ...page, title: 'changed' }, 's').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(StorageError);
    expect((failed as StorageError).zh.length).toBeGreaterThan(5);
    expect(await db.annotations.count()).toBe(1);
    expect((await db.pages.get(url))?.title).toBe(page.title);
    db.close();
    await expect(service.pageData(url)).rejects.toMatchObject({ code: 'closed' });
  });

  it('tries the default codebook again after a failed install, instead of remembering the failure', async () => {
    const { db, service } = fresh();
    const install = vi.spyOn(TaxonomyRepository.prototype, 'ensureDefault').mockRejectedValueOnce(new Error('disk busy'));
    await expect(service.pageData(url)).rejects.toBeInstanceOf(StorageError);
    const data = await service.pageData(url);
    expect(install).toHaveBeenCalledTimes(2);
    expect(data.terms.length).toBeGreaterThan(20);
    expect(await db.terms.count()).toBe(data.terms.length);
    install.mockRestore();
  });

  it('adds a term named in the picker to the first codebook and offers it on the next read; refuses an empty one', async () => {
    const { service } = fresh();
    const added = await service.addTerm('行政复议纠错');
    expect(added).toMatchObject({ notation: 'U1', label: { zh: '行政复议纠错' } });
    const data = await service.pageData(url);
    expect(data.terms.find((t) => t.id === added.id)).toMatchObject({ label: { zh: '行政复议纠错' } });
    // A refused label says what is wrong itself, not as a storage failure.
    await expect(service.addTerm(' ')).rejects.toMatchObject({ code: 'invalid-term', zh: '术语名称不能为空' });
  });

  it('credits a new annotation to the coder, and leaves a colleague’s annotation theirs when it is edited', async () => {
    const { db, service } = fresh();
    await service.save(annotation('urn:uuid:1', '36项'), page, 's');
    expect((await db.annotations.get('urn:uuid:1'))!.creator).toEqual(CODER);
    const colleague = { id: 'acct:li@hypothes.is', name: '李四' };
    await service.save({ ...annotation('urn:uuid:2', '92项'), creator: colleague }, page);
    expect((await db.annotations.get('urn:uuid:2'))!.creator).toEqual(colleague);
  });

  it('keeps the positions anchoring found for annotations that had none, and no others', async () => {
    const { db, service } = fresh();
    const { position: _p, ...unplaced } = annotation('urn:uuid:1', '依法行政');
    await db.annotations.bulkPut([
      { ...unplaced, created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' },
      { ...annotation('urn:uuid:2', '依法行政'), created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' },
    ]);
    const kept = await service.learnPositions([
      { id: 'urn:uuid:1', position: { start: 120, end: 124 } },
      { id: 'urn:uuid:2', position: { start: 7, end: 11 } },
      { id: 'urn:uuid:missing', position: { start: 1, end: 2 } },
    ]);
    expect(kept).toBe(1);
    expect(await db.annotations.get('urn:uuid:1')).toMatchObject({ position: { start: 120, end: 124 }, modified: '2024-01-01T00:00:00.000Z' });
    expect((await db.annotations.get('urn:uuid:2'))!.position).toEqual({ start: 0, end: 4 });
  });

  it('a failed install of the default codebook is tried again on the next request, and the reply says why', async () => {
    const { db, service } = fresh();
    // One failed write, as a full disk or a closing database gives at start-up.
    const put = db.taxonomies.put.bind(db.taxonomies);
    let fail = true;
    db.taxonomies.put = ((...args: Parameters<typeof put>) => {
      if (fail) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return put(...args);
    }) as typeof put;
    await expect(service.pageData(url)).rejects.toMatchObject({
      name: 'StorageError', code: 'quota', zh: expect.stringContaining('存储空间已满'), en: expect.stringContaining('Storage is full'),
    });
    fail = false;
    const again = await service.pageData(url);
    expect(again.terms.length).toBeGreaterThan(20);
  });
});

describe('changes from the library and the side panel', () => {
  const T1 = 'https://pizhu.app/taxonomy/fzzf/2021/term/4';
  const T2 = 'https://pizhu.app/taxonomy/fzzf/2021/term/5';
  async function three() {
    const f = fresh();
    for (const [id, exact] of [['urn:uuid:1', '36项'], ['urn:uuid:2', '92项'], ['urn:uuid:3', '12件']]) {
      await f.service.save(annotation(id, exact), page);
    }
    return f;
  }

  it('deletes a selection in one go and puts it back exactly as it was', async () => {
    const { db, service } = await three();
    const before = await db.annotations.bulkGet(['urn:uuid:1', 'urn:uuid:3']);
    const deleted = await service.deleteMany(['urn:uuid:1', 'urn:uuid:3', 'urn:uuid:none']);
    expect(deleted.map((a) => a.id)).toEqual(['urn:uuid:1', 'urn:uuid:3']);
    expect((await db.annotations.toArray()).map((a) => a.id)).toEqual(['urn:uuid:2']);
    await service.restoreMany(deleted);
    expect(await db.annotations.bulkGet(['urn:uuid:1', 'urn:uuid:3'])).toEqual(before);
  });

  it('adds a term to the rows that lack it and takes one off those that have it, each an edit', async () => {
    const { db, service } = await three();
    await service.edit('urn:uuid:2', { terms: [T1, T2], note: '' });
    const added = await service.retag(['urn:uuid:1', 'urn:uuid:2'], { add: T2 });
    // The one that had it already is not written.
    expect(added.after.map((a) => [a.id, a.terms])).toEqual([['urn:uuid:1', [T1, T2]]]);
    expect(added.before[0].terms).toEqual([T1]);
    expect(added.after[0].modified >= added.before[0].modified).toBe(true);
    const removed = await service.retag(['urn:uuid:1', 'urn:uuid:2', 'urn:uuid:3'], { remove: T1 });
    expect(removed.after.map((a) => a.id)).toEqual(['urn:uuid:1', 'urn:uuid:2', 'urn:uuid:3']);
    expect((await db.annotations.toArray()).map((a) => a.terms)).toEqual([[T2], [T2], []]);
    // Undo: the records before, as they were.
    await service.restoreMany(removed.before);
    expect((await db.annotations.toArray()).map((a) => a.terms)).toEqual([[T1, T2], [T1, T2], [T1]]);
  });

  it('edits one annotation’s terms and note, keeping its creator and creation time', async () => {
    const { db, service } = await three();
    const stored = await db.annotations.get('urn:uuid:3');
    const { after } = await service.edit('urn:uuid:3', { terms: [T2, T2], note: '核对数字' });
    expect(after[0]).toMatchObject({ terms: [T2], note: '核对数字', created: stored!.created, creator: stored!.creator });
    expect(await db.annotations.get('urn:uuid:3')).toEqual(after[0]);
    expect((await service.edit('urn:uuid:3', { terms: [T2], note: '核对数字' })).after).toEqual([]);
  });

  it('a bulk write that cannot reach the database fails as a bilingual StorageError', async () => {
    const { db, service } = await three();
    db.close();
    await expect(service.deleteMany(['urn:uuid:1'])).rejects.toBeInstanceOf(StorageError);
    await expect(service.retag(['urn:uuid:1'], { add: T2 })).rejects.toBeInstanceOf(StorageError);
  });
});

describe('the coder of an annotation', () => {
  it('is this browser’s coder for one made here, and stays whoever made one from elsewhere', async () => {
    const db = new PizhuDB(`service-test-${n++}`);
    dbs.push(db);
    const me = { id: 'urn:uuid:00000000-0000-4000-8000-00000000c0de', name: '李四' };
    const service = new AnnotationService(db, async () => me);
    expect((await service.save(annotation('urn:uuid:mine', '36项'), page)).creator).toEqual(me);
    const theirs = { ...annotation('urn:uuid:theirs', '48.6%'), creator: { id: 'urn:uuid:other', name: '王五' } };
    expect((await service.save(theirs, page)).creator).toEqual({ id: 'urn:uuid:other', name: '王五' });
  });
});
