// Revisions of a team document, and how a local edit joins the revision tree.
//
// Pizhu names its revisions itself: `N-<hash>`, the hash taken over the parent revision and the content (CouchDB
// does the same with MD5). So writing the same content on the same parent twice gives the same revision: an edit
// written again after the worker was stopped mid-write is not a second revision, and two coders' browsers that
// resolve a conflict the same way, or store the same page, agree on one revision instead of making new conflicts.
//
// A local edit is written as a child of the revision the record was last synced at (its base). When the database
// has moved on meanwhile (a teammate's edit arrived but is not shown yet), the edit becomes a sibling of that one:
// CouchDB keeps both, and the conflict is shown, never resolved silently.
import { contentKey, type DocBody, type TeamDoc } from './documents';

export function revGeneration(rev: string): number {
  return Number.parseInt(rev, 10);
}

export function revHash(rev: string): string {
  return rev.slice(rev.indexOf('-') + 1);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The revision id of `body` written as a child of `parent` (a first revision when there is none). */
export async function childRev(parent: string | undefined, body: DocBody): Promise<string> {
  const generation = parent ? revGeneration(parent) + 1 : 1;
  const hash = (await sha256Hex(`${parent ?? ''}\n${contentKey(body)}`)).slice(0, 32);
  return `${generation}-${hash}`;
}

/**
 * The document to hand PouchDB's bulkDocs with `new_edits: false`: the revision and its parent, which is all the
 * history the local database needs to place it in the tree (replication sends the full history from there).
 */
export async function revisionDoc(id: string, parent: string | undefined, body: DocBody, by: string | undefined): Promise<TeamDoc> {
  const rev = await childRev(parent, body);
  const ids = parent ? [revHash(rev), revHash(parent)] : [revHash(rev)];
  return {
    ...body,
    _id: id,
    _rev: rev,
    _revisions: { start: revGeneration(rev), ids },
    ...(by ? { by } : {}),
  };
}

/** The local database's state of one document, as the write of a local edit needs it. */
export interface WriteContext {
  /** contentKey of the record as Dexie holds it now ('deleted' when it is gone). */
  local: string;
  /** The revision the record was last synced at; undefined for a record never synced. */
  base?: string;
  /** The document's winning revision in the local PouchDB, with its contentKey; undefined when it has none. */
  winner?: { rev: string; content: string };
  /** contentKey of the base revision, when the winner is another one (to tell an edit from a record not changed). */
  baseContent?: string;
}

export type WritePlan =
  /** Nothing to write; the record is the winner's content: it is synced at that revision now. */
  | { action: 'adopt'; rev: string }
  /** Write the record as a child of `parent` (a first revision when undefined). */
  | { action: 'write'; parent?: string }
  /** The record was not changed here, and the database has a newer revision: show that one. */
  | { action: 'apply' }
  /** Nothing to write and nothing to show (a record deleted here that the database never had). */
  | { action: 'none' };

export function planWrite(c: WriteContext): WritePlan {
  if (!c.winner) return c.local === 'deleted' ? { action: 'none' } : { action: 'write', parent: c.base };
  if (c.local === c.winner.content) return { action: 'adopt', rev: c.winner.rev };
  if (c.winner.rev === c.base) return { action: 'write', parent: c.base };
  // The database moved on from the base: a teammate's revision (or one of ours from before a restart) is newer.
  if (c.base !== undefined && c.baseContent === c.local) return { action: 'apply' };
  return { action: 'write', parent: c.base };
}

/**
 * The writes that settle a conflict: `chosen` as the new winner (a child of the current winner, unless it is the
 * winner's content already), and every other leaf ended with a tombstone, so that CouchDB keeps one line again.
 */
export async function resolutionDocs(
  id: string,
  winner: TeamDoc,
  others: readonly TeamDoc[],
  chosen: DocBody,
  by: string | undefined,
): Promise<TeamDoc[]> {
  const docs: TeamDoc[] = [];
  if (contentKey(chosen) !== contentKey(winner)) docs.push(await revisionDoc(id, winner._rev, chosen, by));
  for (const leaf of others) {
    docs.push(await revisionDoc(id, leaf._rev, { type: leaf.type, schema: leaf.schema, _deleted: true }, by));
  }
  return docs;
}
