// Pizhu's IndexedDB database. The same class opens it in extension pages and in the background service worker (both
// have IndexedDB); tests give each case a fresh name.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AnnotationRecord, PageRecord, Taxonomy, Term } from '../model';
import type { ResolutionRecord } from './resolutions';
import type { IndicatorMergeRecord } from './indicator-merges';
import { declareSchema } from './schema';

export const DB_NAME = 'pizhu';

export class PizhuDB extends Dexie {
  annotations!: EntityTable<AnnotationRecord, 'id'>;
  pages!: EntityTable<PageRecord, 'url'>;
  taxonomies!: EntityTable<Taxonomy, 'id'>;
  terms!: EntityTable<Term, 'id'>;
  /** The adjudication's decisions, keyed [consensus coder, disagreement] (storage/resolutions.ts). */
  resolutions!: Table<ResolutionRecord, [string, string]>;
  indicatorMerges!: EntityTable<IndicatorMergeRecord, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    declareSchema(this);
  }
}
