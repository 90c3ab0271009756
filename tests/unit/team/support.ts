// Two browsers of one team in Node: each a Pizhu database (fake IndexedDB) with its sync engine and local replica
// (PouchDB's memory adapter standing in for the IndexedDB one), and one "server" replica they replicate with.
import 'fake-indexeddb/auto';
import PouchDB, { type Database } from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { newUuidIri, type Coder } from '../../../model';
import { AnnotationService } from '../../../storage/annotation-service';
import { PizhuDB } from '../../../storage/db';
import { beginTeam, SyncEngine, type EngineOptions } from '../../../team/engine';
import type { Replica } from '../../../team/replica';
import { freshName } from '../storage/fixtures';

PouchDB.plugin(memory).plugin(replication);

export const TEAM_URL = 'http://127.0.0.1:5984/team';

let serial = 0;
export function memoryReplica(): Database {
  serial += 1;
  return new PouchDB(`replica-${process.pid}-${serial}-${Math.random().toString(36).slice(2)}`, { adapter: 'memory' });
}

export interface Browser {
  db: PizhuDB;
  replica: Database;
  engine: SyncEngine;
  applied: { pages: Set<string>; codebook: boolean }[];
  roles: { editor: boolean | undefined };
  /** This browser's coder, named for its user. */
  coder: Coder;
  /** What a page's tagging goes through, with this browser's coder. */
  service: AnnotationService;
}

export async function browser(
  user: string,
  options: { editor?: boolean | undefined; join?: boolean; wrap?: (r: Replica) => Replica; onWritten?: EngineOptions['onWritten'] } = {},
): Promise<Browser> {
  const db = new PizhuDB(freshName());
  const replica = memoryReplica();
  const applied: Browser['applied'] = [];
  const roles = { editor: 'editor' in options ? options.editor : true };
  const opts: EngineOptions = {
    db,
    replica: options.wrap ? options.wrap(replica as unknown as Replica) : (replica as unknown as Replica),
    user: () => user,
    canEditCodebook: () => roles.editor,
    onApplied: (c) => applied.push(c),
    onWritten: options.onWritten,
  };
  if (options.join !== false) await beginTeam(db, TEAM_URL);
  const coder: Coder = { id: newUuidIri(), name: user };
  return { db, replica, engine: new SyncEngine(opts), applied, roles, coder, service: new AnnotationService(db, async () => coder) };
}

/** One round of sync as the live replication would do it: up to the server, then down to every browser. */
export async function exchange(server: Database, ...browsers: Browser[]): Promise<void> {
  for (const b of browsers) await b.engine.run();
  for (const b of browsers) await PouchDB.replicate(b.replica, server);
  for (const b of browsers) await PouchDB.replicate(server, b.replica);
  for (const b of browsers) await b.engine.run();
}

export { PouchDB };
