// Pizhu's IndexedDB database. The same class opens it in extension pages and in the background service worker (both
// have IndexedDB); tests give each case a fresh name.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AnnotationRecord, PageRecord, Taxonomy, Term } from '../model';
import type { ResolutionRecord } from './resolutions';
import type { IndicatorMergeRecord } from './indicator-merges';
import { outboxMiddleware } from './outbox';
import { declareSchema } from './schema';
import type { ConflictRow, OutboxEntry, SyncMetaRow, SyncRev } from './sync-state';

export const DB_NAME = 'pizhu';

export class PizhuDB extends Dexie {
  annotations!: EntityTable<AnnotationRecord, 'id'>;
  pages!: EntityTable<PageRecord, 'url'>;
  taxonomies!: EntityTable<Taxonomy, 'id'>;
  terms!: EntityTable<Term, 'id'>;
  /** The adjudication's decisions, keyed [consensus coder, disagreement] (storage/resolutions.ts). */
  resolutions!: Table<ResolutionRecord, [string, string]>;
  indicatorMerges!: EntityTable<IndicatorMergeRecord, 'key'>;
  // A team's sync (storage/sync-state.ts).
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  syncRevs!: EntityTable<SyncRev, 'id'>;
  syncMeta!: EntityTable<SyncMetaRow, 'key'>;
  conflicts!: EntityTable<ConflictRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    declareSchema(this);
    // Every write to a shared table, from any page or the worker, leaves its outbox entry while in a team.
    this.use(outboxMiddleware());
  }
}
