// The part of PouchDB's API Pizhu uses, typed here: the community typings (@types/pouchdb-core) declare a global
// Buffer that breaks Node's, and Pizhu needs only a few calls. The engine's calls are typed in team/replica.ts
// (a Database is handed to it as a Replica).
declare module 'pouchdb-core' {
  type StoredDoc = Record<string, unknown> & { _id: string; _rev: string; _conflicts?: string[] };

  export interface ReplicationInfo {
    direction?: 'push' | 'pull';
    change?: { docs_read?: number; docs_written?: number; pending?: number; last_seq?: number | string; docs?: { _id: string }[] };
  }

  export interface Replication extends PromiseLike<unknown> {
    on(event: 'change', listener: (info: ReplicationInfo) => void): this;
    on(event: 'paused', listener: (error?: unknown) => void): this;
    on(event: 'active' | 'complete', listener: (info?: unknown) => void): this;
    on(event: 'denied' | 'error', listener: (error: unknown) => void): this;
    cancel(): void;
  }

  /** Per document, the revisions asked about that the database lacks (documents lacking none are left out). */
  export type RevsDiff = Record<string, { missing?: string[] }>;

  export interface Database {
    name: string;
    revsDiff(request: Record<string, string[]>): Promise<RevsDiff>;
    get(id: string, options?: object): Promise<StoredDoc>;
    /** With `keys`, a key the database does not hold gives a row with `error: 'not_found'` and no value. */
    allDocs(options?: object): Promise<{ rows: { id: string; key: string; error?: string; value: { rev: string; deleted?: boolean }; doc?: StoredDoc }[] }>;
    bulkDocs(docs: object[], options?: object): Promise<unknown[]>;
    info(): Promise<{ update_seq: number | string; doc_count: number }>;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }

  export interface DatabaseOptions {
    adapter?: string;
    auto_compaction?: boolean;
    skip_setup?: boolean;
    auth?: { username: string; password: string };
    fetch?: (url: string, init: RequestInit) => Promise<Response>;
    revs_limit?: number;
  }

  export interface SyncOptions {
    live?: boolean;
    retry?: boolean;
    batch_size?: number;
    batches_limit?: number;
    back_off_function?: (delay: number) => number;
    heartbeat?: number;
    timeout?: number;
    /** sync() only: options for one direction, over the shared ones. */
    push?: Omit<SyncOptions, 'push' | 'pull'>;
    pull?: Omit<SyncOptions, 'push' | 'pull'>;
  }

  export interface PouchDBStatic {
    new (name: string, options?: DatabaseOptions): Database;
    plugin(plugin: unknown): PouchDBStatic;
    sync(local: Database, remote: Database, options?: SyncOptions): Replication;
    replicate(source: Database, target: Database, options?: SyncOptions): Replication;
  }

  const PouchDB: PouchDBStatic;
  export default PouchDB;
}

declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
