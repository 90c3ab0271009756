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

  it('refuses out-of-range positions, dates that are not dates, giant and repeated keys, stray terms', async () => {
    const json = await validBackup();
    const at = (patch: object, table = 'annotations', i = 0) => {
      const copy = structuredClone(json);
      copy.tables[table][i] = { ...copy.tables[table][i], ...patch };
      return refusal(copy).en;
    };
    expect(at({ position: { start: 1e308, end: 1e308 } })).toMatch(/tables\.annotations\[0\]\.position\.start must be a whole number from 0 to \d+, found 1e\+308/);
    expect(at({ position: { start: 3, end: -5 } })).toMatch(/position\.end must be a whole number/);
    expect(at({ position: { start: 9, end: 3 } })).toMatch(/end \(3\) is before start \(9\)/);
    expect(at({ created: 'yesterday' })).toMatch(/tables\.annotations\[0\]\.created must be an ISO 8601 date-time, found “yesterday”/);
    expect(at({ id: `urn:x:${'a'.repeat(5000)}` })).toMatch(/\.id is too long/);
    expect(at({ id: json.tables.annotations[1].id })).toMatch(/annotations\[1\]\.id repeats/);
    expect(at({ terms: ['ok', 7] })).toMatch(/terms\[1\] must be text/);
    expect(at({ lastSeen: 'soon' }, 'pages')).toMatch(/tables\.pages\[0\]\.lastSeen/);
    expect(at({ taxonomyId: 'urn:x:elsewhere' }, 'terms')).toMatch(/terms\[0\] belongs to a taxonomy the backup does not hold/);
    expect(at({ color: 'red; background: url(x)' }, 'terms')).toMatch(/colour that is not #rrggbb/);
  });

  it('takes a date a browser reads in another spelling, rewritten as ISO 8601, and leaves other fields behind', async () => {
    const json = await validBackup();
    json.tables.annotations[0] = { ...json.tables.annotations[0], modified: 'Tue, 5 Mar 2024 10:00:00 GMT', extra: 'x'.repeat(1000) };
    const reading = readBackup(json);
    if (!reading.ok) throw new Error(reading.problem.en);
    expect(reading.repairedDates).toBe(1);
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
