// The library's actions on annotations, on a real (in-memory) database: what each returns for the rows in memory,
// the pages it touched, and an undo that puts every record back as it was.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteAnnotations, editAnnotation, retagAnnotations } from '../../../library/annotation-actions';
import { AnnotationService } from '../../../storage/annotation-service';
import { PizhuDB } from '../../../storage/db';
import { annotation, freshName } from '../storage/fixtures';

const A = 'https://gov.example/a';
const B = 'https://gov.example/b';
let db: PizhuDB;
afterEach(() => db?.close());

async function library() {
  db = new PizhuDB(freshName());
  await db.annotations.bulkPut([
    annotation('urn:uuid:1', A, '2025-01-01T00:00:00.000Z', ['x']),
    annotation('urn:uuid:2', A, '2025-01-02T00:00:00.000Z', ['x', 'y']),
    annotation('urn:uuid:3', B, '2025-01-03T00:00:00.000Z', []),
  ]);
  const service = new AnnotationService(db, async () => ({ id: 'urn:uuid:me', name: '我' }));
  return { service, all: () => db.annotations.toArray() };
}

describe('the library’s actions', () => {
  it('deletes the selected rows, names their pages, and undo brings them back unchanged', async () => {
    const { service, all } = await library();
    const before = await all();
    const outcome = await deleteAnnotations(service, ['urn:uuid:1', 'urn:uuid:3']);
    expect(outcome).toMatchObject({ count: 2, change: { put: [], removed: ['urn:uuid:1', 'urn:uuid:3'] } });
    expect(outcome.pages.sort()).toEqual([A, B]);
    expect((await all()).map((a) => a.id)).toEqual(['urn:uuid:2']);
    const back = await outcome.undo();
    expect(back.put.map((a) => a.id)).toEqual(['urn:uuid:1', 'urn:uuid:3']);
    expect(await all()).toEqual(before);
  });

  it('adds a term to the rows that lack it, only those, and undo takes it off them again', async () => {
    const { service, all } = await library();
    const before = await all();
    const outcome = await retagAnnotations(service, ['urn:uuid:1', 'urn:uuid:2', 'urn:uuid:3'], { add: 'y' });
    expect(outcome.count).toBe(2);
    expect(outcome.change.put.map((a) => [a.id, a.terms])).toEqual([['urn:uuid:1', ['x', 'y']], ['urn:uuid:3', ['y']]]);
    expect(outcome.pages.sort()).toEqual([A, B]);
    await outcome.undo();
    expect(await all()).toEqual(before);
  });

  it('removes a term; with nothing to do, nothing is written and nothing is counted', async () => {
    const { service, all } = await library();
    const outcome = await retagAnnotations(service, ['urn:uuid:1', 'urn:uuid:2'], { remove: 'x' });
    expect((await all()).map((a) => a.terms)).toEqual([[], ['y'], []]);
    expect(outcome.count).toBe(2);
    const none = await retagAnnotations(service, ['urn:uuid:3'], { remove: 'x' });
    expect(none).toMatchObject({ count: 0, pages: [], change: { put: [] } });
  });

  it('edits one row’s terms and note, with undo', async () => {
    const { service, all } = await library();
    const outcome = await editAnnotation(service, 'urn:uuid:3', { terms: ['z'], note: '看' });
    expect(outcome.change.put[0]).toMatchObject({ terms: ['z'], note: '看' });
    await outcome.undo();
    expect((await all())[2]).toMatchObject({ terms: [], note: '' });
  });
});
