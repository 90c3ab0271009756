// The transactional outbox: every write to a shared table (annotations, pages, terms, taxonomies) adds, in the same
// IndexedDB transaction, an entry naming the record, while this browser is in a team. A DBCore middleware sees every
// write whoever makes it (tagging, the library's edits, an import, a restore, the taxonomy editor, code not written
// yet), so none is missed, and because the entry commits or rolls back with the write, none is sent that did not
// happen. The sync engine hands the records named to the local replica and deletes the entries after it accepted
// them (team/engine.ts).
//
// The engine's own writes (what arrives from the team) must make no entry, or they would go back out: a transaction
// whose scope includes the `syncRevs` table is the engine's, since it records the revision of what it writes, and
// nothing else touches that table.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { META, SYNCED_TABLES, type OutboxEntry } from './sync-state';

export const OUTBOX_TABLE = 'outbox';
const META_TABLE = 'syncMeta';
const ENGINE_TABLE = 'syncRevs';

interface Mark {
  /** The engine's own transaction: no entries. */
  engine: boolean;
  /** Whether this browser is in a team, read once per transaction inside it. */
  enabled?: Promise<boolean>;
}

// No async functions below: Dexie follows its transactions through the promises its DBCore returns, and a native
// promise in the chain loses the transaction (a cancelled import then committed what it had written).

/** The keys a write touches; a range deletion's are read first (table.clear(), Collection.delete()). */
function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] | Promise<unknown[]> {
  switch (req.type) {
    case 'add':
    case 'put': {
      const extract = table.schema.primaryKey.extractKey;
      return req.keys ?? (extract ? req.values.map(extract) : []);
    }
    case 'delete':
      return req.keys;
    case 'deleteRange':
      return table
        .query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })
        .then(({ result }) => result);
  }
}

export function outboxMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'PizhuOutbox',
    create(down) {
      const marks = new WeakMap<DBCoreTransaction, Mark>();
      return {
        ...down,
        transaction(stores, mode, options) {
          const shared = mode === 'readwrite' && stores.some((s) => SYNCED_TABLES.includes(s));
          const engine = stores.includes(ENGINE_TABLE);
          const scope = shared && !engine ? [...new Set([...stores, OUTBOX_TABLE, META_TABLE])] : stores;
          const trans = down.transaction(scope, mode, options);
          if (shared) marks.set(trans, { engine });
          return trans;
        },
        table(name) {
          const table = down.table(name);
          if (!SYNCED_TABLES.includes(name)) return table;
          return {
            ...table,
            mutate(req) {
              const mark = marks.get(req.trans);
              if (!mark || mark.engine) return table.mutate(req);
              mark.enabled ??= down.table(META_TABLE).get({ trans: req.trans, key: META.enabled }).then((row) => row !== undefined);
              const record = (keys: unknown[]) => {
                const values: OutboxEntry[] = keys.map((key) => ({ table: name, key: String(key) }));
                return values.length > 0 ? down.table(OUTBOX_TABLE).mutate({ trans: req.trans, type: 'add', values }) : undefined;
              };
              return mark.enabled.then((enabled) => {
                if (!enabled) return table.mutate(req);
                const keys = keysOf(table, req);
                const recorded = Array.isArray(keys) ? record(keys) : keys.then(record);
                return recorded ? recorded.then(() => table.mutate(req)) : table.mutate(req);
              });
            },
          };
        },
      };
    },
  };
}
