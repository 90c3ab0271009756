import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PageData } from '../../../messaging/annotations';
import { AnnotationService } from '../../../storage/annotation-service';
import { PizhuDB } from '../../../storage/db';
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
    expect(data.value.annotations.map((a) => a.quote?.exact)).toEqual(['36项', '92项']);
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

  it('credits a new annotation to the coder, and leaves a colleague’s annotation theirs when it is edited', async () => {
    const { db, service } = fresh();
    await service.handle({ type: 'pizhu:data:save', annotation: annotation('urn:uuid:1', '36项'), page, snapshot: 's' });
    expect((await db.annotations.get('urn:uuid:1'))!.creator).toEqual(CODER);
    const colleague = { id: 'acct:li@hypothes.is', name: '李四' };
    await service.handle({ type: 'pizhu:data:save', annotation: { ...annotation('urn:uuid:2', '92项'), creator: colleague }, page });
    expect((await db.annotations.get('urn:uuid:2'))!.creator).toEqual(colleague);
  });

  it('keeps the positions anchoring found for annotations that had none, and no others', async () => {
    const { db, service } = fresh();
    const { position: _p, ...unplaced } = annotation('urn:uuid:1', '依法行政');
    await db.annotations.bulkPut([
      { ...unplaced, created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' },
      { ...annotation('urn:uuid:2', '依法行政'), created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' },
    ]);
    const reply = await service.handle({
      type: 'pizhu:data:positions',
      positions: [
        { id: 'urn:uuid:1', position: { start: 120, end: 124 } },
        { id: 'urn:uuid:2', position: { start: 7, end: 11 } },
        { id: 'urn:uuid:missing', position: { start: 1, end: 2 } },
      ],
    });
    expect(reply).toEqual({ ok: true, value: 1 });
    expect(await db.annotations.get('urn:uuid:1')).toMatchObject({ position: { start: 120, end: 124 }, modified: '2024-01-01T00:00:00.000Z' });
    expect((await db.annotations.get('urn:uuid:2'))!.position).toEqual({ start: 0, end: 4 });
  });
});
