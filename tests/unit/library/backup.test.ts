import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupJson, readBackup, restoreBackup } from '../../../library/backup';
import { PizhuDB } from '../../../storage/db';
import { SCHEMA_VERSION } from '../../../storage/schema';
import { TaxonomyRepository } from '../../../storage/taxonomies';
import { annotation, freshName, PAGE } from './fixtures';

let db: PizhuDB;
beforeEach(() => {
  db = new PizhuDB(freshName());
});
afterEach(() => db.close());

async function tablesOf(d: PizhuDB) {
  return {
    annotations: await d.annotations.toArray(),
    pages: await d.pages.toArray(),
    taxonomies: await d.taxonomies.toArray(),
    terms: await d.terms.toArray(),
  };
}

async function backupText(d: PizhuDB): Promise<string> {
  let text = '';
  for await (const chunk of backupJson(d)) text += chunk;
  return text;
}

describe('backup and restore', () => {
  it('backs up every table and restores it exactly into another database, replacing what was there', async () => {
    await new TaxonomyRepository(db).ensureDefault();
    await db.pages.put({ ...PAGE, snapshot: '正文快照', snapshotAt: PAGE.firstSeen });
    // More than one batch, so that resuming after the last key is exercised.
    await db.annotations.bulkPut(Array.from({ length: 4500 }, (_, i) => annotation(i + 1, { id: `urn:uuid:${String(i).padStart(6, '0')}`, created: '2024-04-01T00:00:00.000Z' })));
    const text = await backupText(db);
    const json = JSON.parse(text);
    expect(json).toMatchObject({ format: 'pizhu-backup', version: 1, schemaVersion: SCHEMA_VERSION, counts: { annotations: 4500, pages: 1 } });

    const other = new PizhuDB(freshName());
    try {
      await other.annotations.put(annotation(99999, { id: 'urn:uuid:only-here' }));
      const reading = readBackup(json);
      if (!reading.ok) throw new Error(reading.problem.en);
      await restoreBackup(other, reading.tables);
      expect(await tablesOf(other)).toEqual(await tablesOf(db));
    } finally {
      other.close();
    }
  });

  it('names the first problem of a malformed backup', () => {
    const problem = (json: unknown) => {
      const r = readBackup(json);
      return r.ok ? '' : r.problem.en;
    };
    expect(problem({ format: 'other' })).toMatch(/not a Pizhu backup/);
    expect(problem({ format: 'pizhu-backup', version: 9 })).toMatch(/version 9/);
    expect(problem({ format: 'pizhu-backup', version: 1, schemaVersion: 99, tables: {} })).toMatch(/newer/);
    const tables = { taxonomies: [], terms: [], pages: [], annotations: [{ ...annotation(1), quote: 'x' }] };
    expect(problem({ format: 'pizhu-backup', version: 1, schemaVersion: SCHEMA_VERSION, tables })).toMatch(/tables\.annotations\[0\]\.quote/);
  });

  it('a failed restore changes nothing', async () => {
    await db.annotations.put(annotation(1));
    const before = await tablesOf(db);
    // Two annotations with the same id: bulkAdd fails on the second, after the tables were cleared.
    const tables = { taxonomies: [], terms: [], pages: [], annotations: [annotation(2), annotation(2)] };
    await expect(restoreBackup(db, tables)).rejects.toMatchObject({ name: 'StorageError' });
    expect(await tablesOf(db)).toEqual(before);
  });

  it('restores what the database would hold now: an older backup’s positions in code points, ids, dates and kept parts checked', () => {
    const snapshot = '𠀀，全面推进依法行政。';
    const at = snapshot.indexOf('依法行政');
    const pages = [{ ...PAGE, snapshot, snapshotAt: PAGE.firstSeen }];
    const legacy = (extra: Record<string, unknown>) => ({ ...annotation(1), quote: { exact: '依法行政', prefix: '', suffix: '' }, ...extra });
    const annotations = [
      legacy({ id: 'urn:uuid:d1', position: { start: at, end: at + 4 } }),
      legacy({ id: 'urn:uuid:d2', position: { start: -1, end: -1 } }),
      legacy({ id: '<b>not an iri</b>', position: { start: 1e308, end: -5 } }),
      legacy({ id: 'urn:uuid:d4', foreign: { properties: { rights: 'not a uri', audience: 'http://example.org/teachers' } } }),
    ];
    const reading = readBackup({ format: 'pizhu-backup', version: 1, schemaVersion: 4, tables: { taxonomies: [], terms: [], pages, annotations } });
    if (!reading.ok) throw new Error(reading.problem.en);
    const [d1, d2, d3, d4] = reading.tables.annotations;
    expect(d1.position).toEqual({ start: at - 1, end: at + 3 });
    expect(d2).not.toHaveProperty('position');
    expect(d3.id).toMatch(/^urn:uuid:/);
    expect(d3).not.toHaveProperty('position');
    expect(d4.foreign).toEqual({ properties: { audience: 'http://example.org/teachers' } });
  });

  it('refuses a backup whose annotation dates no one can read, naming the record', () => {
    const tables = { taxonomies: [], terms: [], pages: [], annotations: [annotation(1), { ...annotation(2), created: 'yesterday' }] };
    const reading = readBackup({ format: 'pizhu-backup', version: 1, schemaVersion: SCHEMA_VERSION, tables });
    expect(reading.ok ? '' : reading.problem.en).toMatch(/tables\.annotations\[1\]\.created/);
  });
});

