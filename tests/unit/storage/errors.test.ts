import 'fake-indexeddb/auto';
import Dexie, { type DBCore } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationRepository } from '../../../storage/annotations';
import { PizhuDB } from '../../../storage/db';
import { StorageError, toStorageError } from '../../../storage/errors';
import { PageRepository } from '../../../storage/pages';
import { TaxonomyRepository } from '../../../storage/taxonomies';
import { DEFAULT_TAXONOMY_ID, TAXONOMY_BASE } from '../../../taxonomy/default';
import { annotation, freshName } from './fixtures';

const PAGE = 'https://gov.example/report';

/** Makes writes to the named tables fail as a full disk does, from the moment `failing` holds them. */
function quotaSwitch(db: Dexie): Set<string> {
  const failing = new Set<string>();
  db.use({
    stack: 'dbcore',
    name: 'simulated-quota',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) =>
            failing.has(name) ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req),
        };
      },
    }),
  });
  return failing;
}

let db: PizhuDB;
let failing: Set<string>;
beforeEach(() => {
  db = new PizhuDB(freshName());
  failing = quotaSwitch(db);
});
afterEach(() => db.close());

async function failure(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(() => undefined, (e) => e);
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe('failed writes', () => {
  it('a full disk gives the quota error in Chinese and English, and loses nothing stored', async () => {
    const annotations = new AnnotationRepository(db);
    await annotations.bulkPut([annotation('urn:uuid:1', PAGE, '2025-01-01T00:00:00.000Z'), annotation('urn:uuid:2', PAGE, '2025-01-02T00:00:00.000Z')]);
    failing.add('annotations');
    const error = await failure(annotations.put({ ...annotation('urn:uuid:3', PAGE, ''), note: 'new' }));
    expect(error.code).toBe('quota');
    expect(error.zh).toMatch(/^存储空间已满/);
    expect(error.en).toMatch(/^Storage is full/);
    expect((await failure(annotations.bulkPut([annotation('urn:uuid:4', PAGE, '2025-01-04T00:00:00.000Z')]))).code).toBe('quota');
    failing.clear();
    expect((await annotations.listByPage(PAGE)).map((a) => a.id)).toEqual(['urn:uuid:1', 'urn:uuid:2']);
  });

  it('a taxonomy edit failing on its second write leaves the first undone', async () => {
    const taxonomies = new TaxonomyRepository(db);
    const before = await taxonomies.ensureDefault();
    failing.add('terms');
    const error = await failure(taxonomies.rename(DEFAULT_TAXONOMY_ID, `${TAXONOMY_BASE}/term/rules`, { zh: '制度' }));
    expect(error.code).toBe('quota');
    failing.clear();
    const after = (await taxonomies.get(DEFAULT_TAXONOMY_ID))!;
    expect(after.taxonomy).toEqual(before.taxonomy);
    expect(after.terms.find((term) => term.id === `${TAXONOMY_BASE}/term/rules`)!.label.zh).toBe('依法行政制度体系');
  });

  it('a closed database gives the closed error, for reads and writes', async () => {
    const pages = new PageRepository(db);
    await pages.upsert({ url: PAGE, title: '报告', kind: 'report' });
    db.close();
    const write = await failure(pages.upsert({ url: PAGE, title: '改', kind: 'report' }));
    expect(write.code).toBe('closed');
    expect(write.zh).toMatch(/数据库已关闭/);
    expect((await failure(new AnnotationRepository(db).count())).code).toBe('closed');
    const reopened = new PizhuDB(db.name);
    expect((await new PageRepository(reopened).get(PAGE))!.title).toBe('报告');
    reopened.close();
  });
});

describe('error mapping', () => {
  it('looks inside Dexie wrappers for the cause', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(toStorageError(new Dexie.AbortError('aborted', quota)).code).toBe('quota');
    expect(toStorageError(new Dexie.BulkError('bulk', [new DOMException('bad key', 'DataError')])).code).toBe('invalid');
    expect(toStorageError(new Dexie.MissingAPIError('no indexedDB')).code).toBe('unavailable');
    expect(toStorageError(new Dexie.VersionError('newer')).code).toBe('version');
    const other = toStorageError(new Error('boom'));
    expect(other.code).toBe('unknown');
    expect(other.cause).toBeInstanceOf(Error);
  });
});
