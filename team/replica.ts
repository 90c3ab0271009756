// The local replica: a PouchDB database in the extension's IndexedDB that mirrors the team's documents and
// replicates both ways with the team's CouchDB (team/replication.ts). The engine (team/engine.ts) speaks to it only
// through these few calls, so that tests run it on PouchDB's memory adapter.
import type { TeamDoc } from '../sync/documents';

export interface AllDocsRow {
  key: string;
  id?: string;
  error?: string;
  value?: { rev: string; deleted?: boolean };
  doc?: TeamDoc | null;
}

export interface ChangeRow {
  id: string;
  seq: number | string;
  doc?: TeamDoc;
  deleted?: boolean;
}

export interface Replica {
  allDocs(options: { keys: string[]; include_docs: true; conflicts: true }): Promise<{ rows: AllDocsRow[] }>;
  bulkDocs(docs: TeamDoc[], options: { new_edits: false }): Promise<unknown[]>;
  bulkGet(options: { docs: { id: string; rev?: string }[] }): Promise<{
    results: { id: string; docs: ({ ok: TeamDoc } | { error: unknown })[] }[];
  }>;
  revsDiff(diff: Record<string, string[]>): Promise<Record<string, { missing?: string[] }>>;
  changes(options: {
    since: number | string;
    limit: number;
    include_docs: true;
    conflicts: true;
    return_docs?: boolean;
  }): Promise<{ results: ChangeRow[]; last_seq: number | string }>;
  get(id: string, options: { open_revs: string[] }): Promise<({ ok: TeamDoc } | { missing: string })[]>;
  info(): Promise<{ update_seq: number | string; doc_count: number }>;
}
