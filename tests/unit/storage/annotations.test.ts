import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationRepository } from '../../../storage/annotations';
import { PizhuDB } from '../../../storage/db';
import type { AnnotationRecord } from '../../../model';
import { annotation, freshName } from './fixtures';

let db: PizhuDB;
let repo: AnnotationRepository;
beforeEach(() => {
  db = new PizhuDB(freshName());
  repo = new AnnotationRepository(db);
});
afterEach(() => db.close());

const PAGE = 'https://gov.example/report';
const { created: _c, modified: _m, ...input } = annotation('urn:uuid:1', PAGE, '');

describe('annotation repository', () => {
  it('creates with created = modified = now, and an update keeps created and bumps modified', async () => {
    const made = await repo.put({ ...input, terms: ['a', 'b', 'a'] }, new Date('2025-01-01T00:00:00Z'));
    expect(made).toMatchObject({ created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', terms: ['a', 'b'] });
    const edited = await repo.put({ ...input, note: '值得注意', created: '1999-01-01T00:00:00.000Z' }, new Date('2025-02-01T00:00:00Z'));
    expect(edited).toMatchObject({ created: '2025-01-01T00:00:00.000Z', modified: '2025-02-01T00:00:00.000Z', note: '值得注意' });
    expect(await repo.get('urn:uuid:1')).toEqual(edited);
  });

  it('deletes returning the record, and restore brings it back unchanged', async () => {
    const made = await repo.put(input, new Date('2025-01-01T00:00:00Z'));
    const deleted = await repo.delete('urn:uuid:1');
    expect(deleted).toEqual(made);
    expect(await repo.get('urn:uuid:1')).toBeUndefined();
    expect(await repo.delete('urn:uuid:1')).toBeUndefined();
    await repo.restore(deleted!);
    expect(await repo.get('urn:uuid:1')).toEqual(made);
  });

  it('lists a page in creation order, and counts', async () => {
    await repo.bulkPut([
      annotation('urn:uuid:c', PAGE, '2025-01-03T00:00:00.000Z', ['x']),
      annotation('urn:uuid:a', PAGE, '2025-01-01T00:00:00.000Z', ['x', 'y']),
      annotation('urn:uuid:o', 'https://gov.example/other', '2025-01-02T00:00:00.000Z', ['y']),
      annotation('urn:uuid:b', PAGE, '2025-01-02T00:00:00.000Z'),
    ]);
    expect((await repo.listByPage(PAGE)).map((a) => a.id)).toEqual(['urn:uuid:a', 'urn:uuid:b', 'urn:uuid:c']);
    expect(await repo.count()).toBe(4);
    expect(await repo.count({ pageUrl: PAGE })).toBe(3);
  });

  it('bulk put is all or nothing', async () => {
    await repo.put(input);
    const broken = { ...annotation('urn:uuid:bad', PAGE, '2025-01-01T00:00:00.000Z'), id: undefined } as unknown as AnnotationRecord;
    await expect(repo.bulkPut([annotation('urn:uuid:ok', PAGE, '2025-01-01T00:00:00.000Z'), broken])).rejects.toMatchObject({ code: 'invalid' });
    expect(await repo.count()).toBe(1);
    expect(await repo.get('urn:uuid:ok')).toBeUndefined();
  });

  it('iterates everything in batches, each row once, grouped by page in creation order, ties included', async () => {
    const rows: AnnotationRecord[] = [];
    for (let i = 0; i < 2503; i++) {
      const page = `https://gov.example/p${i % 7}`;
      // Many rows share a timestamp (an import often does): the batch boundaries fall inside such groups.
      const created = new Date(Date.UTC(2025, 0, 1, 0, 0, Math.floor(i / 40))).toISOString();
      rows.push(annotation(`urn:uuid:${String(i).padStart(5, '0')}`, page, created));
    }
    await repo.bulkPut(rows);
    const seen: AnnotationRecord[] = [];
    const sizes: number[] = [];
    for await (const batch of repo.batches(100)) {
      sizes.push(batch.length);
      seen.push(...batch);
    }
    expect(sizes.slice(0, -1).every((n) => n === 100)).toBe(true);
    expect(seen).toHaveLength(rows.length);
    expect(new Set(seen.map((r) => r.id)).size).toBe(rows.length);
    const keys = seen.map((r) => [r.pageUrl, r.created, r.id].join(' '));
    expect(keys).toEqual([...keys].sort());
  });

  it('yields nothing for an empty database', async () => {
    const batches: AnnotationRecord[][] = [];
    for await (const batch of repo.batches(10)) batches.push(batch);
    expect(batches).toEqual([]);
  });
});
