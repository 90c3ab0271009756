// This browser's changes that are in the local replica but not yet on the team's server. The engine drains the
// outbox into the replica at once, online or not, so while the server is away the changes wait here, for the push:
// "changes waiting" must count them, and replication's own `pending` (reported only while it runs) cannot.
// The push says which documents it wrote; a sync that has caught up without an error has sent the rest. Kept in the
// extension's database, so that a browser started again while offline still says what waits.
import type { ReplicationInfo } from 'pouchdb-core';
import type { PizhuDB } from '../storage/db';
import { META } from '../storage/sync-state';

/** Beyond this many ids the count stays right in memory but the stored list is cut (a restart then says fewer). */
const STORED_AT_MOST = 20_000;

/** The ids of the documents a replication `change` event says were pushed to the server (none for a pull). */
export function pushedIds(info: ReplicationInfo): string[] {
  return info.direction === 'push' ? (info.change?.docs ?? []).map((d) => d._id) : [];
}

export class Unpushed {
  private readonly ids = new Set<string>();
  private saving: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: PizhuDB) {}

  async load(): Promise<void> {
    const stored = (await this.db.syncMeta.get(META.unpushed))?.value;
    if (Array.isArray(stored)) for (const id of stored) if (typeof id === 'string') this.ids.add(id);
  }

  get size(): number {
    return this.ids.size;
  }

  /** The engine wrote these documents into the replica. */
  written(ids: readonly string[]): void {
    for (const id of ids) this.ids.add(id);
    this.save();
  }

  /** The push wrote these documents to the server (or the server refused them: they will not go either). */
  pushed(ids: readonly string[]): void {
    let changed = false;
    for (const id of ids) changed = this.ids.delete(id) || changed;
    if (changed) this.save();
  }

  /** Both directions caught up with no error: nothing of this browser's waits. */
  caughtUp(): void {
    if (this.ids.size === 0) return;
    this.ids.clear();
    this.save();
  }

  /** Writes one after another, the last state last. */
  private save(): void {
    const value = [...this.ids].slice(0, STORED_AT_MOST);
    this.saving = this.saving.then(() => this.db.syncMeta.put({ key: META.unpushed, value })).catch(() => {});
  }

  /** Resolves when what was said so far is stored. */
  settled(): Promise<unknown> {
    return this.saving;
  }
}
