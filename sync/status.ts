// What the background tells the library and the side panel about the team's sync (messages `sync:*`).
import type { AnnotationRecord, Taxonomy, Term } from '../model';
import type { DocKind, PageData } from './documents';
import type { Problem } from './team-config';

export type TeamState =
  /** Not in a team. */
  | 'off'
  /** Settings written; the server has not answered yet. */
  | 'connecting'
  /** The server answered and replication runs. */
  | 'connected'
  /** The server cannot be reached: work goes on locally, and sync resumes when it answers (tried every few seconds). */
  | 'offline'
  /** The server answered and refused (wrong password, not a member, no such database): `serverReason` says why. */
  | 'refused'
  /** The settings are unusable (e.g. plain http to another machine): `problem` says why; nothing was sent. */
  | 'invalid';

export interface TeamStatus {
  state: TeamState;
  url?: string;
  username?: string;
  /** The CouchDB roles the server gives this user, once it has answered. */
  roles?: string[];
  /** Whether this user may change the team's codebook; undefined until the server has said. */
  editor?: boolean;
  /** When the last change went either way, or the last time both directions were found up to date. */
  lastSync?: string;
  pending: {
    /** Changes made here not yet in the local replica. */
    local: number;
    /** This browser's changes not yet on the server (also those waiting while it is offline). */
    push: number;
    /** Changes the replication still has to fetch, as it last reported them. */
    pull: number;
  };
  /** What went wrong, in words, both languages. */
  problem?: Problem;
  /** The server's own words when it refused (e.g. "Name or password is incorrect."). */
  serverReason?: string;
  conflicts: number;
  /** Documents written by a newer Pizhu: kept on the server as they are, not shown here. */
  newer: number;
  /** Remote documents refused as malformed or too large. */
  rejected: number;
  /** Local records too large to share. */
  unsendable: number;
  /** Codebook edits made here that were undone: this user may not change the team's codebook. */
  refusedCodebook: string[];
  /** Writes the server refused (validation), with its words. */
  denied: { id: string; reason: string }[];
}

export const OFF_STATUS: TeamStatus = {
  state: 'off',
  pending: { local: 0, push: 0, pull: 0 },
  conflicts: 0,
  newer: 0,
  rejected: 0,
  unsendable: 0,
  refusedCodebook: [],
  denied: [],
};

/** One version of a conflicted document, for the UI. */
export interface ConflictVersion {
  rev: string;
  winner: boolean;
  /** The CouchDB user who wrote this version. */
  by?: string;
  /** The version's record; null for one this Pizhu cannot read. */
  record: AnnotationRecord | Term | Taxonomy | PageData | null;
}

export interface ConflictView {
  id: string;
  kind: DocKind;
  key: string;
  pageUrl?: string;
  versions: ConflictVersion[];
  canMerge: boolean;
}
