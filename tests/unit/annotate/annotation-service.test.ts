import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageData } from '../../../messaging/annotations';
import { AnnotationService } from '../../../storage/annotation-service';
import { PizhuDB } from '../../../storage/db';
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
    const reply = await service.handle({ type: 'pizhu:data:page', url });
    expect(reply.ok).toBe(true);
    const data = (reply as { value: PageData }).value;
    expect(data.annotations).toEqual([]);
    expect(data.terms.length).toBeGreaterThan(20);
    expect(data.terms.some((t) => t.label.zh.includes('行政执法'))).toBe(true);
  });

  it('stores the page, its snapshot (first annotation only) and the annotation together', async () => {
    const { db, service } = fresh();
    await service.handle({ type: 'pizhu:data:save', annotation: annotation('urn:uuid:1', '36项'), page, snapshot: 'first text' });
    await service.handle({ type: 'pizhu:data:save', annotation: annotation('urn:uuid:2', '92项'), page, snapshot: 'second text' });
    const stored = await db.pages.get(url);
    expect(stored).toMatchObject({ title: page.title, docNumber: page.docNumber, snapshot: 'first text' });
    const data = (await service.handle({ type: 'pizhu:data:page', url })) as { value: PageData };
    expect(data.value.annotations.map((a) => a.quote.exact)).toEqual(['36项', '92项']);
  });

  it('deletes with the record returned for undo, and restores it unchanged', async () => {
    const { db, service } = fresh();
    await service.handle({ type: 'pizhu:data:save', annotation: annotation('urn:uuid:1', '36项'), page, snapshot: 's' });
    const deleted = (await service.handle({ type: 'pizhu:data:delete', id: 'urn:uuid:1' })) as { value: AnnotationRecord };
    expect(await db.annotations.count()).toBe(0);
    await service.handle({ type: 'pizhu:data:restore', annotation: deleted.value });
    expect(await db.annotations.get('urn:uuid:1')).toEqual(deleted.value);
  });

  it('a failed write replies with a bilingual message and loses nothing stored before', async () => {
    const { db, service } = fresh();
    await service.handle({ type: 'pizhu:data:save', annotation: annotation('urn:uuid:1', '36项'), page, snapshot: 's' });
    // The annotation write fails inside the transaction: the page update with it must roll back too.
    const badAnnotation = { ...annotation('urn:uuid:2', '92项'), id: undefined as unknown as string };
    const reply = await service.handle({ type: 'pizhu:data:save', annotation: badAnnotation, page: { ...page, title: 'changed' }, snapshot: 's' });
    expect(reply.ok).toBe(false);
    expect((reply as { error: { zh: string } }).error.zh.length).toBeGreaterThan(5);
    expect(await db.annotations.count()).toBe(1);
    expect((await db.pages.get(url))?.title).toBe(page.title);
    db.close();
    const closed = await service.handle({ type: 'pizhu:data:page', url });
    expect(closed).toMatchObject({ ok: false, error: { code: 'closed' } });
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
    const failed = await service.handle({ type: 'pizhu:data:page', url });
    expect(failed).toMatchObject({ ok: false, error: { code: 'quota', zh: expect.stringContaining('存储空间已满'), en: expect.stringContaining('Storage is full') } });
    fail = false;
    const again = await service.handle({ type: 'pizhu:data:page', url });
    expect(again.ok).toBe(true);
    expect((again as { value: PageData }).value.terms.length).toBeGreaterThan(20);
  });
});
