import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toAnnotationCollection } from '../../../exchange/jsonld';
import { NO_NOTICES, parseW3CText } from '../../../exchange/jsonld-import';
import { applyImport, checkSize, fromParseResult, ImportFileError, previewImport } from '../../../library/import-file';
import { LIBRARY_MAX_IMPORT_BYTES } from '../../../library/limits';
import { PizhuDB } from '../../../storage/db';
import { importedSchemeId } from '../../../taxonomy/refi-qda';
import { DEFAULT_TAXONOMY_ID } from '../../../taxonomy/default';
import { annotation, freshName, PAGE } from './fixtures';

let db: PizhuDB;
beforeEach(() => {
  db = new PizhuDB(freshName());
});
afterEach(() => db.close());

const TERM = 'https://team.example/codes/review';

function fileText(records = [annotation(1, { terms: [TERM] }), annotation(2, { note: '备注' })]) {
  const ctx = {
    pages: new Map([[PAGE.url, PAGE]]),
    terms: new Map([[TERM, { id: TERM, taxonomyId: 'x', scheme: 'y', notation: '7', label: { zh: '行政复议', en: 'Review' }, color: '#aa3300', order: 0 }]]),
  };
  return JSON.stringify(toAnnotationCollection(records, ctx));
}

const parse = (text: string) => fromParseResult(parseW3CText(text, text.length, { maxBytes: LIBRARY_MAX_IMPORT_BYTES }));

async function snapshot() {
  return {
    annotations: await db.annotations.toArray(),
    pages: await db.pages.toArray(),
    terms: await db.terms.toArray(),
    taxonomies: await db.taxonomies.toArray(),
  };
}

describe('import into the library', () => {
  it('previews new / unchanged / changed, then writes annotations, pages and an imported term group', async () => {
    const parsed = parse(fileText());
    expect(await previewImport(db, parsed)).toMatchObject({ total: 2, new: 2, unchanged: 0, changed: 0, pages: 1, newTerms: 1 });
    expect(await db.annotations.count()).toBe(0);

    const outcome = await applyImport(db, parsed, { now: new Date('2025-01-01T00:00:00Z') });
    expect(outcome).toEqual({ annotations: 2, unchanged: 0, pages: 1, terms: 1 });
    expect(await db.annotations.get(annotation(1).id)).toEqual(annotation(1, { terms: [TERM] }));
    expect(await db.pages.get(PAGE.url)).toMatchObject({ title: PAGE.title, issuer: PAGE.issuer, docNumber: PAGE.docNumber });
    const term = await db.terms.get(TERM);
    expect(term).toMatchObject({ label: { zh: '行政复议', en: 'Review' }, color: '#aa3300', taxonomyId: DEFAULT_TAXONOMY_ID, scheme: importedSchemeId(DEFAULT_TAXONOMY_ID) });
    const taxonomy = await db.taxonomies.get(DEFAULT_TAXONOMY_ID);
    expect(taxonomy!.schemes.some((s) => s.id === importedSchemeId(DEFAULT_TAXONOMY_ID))).toBe(true);

    const again = parse(fileText([annotation(1, { terms: [TERM] }), annotation(2, { note: '改过' }), annotation(3)]));
    expect(await previewImport(db, again)).toMatchObject({ new: 1, unchanged: 1, changed: 1, newTerms: 0 });
  });

  it('writes only what the preview found new or changed; what is stored as in the file is left alone', async () => {
    await applyImport(db, parse(fileText()));
    const again = parse(fileText([annotation(1, { terms: [TERM] }), annotation(2, { note: '改过' }), annotation(3)]));
    const preview = await previewImport(db, again);
    expect(preview.unchangedIds).toEqual([annotation(1).id]);
    // Edited here after the preview: skipping the unchanged one keeps this edit instead of the file's older copy.
    await db.annotations.update(annotation(1).id, { note: '预览后改的' });
    const progress: [number, number][] = [];
    const outcome = await applyImport(db, again, { unchanged: new Set(preview.unchangedIds), onProgress: (d, t) => progress.push([d, t]) });
    expect(outcome).toMatchObject({ annotations: 2, unchanged: 1 });
    expect(progress.at(-1)).toEqual([2, 2]);
    expect((await db.annotations.get(annotation(1).id))!.note).toBe('预览后改的');
    expect((await db.annotations.get(annotation(2).id))!.note).toBe('改过');
    expect(await db.annotations.get(annotation(3).id)).toEqual(annotation(3));
  });

  it('compares a large file by id ranges and a small file into a large library by lookups, with the same counts', async () => {
    const stored = Array.from({ length: 60 }, (_, i) => annotation(i + 1));
    await db.annotations.bulkPut(stored);
    const file = (records: ReturnType<typeof annotation>[]) => ({ annotations: records, pages: [], importedTerms: [], warnings: [], notices: NO_NOTICES });
    const lookups = vi.spyOn(db.annotations, 'bulkGet');

    // Most of the library comes back, shuffled, some edited, some new in between: one range read answers it.
    const large = stored.slice(0, 50).map((a, i) => (i % 10 === 0 ? { ...a, note: '改过' } : a));
    large.push(annotation(0), annotation(1000), annotation(25, { id: 'urn:uuid:00000000-0000-4000-8000-000000000025x' }));
    large.reverse();
    const wide = await previewImport(db, file(large));
    expect(wide).toMatchObject({ total: 53, new: 3, changed: 5, unchanged: 45 });
    expect(wide.changedIds.sort()).toEqual(stored.filter((_, i) => i < 50 && i % 10 === 0).map((a) => a.id));
    expect(lookups).not.toHaveBeenCalled();

    // Two ids from the ends of the library: the range between them holds 58 others, so each is looked up.
    const small = await previewImport(db, file([stored[59], { ...stored[0], note: '改过' }]));
    expect(small).toMatchObject({ new: 0, changed: 1, unchanged: 1, changedIds: [stored[0].id], unchangedIds: [stored[59].id] });
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it('keeps a stored page’s metadata when the file says less about it', async () => {
    await db.pages.put({ ...PAGE, kind: 'report' });
    const text = JSON.stringify([
      {
        id: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001',
        type: 'Annotation',
        target: { source: PAGE.url, selector: { type: 'TextQuoteSelector', exact: '依法行政' } },
      },
    ]);
    await applyImport(db, parse(text));
    expect(await db.pages.get(PAGE.url)).toMatchObject({ title: PAGE.title, kind: 'report', issuer: PAGE.issuer });
  });

  it('names what is wrong with bad input and leaves the database as it was', async () => {
    await applyImport(db, parse(fileText()));
    const before = await snapshot();
    const bad = (text: string) => () => parse(text);
    expect(bad('not json')).toThrowError(/not JSON/);
    expect(bad(fileText().slice(0, 200))).toThrowError(/truncated/);
    expect(bad('{"type":"Collection"}')).toThrowError(/W3C/);
    try {
      parse('[{"type":"Annotation","id":"urn:x:1","created":"12/31/1999","target":"http://example.org/p"}]');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportFileError);
      expect((e as ImportFileError).zh).toContain('无法识别的日期');
      expect((e as ImportFileError).zh).toContain('数据库没有改动');
      expect((e as ImportFileError).en).toMatch(/dates Pizhu cannot read/);
      expect((e as ImportFileError).details.join()).toMatch(/\[0\]\.created/);
    }
    expect(() => checkSize(LIBRARY_MAX_IMPORT_BYTES + 1)).toThrowError(/too large/);
    expect(() => checkSize(85 * 1024 * 1024)).not.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('asks whose annotations are credited to nobody, credits them to the answer, and keeps those that name someone', async () => {
    const colleague = { id: 'urn:uuid:7c0de000-0000-4000-8000-000000000003', name: '张三' };
    const li = { id: 'urn:uuid:7c0de000-0000-4000-8000-000000000004', name: '李四' };
    const parsed = parse(fileText([annotation(1), annotation(2), annotation(3, { creator: colleague })]));
    const preview = await previewImport(db, parsed);
    expect(preview.uncredited).toBe(2);
    await applyImport(db, parsed, { unchanged: new Set(preview.unchangedIds), credited: preview.credited, coder: li });
    const creators = (await db.annotations.toArray()).map((a) => a.creator);
    expect(creators).toEqual([li, li, colleague]);

    // The same file again: nothing is asked, nothing is rewritten, each keeps the coder it was credited to here.
    const again = await previewImport(db, parse(fileText([annotation(1), annotation(2), annotation(3, { creator: colleague })])));
    expect(again).toMatchObject({ uncredited: 0, unchanged: 3, changed: 0 });
    expect([...again.credited.values()]).toEqual([li, li]);
  });

  it('a cancel during the write rolls everything back', async () => {
    const records = Array.from({ length: 25_000 }, (_, i) => annotation(i + 1, { id: `urn:uuid:${i}`, created: '2024-04-01T00:00:00.000Z', modified: '2024-04-01T00:00:00.000Z' }));
    const parsed = { annotations: records, pages: [{ url: PAGE.url, title: PAGE.title }], importedTerms: [], warnings: [], notices: NO_NOTICES };
    const controller = new AbortController();
    const write = applyImport(db, parsed, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 10_000) controller.abort(new DOMException('cancelled', 'AbortError'));
      },
    });
    await expect(write).rejects.toThrow(/cancelled/);
    expect(await db.annotations.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
  });
});
