// The library's .qdpx export and import against a database: the export reads the stored page texts and the
// codebook; the import, written by applyImport, stores a page's text where none is kept and leaves a kept one alone.
import 'fake-indexeddb/auto';
import { JSDOM } from 'jsdom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeRange } from '../../../anchoring/describe';
import { applyImport, ImportFileError, previewImport } from '../../../library/import-file';
import { qdpxBlob, readQdpxFile } from '../../../library/qdpx-files';
import type { AnnotationRecord } from '../../../model';
import { PizhuDB } from '../../../storage/db';
import { TaxonomyRepository } from '../../../storage/taxonomies';
import { TAXONOMY_BASE } from '../../../taxonomy/default';
import { freshName, PAGE } from './fixtures';

// Node's Blob and File (jsdom's lack arrayBuffer), and jsdom's DOMParser as an extension page has its own.
beforeAll(() => {
  (globalThis as { DOMParser?: unknown }).DOMParser = new JSDOM('').window.DOMParser;
});
afterAll(() => {
  delete (globalThis as { DOMParser?: unknown }).DOMParser;
});

const dbs: PizhuDB[] = [];
function fresh(): PizhuDB {
  const db = new PizhuDB(freshName());
  dbs.push(db);
  return db;
}
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const TEXT = '一年来，𠮷县全面推进依法行政，行政复议案件纠错率为12.5%。';
const TERM = `${TAXONOMY_BASE}/term/rules/legislation`;

function annotations(): AnnotationRecord[] {
  const at = (exact: string) => describeRange(TEXT, TEXT.indexOf(exact), TEXT.indexOf(exact) + exact.length);
  return [
    { id: 'urn:uuid:3c000000-0000-4000-8000-000000000001', pageUrl: PAGE.url, sourceUrl: PAGE.url, ...at('全面推进依法行政'), terms: [TERM], note: '要点', creator: { name: '李老师' }, created: '2024-04-01T08:00:00.000Z', modified: '2024-04-01T08:00:00.000Z' },
    { id: 'urn:uuid:3c000000-0000-4000-8000-000000000002', pageUrl: PAGE.url, sourceUrl: PAGE.url, ...at('纠错率为12.5%'), terms: [TERM], note: '', created: '2024-04-02T08:00:00.000Z', modified: '2024-04-02T08:00:00.000Z' },
  ];
}

async function seeded(): Promise<PizhuDB> {
  const db = fresh();
  await new TaxonomyRepository(db).ensureDefault();
  await db.pages.put({ ...PAGE, snapshot: TEXT, snapshotAt: '2024-04-01T00:00:00.000Z' });
  await db.annotations.bulkPut(annotations());
  return db;
}

async function exported(db: PizhuDB): Promise<File> {
  const terms = new Map((await db.terms.toArray()).map((t) => [t.id, t]));
  const { blob, assembled } = await qdpxBlob(db, annotations(), { pages: new Map([[PAGE.url, PAGE]]), terms });
  expect(assembled).toEqual([]);
  return new File([await blob.arrayBuffer()], 'project.qdpx');
}

describe('the library’s REFI-QDA project', () => {
  it('exports the stored text and imports it into an empty library, annotations and text together', async () => {
    const file = await exported(await seeded());
    const other = fresh();
    const parsed = await readQdpxFile(other, file);
    const preview = await previewImport(other, parsed);
    expect(preview).toMatchObject({ total: 2, new: 2, pages: 1 });
    await applyImport(other, parsed);
    expect(await other.annotations.toArray()).toEqual(annotations());
    expect(await other.pages.get(PAGE.url)).toMatchObject({ title: PAGE.title, issuer: PAGE.issuer, snapshot: TEXT });
  });

  it('keeps the text a page already has', async () => {
    const file = await exported(await seeded());
    const other = fresh();
    await other.pages.put({ ...PAGE, snapshot: 'the text as this reader saw it', snapshotAt: '2024-01-01T00:00:00.000Z' });
    await applyImport(other, await readQdpxFile(other, file));
    expect((await other.pages.get(PAGE.url))?.snapshot).toBe('the text as this reader saw it');
  });

  it('names a broken file and changes nothing', async () => {
    const other = fresh();
    const error = await readQdpxFile(other, new File([new Uint8Array([1, 2, 3])], 'broken.qdpx')).catch((e) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).en).toMatch(/REFI-QDA project cannot be imported.*Nothing was changed/);
    expect(await other.annotations.count()).toBe(0);
  });
});
