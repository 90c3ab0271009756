import PouchDB, { type Database } from 'pouchdb-core';
import { describe, expect, it } from 'vitest';
import { batchRevsDiff } from '../../../team/revs-diff';
import { memoryReplica } from './support';

/** A database holding `a` (two revisions), `b` (two concurrent leaves) and `gone` (deleted). */
async function held(): Promise<Database> {
  const db = memoryReplica();
  await db.bulkDocs(
    [
      { _id: 'a', _rev: '1-aa', n: 1, _revisions: { start: 1, ids: ['aa'] } },
      { _id: 'a', _rev: '2-ab', n: 2, _revisions: { start: 2, ids: ['ab', 'aa'] } },
      { _id: 'b', _rev: '1-b1', n: 1 },
      { _id: 'b', _rev: '1-b2', n: 2 },
      { _id: 'gone', _rev: '1-g1', n: 1 },
      { _id: 'gone', _rev: '2-g2', _deleted: true, _revisions: { start: 2, ids: ['g2', 'g1'] } },
    ],
    { new_edits: false },
  );
  return db;
}

const request = {
  a: ['1-aa', '2-ab', '3-ac'],
  b: ['1-b1', '1-b3'],
  gone: ['2-g2', '3-g3'],
  absent: ['1-x', '2-y'],
  other: ['1-z'],
};

describe('batchRevsDiff', () => {
  it('answers as PouchDB does, for documents held, deleted, in conflict and absent', async () => {
    const expected = await (await held()).revsDiff(request);
    const actual = await batchRevsDiff(await held()).revsDiff(request);
    expect(actual).toEqual(expected);
    expect(actual).toEqual({
      a: { missing: ['3-ac'] },
      b: { missing: ['1-b3'] },
      gone: { missing: ['3-g3'] },
      absent: { missing: ['1-x', '2-y'] },
      other: { missing: ['1-z'] },
    });
  });

  it('leaves to PouchDB only the documents the database holds', async () => {
    const db = await held();
    const asked: string[][] = [];
    const own = db.revsDiff.bind(db);
    db.revsDiff = (req) => {
      asked.push(Object.keys(req).sort());
      return own(req);
    };
    await batchRevsDiff(db).revsDiff(request);
    expect(asked).toEqual([['a', 'b', 'gone']]);
  });

  it('replicates every revision into a database that had some of them', async () => {
    const source = await held();
    await source.bulkDocs([{ _id: 'c', _rev: '1-c', n: 1 }, { _id: 'b', _rev: '1-b3', n: 3 }], { new_edits: false });
    const target = batchRevsDiff(memoryReplica());
    await target.bulkDocs([{ _id: 'a', _rev: '1-aa', n: 1 }, { _id: 'b', _rev: '1-b9', n: 9 }], { new_edits: false });
    await PouchDB.replicate(source, target, { batch_size: 3 });
    const b = (await target.get('b', { open_revs: 'all' })) as unknown as { ok: { _rev: string } }[];
    expect(b.map((r) => r.ok._rev).sort()).toEqual(['1-b1', '1-b2', '1-b3', '1-b9']);
    expect((await target.get('a'))._rev).toBe('2-ab');
    expect((await target.get('c'))._rev).toBe('1-c');
    await expect(target.get('gone')).rejects.toMatchObject({ status: 404 });
  });
});
