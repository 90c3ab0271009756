// Revision ids named from content, and where a local edit joins the revision tree.
import { describe, expect, it } from 'vitest';
import { contentKey, toBody, type DocBody } from '../../../sync/documents';
import { childRev, planWrite, resolutionDocs, revisionDoc } from '../../../sync/revisions';
import { annotation } from '../storage/fixtures';

const body = (note: string): DocBody => {
  const made = toBody('annotation', { ...annotation('urn:uuid:1', 'https://gov.example/r', '2024-03-01T08:00:00.000Z'), note });
  if (!made.ok) throw new Error(made.reason);
  return made.body;
};

describe('revision ids', () => {
  it('are the same for the same content on the same parent, and differ otherwise', async () => {
    const first = await childRev(undefined, body('a'));
    expect(first).toMatch(/^1-[0-9a-f]{32}$/);
    expect(await childRev(undefined, body('a'))).toBe(first);
    expect(await childRev(undefined, body('b'))).not.toBe(first);
    const second = await childRev(first, body('b'));
    expect(second).toMatch(/^2-[0-9a-f]{32}$/);
    expect(await childRev('1-ffff', body('b'))).not.toBe(second);
  });

  it('give a document that names its parent, for PouchDB to place in the tree', async () => {
    const doc = await revisionDoc('annotation:urn:uuid:1', '3-abc', body('a'), 'alice');
    expect(doc._rev).toMatch(/^4-/);
    expect(doc._revisions).toEqual({ start: 4, ids: [doc._rev!.slice(2), 'abc'] });
    expect(doc.by).toBe('alice');
    expect(doc.data).toEqual(body('a').data);
  });
});

describe('planning the write of a local edit', () => {
  const A = contentKey(body('a'));
  const B = contentKey(body('b'));
  const C = contentKey(body('c'));

  it('writes a record the database has never had as a first revision', () => {
    expect(planWrite({ local: A })).toEqual({ action: 'write', parent: undefined });
  });
  it('writes nothing for a record deleted before it was ever synced', () => {
    expect(planWrite({ local: 'deleted' })).toEqual({ action: 'none' });
  });
  it('writes an edit as a child of its base when the base is the winner', () => {
    expect(planWrite({ local: B, base: '2-x', winner: { rev: '2-x', content: A } })).toEqual({ action: 'write', parent: '2-x' });
  });
  it('writes nothing when the database holds this content already (a write repeated after a restart)', () => {
    expect(planWrite({ local: B, base: '2-x', winner: { rev: '3-y', content: B } })).toEqual({ action: 'adopt', rev: '3-y' });
  });
  it('writes an edit made while a teammate’s revision was arriving as a sibling of it: a conflict, not an overwrite', () => {
    expect(planWrite({ local: C, base: '2-x', winner: { rev: '3-teammate', content: B }, baseContent: A })).toEqual({ action: 'write', parent: '2-x' });
  });
  it('shows the teammate’s revision when the record was not changed here', () => {
    expect(planWrite({ local: A, base: '2-x', winner: { rev: '3-teammate', content: B }, baseContent: A })).toEqual({ action: 'apply' });
  });
  it('writes a record never synced that differs from the database’s as a branch of its own', () => {
    expect(planWrite({ local: C, winner: { rev: '4-team', content: B } })).toEqual({ action: 'write', parent: undefined });
  });
});

describe('settling a conflict', () => {
  it('writes the chosen content on the winner and ends every other leaf with a tombstone', async () => {
    const winner = { ...(await revisionDoc('annotation:urn:uuid:1', '1-a', body('a'), 'alice')) };
    const other = { ...(await revisionDoc('annotation:urn:uuid:1', '1-a', body('b'), 'bob')) };
    const docs = await resolutionDocs('annotation:urn:uuid:1', winner, [other], body('c'), 'carol');
    expect(docs).toHaveLength(2);
    expect(docs[0]._revisions!.ids[1]).toBe(winner._rev!.slice(2));
    expect(contentKey(docs[0])).toBe(contentKey(body('c')));
    expect(docs[1]).toMatchObject({ _deleted: true, by: 'carol' });
    expect(docs[1]._revisions!.ids[1]).toBe(other._rev!.slice(2));
    // Keeping the winner as it is writes only the tombstone; and the same choice made on two machines gives the
    // same revisions.
    const keep = await resolutionDocs('annotation:urn:uuid:1', winner, [other], body('a'), 'dave');
    expect(keep.map((d) => d._rev)).toEqual([docs[1]._rev]);
  });
});
