import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationService } from '../../../storage/annotation-service';
import { PizhuDB } from '../../../storage/db';
import { StorageError } from '../../../storage/errors';
import { TaxonomyRepository } from '../../../storage/taxonomies';
import type { AnnotationRecord } from '../../../model';

let n = 0;
const dbs: PizhuDB[] = [];
function fresh() {
  const db = new PizhuDB(`service-test-${n++}`);
  dbs.push(db);
  return { db, service: new AnnotationService(db) };
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
    const data = await service.pageData(url);
    expect(data.annotations.map((a) => a.quote.exact)).toEqual(['36项', '92项']);
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
