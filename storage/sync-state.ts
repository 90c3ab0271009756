// What this browser keeps about its place in the team's database, beside the records (never inside them: a record
// stays what the UI and exports see). Each table belongs to the sync engine (team/engine.ts):
// - outbox: records changed here and not yet handed to the local replica (storage/outbox.ts writes it);
// - syncRevs: per document, the revision the record was last synced at (its base), and a revision being written;
// - syncMeta: whether this browser is in a team, the replica's read checkpoint, the first upload's progress;
// - conflicts: documents with concurrent revisions, waiting for the user.
import type { DocKind } from '../sync/documents';

export interface OutboxEntry {
  seq?: number;
  /** One of the synced tables (SYNCED_TABLES). */
  table: string;
  key: string;
}

export interface SyncRev {
  /** The document id (sync/documents.ts docId). */
  id: string;
  /** The revision the local record was last synced at. */
  rev?: string;
  /** A revision handed to the local replica whose landing is not yet recorded (see team/engine.ts). */
  pending?: string;
}

export interface SyncMetaRow {
  key: string;
  value: unknown;
}

export interface ConflictRow {
  /** The document id. */
  id: string;
  kind: DocKind;
  /** The record's key (annotation id, term IRI…). */
  key: string;
  /** The page an annotation is on, so that a page's side panel can mark it. */
  pageUrl?: string;
  /** The leaves, the winner first. */
  revs: string[];
  seen: string;
}

/**
 * The tables a team shares, as Dexie names them. Left out on purpose: `resolutions` (one adjudicator's decisions,
 * kept so that closing the library loses none; what they decide, the consensus coder's annotations, is in
 * `annotations` and shared) and `indicatorMerges` (how one reader groups indicators in their Indicators view). Both
 * are a person's working state, like the settings, not the team's record; sharing them would make one member's
 * undo or regrouping rewrite another's view.
 */
export const SYNCED_TABLES: readonly string[] = ['annotations', 'pages', 'terms', 'taxonomies'];

/** syncMeta keys. */
export const META = {
  /** Which team this browser is in (its database URL and user name); absent otherwise. Read by the outbox in every write. */
  enabled: 'enabled',
  /** The local replica's changes feed position up to which Dexie has been brought. */
  since: 'since',
  /** The first upload's progress: the table and key after which the next batch starts; absent when done. */
  scan: 'scan',
  /** Documents read from the replica but not shown yet because a local edit of them was waiting (see engine). */
  deferred: 'deferred',
  /** The team password, moved here out of extension storage (see team/credentials.ts). */
  secret: 'secret',
  /** When replication last moved a change or found both sides up to date. */
  lastSync: 'lastSync',
  /** Ids of documents written into the local replica and not yet seen pushed to the server (team/unpushed.ts). */
  unpushed: 'unpushed',
} as const;
