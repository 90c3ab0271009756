import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupJson, readBackup, restoreBackup } from '../../../library/backup';
import { readBackupFile } from '../../../library/read-file';
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
    await db.annotations.bulkPut(Array.from({ length: 4500 }, (_, i) => annotation(i + 1, { id: `urn:uuid:${String(i).padStart(6, '0')}`, created: '2024-04-01T00:00:00.000Z', modified: '2024-04-01T00:00:00.000Z' })));
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
    const counts = { taxonomies: 0, terms: 0, pages: 1, annotations: 4 };
    const reading = readBackup({ format: 'pizhu-backup', version: 1, schemaVersion: 4, tables: { taxonomies: [], terms: [], pages, annotations }, counts });
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
    const counts = { taxonomies: 0, terms: 0, pages: 0, annotations: 2 };
    const reading = readBackup({ format: 'pizhu-backup', version: 1, schemaVersion: SCHEMA_VERSION, tables, counts });
    expect(reading.ok ? '' : reading.problem.en).toMatch(/tables\.annotations\[1\]\.created/);
  });
});

describe('a backup from elsewhere is checked in full before it replaces anything (issue 11)', () => {
  async function validBackup() {
    await new TaxonomyRepository(db).ensureDefault();
    await db.pages.put(PAGE);
    await db.annotations.bulkPut([annotation(1), annotation(2), annotation(3)]);
    return JSON.parse(await backupText(db));
  }
  const refusal = (json: unknown) => {
    const r = readBackup(json);
    if (r.ok) throw new Error('expected the backup to be refused');
    expect(r.problem.zh).toContain('数据库没有改动');
    expect(r.problem.en).toContain('Nothing was changed');
    return r.problem;
  };

  it('refuses a backup that declares 3 annotations and holds none', async () => {
    const json = await validBackup();
    json.tables.annotations = [];
    expect(refusal(json).en).toMatch(/says its annotations table holds 3 records, but it holds 0/);
    delete json.counts;
    expect(refusal(json).en).toMatch(/no record counts/);
  });

  it('refuses dates that are not dates, repeated keys, stray terms; drops positions and replaces ids that cannot be right', async () => {
    const json = await validBackup();
    const patched = (patch: object, table = 'annotations', i = 0) => {
      const copy = structuredClone(json);
      copy.tables[table][i] = { ...copy.tables[table][i], ...patch };
      return copy;
    };
    const at = (patch: object, table = 'annotations', i = 0) => refusal(patched(patch, table, i)).en;
    // A position no text can have is no position: the quote finds the passage again, as on import.
    for (const position of [{ start: 1e308, end: 1e308 }, { start: 3, end: -5 }, { start: 9, end: 3 }]) {
      const reading = readBackup(patched({ position }));
      if (!reading.ok) throw new Error(reading.problem.en);
      expect(reading.tables.annotations[0]).not.toHaveProperty('position');
      expect(reading.repaired).toBe(1);
    }
    const giant = readBackup(patched({ id: `urn:x:${'a'.repeat(5000)}` }));
    if (!giant.ok) throw new Error(giant.problem.en);
    expect(giant.tables.annotations[0].id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(at({ created: 'yesterday' })).toMatch(/tables\.annotations\[0\]\.created is missing, of the wrong type or out of bounds/);
    expect(at({ id: json.tables.annotations[1].id })).toMatch(/annotations\[1\]\.id repeats/);
    expect(at({ terms: ['ok', 7] })).toMatch(/tables\.annotations\[0\]\.terms/);
    expect(at({ terms: Array.from({ length: 1001 }, (_, i) => `urn:x:${i}`) })).toMatch(/tables\.annotations\[0\]\.terms/);
    expect(at({ lastSeen: 'soon' }, 'pages')).toMatch(/tables\.pages\[0\]\.lastSeen/);
    expect(at({ taxonomyId: 'urn:x:elsewhere' }, 'terms')).toMatch(/terms\[0\] belongs to a taxonomy the backup does not hold/);
    expect(at({ color: 'red; background: url(x)' }, 'terms')).toMatch(/colour that is not #rrggbb/);
  });

  it('takes a date a browser reads in another spelling, rewritten as ISO 8601, and leaves other fields behind', async () => {
    const json = await validBackup();
    json.tables.annotations[0] = { ...json.tables.annotations[0], modified: 'Tue, 5 Mar 2024 10:00:00 GMT', extra: 'x'.repeat(1000) };
    const reading = readBackup(json);
    if (!reading.ok) throw new Error(reading.problem.en);
    expect(reading.repaired).toBe(1);
    expect(reading.tables.annotations[0].modified).toBe('2024-03-05T10:00:00.000Z');
    expect(reading.tables.annotations[0]).not.toHaveProperty('extra');
  });

  it('refuses a backup with a field 100,000 levels deep before parsing it, with the place', async () => {
    const json = await validBackup();
    const text = JSON.stringify(json).replace('"note":""', `"note":${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const file = new File([text], 'deep.json');
    await expect(readBackupFile(file)).rejects.toMatchObject({
      name: 'ImportFileError',
      en: expect.stringMatching(/nests too deep: more than 64 levels at line 1, column \d+/),
      zh: expect.stringMatching(/文件嵌套过深：第 1 行第 \d+ 列处超过 64 层/),
    });
  });
});
