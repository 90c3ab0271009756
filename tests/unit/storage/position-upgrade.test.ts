// Schema 5: stored positions count code points (the W3C model's unit) and may be absent; what an earlier import took
// unchecked from files is repaired, so that every export of what the database holds is valid W3C.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { toW3CAnnotation } from '../../../exchange/jsonld';
import { mustProblems } from '../../../exchange/w3c-musts';
import { PizhuDB } from '../../../storage/db';
import { declareSchema } from '../../../storage/schema';
import { annotation, freshName } from './fixtures';

const ASTRAL = 'https://gov.example/astral';
const PLAIN = 'https://gov.example/plain';
const SNAPSHOT = '𠀀𠀁𠀂，全面推进依法行政，建设法治政府。';
const at = SNAPSHOT.indexOf('依法行政');

describe('upgrading a version-4 database to 5', () => {
  it('converts positions to code points, drops the ones it cannot vouch for, and repairs ids and dates', async () => {
    const name = freshName();
    const v4 = new Dexie(name);
    declareSchema(v4, 4);
    const page = (url: string, snapshot?: string) => ({ url, title: 't', kind: 'report', firstSeen: '2024-03-01T00:00:00.000Z', lastSeen: '2024-03-01T00:00:00.000Z', ...(snapshot ? { snapshot } : {}) });
    await v4.table('pages').bulkPut([page(ASTRAL, SNAPSHOT), page(PLAIN, '全面推进依法行政')]);
    const quoted = (id: string, url: string, start: number, end: number) => ({
      ...annotation(id, url, '2024-03-01T00:00:00.000Z'),
      quote: { exact: '依法行政', prefix: '推进', suffix: '，' },
      position: { start, end },
    });
    await v4.table('annotations').bulkPut([
      quoted('urn:uuid:c1', ASTRAL, at, at + 4),
      quoted('urn:uuid:c2', ASTRAL, 0, 4),
      quoted('urn:uuid:c3', PLAIN, -1, -1),
      quoted('urn:uuid:c4', PLAIN, 4, 8),
      { ...quoted('not an iri', PLAIN, 4, 8), created: 'Tue, 5 Mar 2024', modified: 'Tue, 5 Mar 2024' },
    ]);
    v4.close();

    const db = new PizhuDB(name);
    await db.open();
    const byId = new Map((await db.annotations.toArray()).map((a) => [a.id, a]));
    expect(byId.get('urn:uuid:c1')!.position).toEqual({ start: at - 3, end: at + 1 });
    expect(byId.get('urn:uuid:c2')).not.toHaveProperty('position');
    expect(byId.get('urn:uuid:c3')).not.toHaveProperty('position');
    expect(byId.get('urn:uuid:c4')!.position).toEqual({ start: 4, end: 8 });
    expect(byId.has('not an iri')).toBe(false);
    const renamed = [...byId.values()].find((a) => !a.id.startsWith('urn:uuid:c'))!;
    expect(renamed.id).toMatch(/^urn:uuid:/);
    // The instant the earlier Pizhu showed for it (JavaScript's reading, in this machine's time zone).
    expect(renamed.created).toBe(new Date('Tue, 5 Mar 2024').toISOString());
    expect(await db.annotations.where('[pageUrl+created]').between([PLAIN, Dexie.minKey], [PLAIN, Dexie.maxKey]).count()).toBe(3);
    const ctx = { pages: new Map(), terms: new Map() };
    for (const a of byId.values()) expect(mustProblems(toW3CAnnotation(a, ctx)), a.id).toEqual([]);
    db.close();
  });
});
