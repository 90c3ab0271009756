// The replica's revsDiff, asked first of all documents at once. Replication asks the target which of a batch's
// revisions it lacks; PouchDB answers by reading each document's revision tree on its own, and the `indexeddb`
// adapter opens an IndexedDB transaction for each of those reads: a first sync of 100,000 annotations opened
// 100,000 of them. Most documents of a first sync are not in the replica at all, and one `allDocs` over the batch's
// ids (one transaction) says which: those lack every revision asked. Only the documents the replica holds are left
// to PouchDB's own revsDiff, which knows their trees.
import type { Database, RevsDiff } from 'pouchdb-core';

export function batchRevsDiff(db: Database): Database {
  const own = db.revsDiff.bind(db);
  db.revsDiff = async (request) => {
    const ids = Object.keys(request);
    if (ids.length < 2) return own(request);
    const { rows } = await db.allDocs({ keys: ids });
    const answer: RevsDiff = {};
    const held: Record<string, string[]> = {};
    const absent = new Set(rows.flatMap((row) => (row.error === 'not_found' ? [row.key] : [])));
    for (const id of ids) {
      if (absent.has(id)) answer[id] = { missing: [...request[id]] };
      else held[id] = request[id];
    }
    return Object.keys(held).length ? { ...answer, ...(await own(held)) } : answer;
  };
  return db;
}
