// The sync engine: keeps the Dexie database (what every page and panel reads) and the local replica (a PouchDB
// database that replicates with the team's CouchDB) in step, both ways.
//
// Outgoing: every write to a shared table leaves an outbox entry in its own transaction (storage/outbox.ts). The
// engine reads the records named, writes each to the replica as a revision whose parent is the record's base (the
// revision it was last synced at, kept in `syncRevs`), and deletes the entries after the replica accepted the
// revisions. Revision ids are named from content (sync/revisions.ts), so a batch written again after the worker was
// stopped half-way makes no second revision: nothing lost (the entries stay until the write is recorded) and nothing
// sent twice. A revision handed to the replica is recorded as pending first, so that after a stop the next edit
// goes on top of it rather than beside it.
//
// Incoming: the replica's changes feed, from a checkpoint kept in Dexie, is applied to Dexie in transactions that
// include `syncRevs` (which the outbox knows as the engine's own: they make no entries), with each record's new base.
// A record with a local edit still waiting in the outbox is not overwritten: the edit is written first, as a sibling
// of the teammate's revision when it was concurrent, and the conflict is recorded for the user.
//
// One engine runs at a time per database (the background's); its passes are serialised.
import type { AnnotationRecord, PageRecord, Taxonomy, Term } from '../model';
import { askUser, canMerge, mergeAnnotations, settlePage, type Resolution } from '../sync/conflicts';
import {
  CODEBOOK_KINDS,
  contentKey,
  docId,
  DOC_KINDS,
  KIND_OF_TABLE,
  parseDocId,
  readDoc,
  TABLE_OF,
  toBody,
  type DocBody,
  type DocKind,
  type PageData,
  type TeamDoc,
} from '../sync/documents';
import { FIRST_BATCH, nextBatchSize } from '../sync/batch-size';
import { planWrite, resolutionDocs, revisionDoc, type WritePlan } from '../sync/revisions';
import type { ConflictView } from '../sync/status';
import { docNumberKey } from '../storage/doc-number-key';
import type { PizhuDB } from '../storage/db';
import { META, type ConflictRow, type OutboxEntry, type SyncRev } from '../storage/sync-state';
import type { Replica } from './replica';

/** Local changes handed to the replica at a time (outbox entries and the first upload's records). */
const BATCH = 500;

export interface EngineOptions {
  db: PizhuDB;
  replica: Replica;
  /** The CouchDB name of this browser's user: the writer (`by`) of each revision; undefined for a server without login. */
  user: () => string | undefined;
  /**
   * Whether the server lets this user change the codebook (its roles): undefined until it has said. A coder's
   * codebook edits are not sent (the server would refuse them) but undone, and said so.
   */
  canEditCodebook: () => boolean | undefined;
  /** After records from the team were written to Dexie: the pages whose annotations changed, and the codebook. */
  onApplied?: (changed: { pages: Set<string>; codebook: boolean }) => void;
  /** After this browser's own revisions were written into the replica (edits, resolutions): their document ids. */
  onWritten?: (ids: string[]) => void;
  now?: () => Date;
}

/** What the engine has met that the status reports. */
export interface EngineStats {
  /** Documents of a newer Pizhu, kept in the database as they are and not shown here. */
  newer: number;
  /** Remote documents refused (malformed, too large), with why. */
  rejected: { id: string; reason: string }[];
  /** Local records too large or malformed to share. */
  unsendable: { id: string; reason: string }[];
  /** Codebook edits made here that were undone because this user may not change the team's codebook. */
  refusedCodebook: { id: string; label: string }[];
}

export class EngineError extends Error {
  constructor(readonly zh: string, readonly en: string, readonly code = 'sync') {
    super(en);
    this.name = 'EngineError';
  }
}

type AnyRecord = AnnotationRecord | PageRecord | Term | Taxonomy;

interface Target {
  kind: DocKind;
  key: string;
  id: string;
}

const TABLE_ORDER: readonly string[] = DOC_KINDS.map((kind) => TABLE_OF[kind]);

export class SyncEngine {
  /** Passes and resolutions run one at a time, in order. */
  private lock: Promise<unknown> = Promise.resolve();
  /** A pass queued and not started yet: later calls of run() join it. */
  private queued: Promise<void> | null = null;
  private readonly newerIds = new Set<string>();
  private readonly rejected = new Map<string, string>();
  private readonly unsendable = new Map<string, string>();
  private readonly refused = new Map<string, string>();
  /** How many documents the next read of the replica's changes takes (sync/batch-size.ts). */
  private incoming = FIRST_BATCH;

  constructor(private readonly o: EngineOptions) {}

  private get db(): PizhuDB {
    return this.o.db;
  }

  private now(): Date {
    return this.o.now?.() ?? new Date();
  }

  stats(): EngineStats {
    const list = (m: Map<string, string>) => [...m].map(([id, reason]) => ({ id, reason }));
    return {
      newer: this.newerIds.size,
      rejected: list(this.rejected),
      unsendable: list(this.unsendable),
      refusedCodebook: [...this.refused].map(([id, label]) => ({ id, label })),
    };
  }

  /**
   * One pass: local writes out to the replica, then what the replica holds into Dexie, until neither has more.
   * Calls made while a pass runs make it run once more; all of them settle when it is done.
   */
  run(): Promise<void> {
    this.queued ??= this.exclusive(async () => {
      this.queued = null;
      await this.drain();
      await this.applyDeferred();
      await this.apply();
    });
    return this.queued;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.lock.then(task);
    this.lock = result.catch(() => {});
    return result;
  }

  /** Local changes not yet in the replica: outbox entries, and the first upload's records still to go. */
  async pendingLocal(): Promise<number> {
    const [outbox, scan] = await Promise.all([this.db.outbox.count(), this.meta<ScanCursor>(META.scan)]);
    if (!scan) return outbox;
    let rest = 0;
    for (const table of TABLE_ORDER.slice(TABLE_ORDER.indexOf(scan.table))) {
      const t = this.db.table(table);
      rest += table === scan.table && scan.after !== undefined ? await t.where(':id').above(scan.after).count() : await t.count();
    }
    return outbox + rest;
  }

  // ── Outgoing ─────────────────────────────────────────────────────────────────────────────────────────────────

  /** Hands every waiting local change to the replica. */
  async drain(): Promise<void> {
    for (;;) {
      const hold = this.o.canEditCodebook() === undefined;
      const entries = await this.db.outbox
        .orderBy('seq')
        .filter((e) => !(hold && CODEBOOK_KINDS.has(KIND_OF_TABLE[e.table]!)))
        .limit(BATCH)
        .toArray();
      const scanned = entries.length < BATCH ? await this.scanBatch(BATCH - entries.length, hold) : null;
      const targets = new Map<string, Target>();
      for (const e of entries) {
        const kind = KIND_OF_TABLE[e.table];
        if (kind) targets.set(docId(kind, e.key), { kind, key: e.key, id: docId(kind, e.key) });
      }
      for (const t of scanned?.targets ?? []) targets.set(t.id, t);
      if (targets.size === 0 && !scanned?.moved) return;
      await this.write([...targets.values()]);
      await this.db.transaction('rw', this.db.outbox, this.db.syncMeta, async () => {
        await this.db.outbox.bulkDelete(entries.map((e: OutboxEntry) => e.seq!));
        if (scanned) await this.setMeta(META.scan, scanned.next);
      });
    }
  }

  /** The next records of the first upload after joining: every shared record there was before, table by table. */
  private async scanBatch(limit: number, hold: boolean): Promise<{ targets: Target[]; next: ScanCursor | undefined; moved: boolean } | null> {
    let cursor = await this.meta<ScanCursor>(META.scan);
    if (!cursor) return null;
    const targets: Target[] = [];
    const start = cursor;
    while (cursor && targets.length < limit) {
      const kind: DocKind = KIND_OF_TABLE[cursor.table]!;
      // The codebook waits for the server to say who may change it; a coder's is not sent at all.
      if (CODEBOOK_KINDS.has(kind) && hold) break;
      const skip: boolean = CODEBOOK_KINDS.has(kind) && this.o.canEditCodebook() === false;
      const table = this.db.table(cursor.table);
      const keys: string[] = skip
        ? []
        : ((await (cursor.after === undefined ? table.toCollection() : table.where(':id').above(cursor.after)).limit(limit - targets.length).primaryKeys()) as string[]);
      for (const key of keys) targets.push({ kind, key, id: docId(kind, key) });
      if (keys.length > 0 && targets.length >= limit) {
        cursor = { table: cursor.table, after: keys[keys.length - 1] };
      } else {
        const next: string | undefined = TABLE_ORDER[TABLE_ORDER.indexOf(cursor.table) + 1];
        cursor = next ? { table: next } : undefined;
      }
    }
    return { targets, next: cursor, moved: cursor !== start };
  }

  /** Writes the records' current state to the replica (see the top of this file and sync/revisions.ts planWrite). */
  private async write(targets: Target[]): Promise<void> {
    if (targets.length === 0) return;
    const { db } = this;
    const ids = targets.map((t) => t.id);
    const [records, revs] = await db.transaction('r', [db.annotations, db.pages, db.terms, db.taxonomies, db.syncRevs], async () => [
      await Promise.all(targets.map((t) => db.table(TABLE_OF[t.kind]).get(t.key) as Promise<AnyRecord | undefined>)),
      await db.syncRevs.bulkGet(ids),
    ]);

    const pendings = Object.fromEntries(revs.flatMap((r) => (r?.pending ? [[r.id, [r.pending]]] : [])));
    const missing = Object.keys(pendings).length ? await this.o.replica.revsDiff(pendings) : {};
    const bases = revs.map((r) => (r?.pending && !missing[r.id]?.missing?.length ? r.pending : r?.rev));
    const { rows } = await this.o.replica.allDocs({ keys: ids, include_docs: true, conflicts: true });

    const may = this.o.canEditCodebook();
    const bodies = targets.map((t, i) => {
      if (CODEBOOK_KINDS.has(t.kind) && may === false) return null;
      const made = toBody(t.kind, records[i]);
      if (made.ok) {
        this.unsendable.delete(t.id);
        return made.body;
      }
      this.unsendable.set(t.id, made.reason);
      return null;
    });
    // Base contents, only where the replica moved on from the base (a concurrent revision, or ours from before).
    const needBase = targets.flatMap((t, i) => {
      const winner = rows[i]?.value;
      return bodies[i] && winner && bases[i] && winner.rev !== bases[i] ? [{ id: t.id, rev: bases[i]! }] : [];
    });
    const baseDocs = new Map<string, TeamDoc>();
    if (needBase.length) {
      const { results } = await this.o.replica.bulkGet({ docs: needBase });
      for (const r of results) for (const d of r.docs) if ('ok' in d) baseDocs.set(r.id, d.ok);
    }

    const writes: TeamDoc[] = [];
    const pending: SyncRev[] = [];
    const settled: SyncRev[] = [];
    const toApply: string[] = [];
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      const row = rows[i];
      if (CODEBOOK_KINDS.has(t.kind) && may === false) {
        // Not this user's to change: the team's version comes back (a record the team never had stays local).
        const record = records[i] as Term | Taxonomy | undefined;
        this.refused.set(t.id, record ? ('notation' in record ? `${record.notation} ${record.label.zh || record.label.en}` : record.label.zh || record.label.en) : t.key);
        if (row?.value) toApply.push(t.id);
        continue;
      }
      const body = bodies[i];
      if (!body) continue;
      const winnerDoc = row?.doc ?? undefined;
      const winner = row?.value ? { rev: row.value.rev, content: row.value.deleted ? 'deleted' : contentKey(winnerDoc) } : undefined;
      const plan: WritePlan = planWrite({ local: contentKey(body), base: bases[i], winner, baseContent: baseDocs.has(t.id) ? contentKey(baseDocs.get(t.id)) : undefined });
      switch (plan.action) {
        case 'adopt':
          settled.push({ id: t.id, rev: plan.rev });
          break;
        case 'apply':
          toApply.push(t.id);
          break;
        case 'write': {
          const doc = await revisionDoc(t.id, plan.parent, body, this.o.user());
          writes.push(doc);
          pending.push({ id: t.id, rev: bases[i], pending: doc._rev });
          settled.push({ id: t.id, rev: doc._rev });
          break;
        }
        case 'none':
          break;
      }
    }

    if (writes.length) {
      await db.transaction('rw', db.syncRevs, () => db.syncRevs.bulkPut(pending));
      const results = (await this.o.replica.bulkDocs(writes, { new_edits: false })) as { error?: string; id?: string; reason?: string }[];
      const failed = results.find((r) => r && r.error);
      if (failed) throw new EngineError(`本地副本拒绝写入：${failed.reason ?? failed.error}`, `The local replica refused a write: ${failed.reason ?? failed.error}`);
      this.o.onWritten?.(writes.map((d) => d._id));
    }
    if (settled.length) await db.transaction('rw', db.syncRevs, () => db.syncRevs.bulkPut(settled));
    if (toApply.length) await this.defer(toApply);
  }

  // ── Incoming ─────────────────────────────────────────────────────────────────────────────────────────────────

  /** Brings what the replica holds into Dexie, from the checkpoint on. Waits while the first upload is unfinished. */
  async apply(): Promise<void> {
    for (;;) {
      if (await this.meta(META.scan)) return;
      const since = (await this.meta<number | string>(META.since)) ?? 0;
      const res = await this.o.replica.changes({ since, limit: this.incoming, include_docs: true, conflicts: true, return_docs: true });
      if (res.results.length === 0) return;
      const docs = res.results.flatMap((r) => (r.doc ? [r.doc] : []));
      await this.applyDocs(docs, { since: res.last_seq });
      this.incoming = nextBatchSize(docs, this.incoming);
    }
  }

  /** Shows documents set aside earlier (a local edit was waiting; a coder's codebook edit undone). */
  private async applyDeferred(): Promise<void> {
    const ids = (await this.meta<string[]>(META.deferred)) ?? [];
    if (ids.length === 0) return;
    const { rows } = await this.o.replica.allDocs({ keys: ids, include_docs: true, conflicts: true });
    const docs = rows.flatMap((r) => (r.doc ? [r.doc] : r.value?.deleted && r.id ? [{ _id: r.id, _rev: r.value.rev, _deleted: true } as TeamDoc] : []));
    await this.applyDocs(docs, { force: true, clearDeferred: ids });
  }

  private async defer(ids: string[]): Promise<void> {
    await this.db.transaction('rw', this.db.syncMeta, async () => {
      const now = (await this.meta<string[]>(META.deferred)) ?? [];
      await this.setMeta(META.deferred, [...new Set([...now, ...ids])]);
    });
  }

  private async applyDocs(docs: TeamDoc[], opts: { since?: number | string; force?: boolean; clearDeferred?: string[] }): Promise<void> {
    const { db } = this;
    const changedPages = new Set<string>();
    let codebook = false;
    const autoSettle: string[] = [];
    const seen = this.now().toISOString();

    await db.transaction('rw', [db.annotations, db.pages, db.terms, db.taxonomies, db.syncRevs, db.outbox, db.syncMeta, db.conflicts], async () => {
      const reads = docs.map((doc) => ({ doc, read: readDoc(doc) }));
      const ours = reads.filter((r): r is typeof r & { read: { kind: DocKind; key: string } } => r.read.status !== 'foreign');
      const ids = ours.map((r) => r.doc._id);
      const revs = new Map((await db.syncRevs.where(':id').anyOf(ids).toArray()).map((r) => [r.id, r]));
      const waitingPairs = ours.map((r) => [TABLE_OF[r.read.kind], r.read.key]);
      const waiting = new Set(
        (await db.outbox.count()) === 0
          ? []
          : (await db.outbox.where('[table+key]').anyOf(waitingPairs).toArray()).map((e) => `${e.table}\u0000${e.key}`),
      );
      const deferred = new Set(await this.meta<string[]>(META.deferred));
      for (const id of opts.clearDeferred ?? []) deferred.delete(id);

      const byTable = new Map<string, { puts: AnyRecord[]; deletes: string[] }>();
      const bucket = (kind: DocKind) => {
        const table = TABLE_OF[kind];
        let b = byTable.get(table);
        if (!b) byTable.set(table, (b = { puts: [], deletes: [] }));
        return b;
      };
      const existing = new Map<string, AnyRecord | undefined>();
      for (const table of new Set(ours.map((r) => TABLE_OF[r.read.kind]))) {
        const keys = ours.filter((r) => TABLE_OF[r.read.kind] === table).map((r) => r.read.key);
        await db.table(table).where(':id').anyOf(keys).each((record: AnyRecord, cursor) => {
          existing.set(`${table}\u0000${String(cursor.primaryKey)}`, record);
        });
      }
      const newRevs: SyncRev[] = [];
      // Written once for the batch after the loop: a request per document, each awaited, made a first sync of
      // 100,000 annotations spend most of its time here.
      const conflictRows: ConflictRow[] = [];
      const noConflict: string[] = [];

      for (const { doc, read } of ours) {
        const { kind, key } = read;
        const id = doc._id;
        const table = TABLE_OF[kind];
        if (waiting.has(`${table}\u0000${key}`)) {
          deferred.add(id);
          continue;
        }
        deferred.delete(id);
        const conflicts = doc._conflicts ?? [];
        if (conflicts.length > 0 && !doc._deleted) {
          if (askUser(kind)) {
            const pageUrl = read.status === 'record' && kind === 'annotation' ? (read.record as AnnotationRecord).pageUrl : undefined;
            conflictRows.push({ id, kind, key, revs: [doc._rev!, ...conflicts], seen, ...(pageUrl ? { pageUrl } : {}) });
            if (pageUrl) changedPages.add(pageUrl);
          } else autoSettle.push(id);
        } else noConflict.push(id);

        if (!opts.force && revs.get(id)?.rev === doc._rev) continue;
        const before = existing.get(`${table}\u0000${key}`);
        switch (read.status) {
          case 'record': {
            this.newerIds.delete(id);
            this.rejected.delete(id);
            const record = kind === 'page' ? pageRecord(read.record as PageData, before as PageRecord | undefined, seen) : (read.record as AnyRecord);
            bucket(kind).puts.push(record);
            newRevs.push({ id, rev: doc._rev });
            if (kind === 'annotation') changedPages.add((record as AnnotationRecord).pageUrl);
            break;
          }
          case 'deleted':
            bucket(kind).deletes.push(key);
            newRevs.push({ id, rev: doc._rev });
            break;
          case 'newer':
            this.newerIds.add(id);
            break;
          case 'invalid':
            this.rejected.set(id, read.reason);
            break;
        }
        if (kind === 'annotation' && before) changedPages.add((before as AnnotationRecord).pageUrl);
        if (CODEBOOK_KINDS.has(kind) && (read.status === 'record' || read.status === 'deleted')) codebook = true;
      }

      if (conflictRows.length) await db.conflicts.bulkPut(conflictRows);
      // Only the rows there are: a delete of every document's id (nearly all without a row) cost a first sync
      // an IndexedDB request per document.
      const settledRows = noConflict.length ? ((await db.conflicts.where(':id').anyOf(noConflict).primaryKeys()) as string[]) : [];
      if (settledRows.length) await db.conflicts.bulkDelete(settledRows);
      for (const [table, { puts, deletes }] of byTable) {
        if (puts.length) await db.table(table).bulkPut(puts);
        if (deletes.length) await db.table(table).bulkDelete(deletes);
      }
      if (newRevs.length) await db.syncRevs.bulkPut(newRevs);
      await this.setMeta(META.deferred, [...deferred]);
      if (opts.since !== undefined) await this.setMeta(META.since, opts.since);
    });

    for (const id of autoSettle) await this.settleAutomatically(id);
    if (changedPages.size || codebook) this.o.onApplied?.({ pages: changedPages, codebook });
  }

  /** Page versions are settled without asking, the same way on every machine (sync/conflicts.ts settlePage). */
  private async settleAutomatically(id: string): Promise<void> {
    const leaves = await this.leaves(id);
    if (leaves.length < 2) return;
    const versions = leaves.flatMap((doc) => {
      const read = readDoc(doc);
      return read.status === 'record' && read.kind === 'page' ? [{ rev: doc._rev!, data: read.record as PageData, doc }] : [];
    });
    // A version this Pizhu cannot read (a newer one) is not ours to end.
    if (versions.length !== leaves.length) return;
    const kept = settlePage(versions);
    const chosen = versions.find((v) => v.rev === kept.rev)!.doc;
    await this.writeResolution(id, leaves, { type: chosen.type, schema: chosen.schema, data: chosen.data });
  }

  // ── Conflicts ────────────────────────────────────────────────────────────────────────────────────────────────

  /** The non-deleted leaves of a document, the winner first. */
  private async leaves(id: string): Promise<TeamDoc[]> {
    const { rows } = await this.o.replica.allDocs({ keys: [id], include_docs: true, conflicts: true });
    const winner = rows[0]?.doc;
    if (!winner) return [];
    const others = winner._conflicts ?? [];
    if (others.length === 0) return [winner];
    const found = await this.o.replica.get(id, { open_revs: others });
    return [winner, ...found.flatMap((r) => ('ok' in r && !r.ok._deleted ? [r.ok] : []))];
  }

  private async writeResolution(id: string, leaves: TeamDoc[], chosen: DocBody): Promise<void> {
    const [winner, ...others] = leaves;
    const docs = await resolutionDocs(id, winner, others, chosen, this.o.user());
    if (docs.length) {
      await this.o.replica.bulkDocs(docs, { new_edits: false });
      this.o.onWritten?.([id]);
    }
  }

  async conflicts(filter: { pageUrl?: string } = {}): Promise<ConflictView[]> {
    const rows = filter.pageUrl ? await this.db.conflicts.filter((c) => c.pageUrl === filter.pageUrl).toArray() : await this.db.conflicts.toArray();
    const views: ConflictView[] = [];
    for (const row of rows) {
      const leaves = await this.leaves(row.id);
      if (leaves.length < 2) continue;
      views.push({
        id: row.id,
        kind: row.kind,
        key: row.key,
        ...(row.pageUrl ? { pageUrl: row.pageUrl } : {}),
        canMerge: canMerge(row.kind),
        versions: leaves.map((doc, i) => {
          const read = readDoc(doc);
          return { rev: doc._rev!, winner: i === 0, ...(doc.by ? { by: doc.by } : {}), record: read.status === 'record' ? read.record : null };
        }),
      });
    }
    return views;
  }

  /** Settles a conflict as the user chose: one version kept, or (annotations) all merged; the others end. */
  async resolve(id: string, resolution: Resolution): Promise<void> {
    const parsed = parseDocId(id);
    if (!parsed) throw new EngineError('没有这条冲突。', 'No such conflict.');
    if (CODEBOOK_KINDS.has(parsed.kind) && this.o.canEditCodebook() !== true) {
      throw new EngineError('只有分类表编辑者可以处理分类表的冲突。', 'Only the codebook editors can settle a conflict in the codebook.', 'forbidden');
    }
    await this.exclusive(async () => {
      const leaves = await this.leaves(id);
      if (leaves.length < 2) return;
      let chosen: DocBody;
      if ('merge' in resolution) {
        if (!canMerge(parsed.kind)) throw new EngineError('这类记录不能合并，请保留其中一个版本。', 'These versions cannot be merged: keep one of them.');
        const records = leaves.map((d) => readDoc(d)).flatMap((r) => (r.status === 'record' ? [r.record as AnnotationRecord] : []));
        const merged = toBody('annotation', mergeAnnotations(records, this.now().toISOString()));
        if (!merged.ok) throw new EngineError('合并后的批注过大，无法保存。', 'The merged annotation is too large to keep.');
        chosen = merged.body;
      } else {
        const kept = leaves.find((d) => d._rev === resolution.keep);
        if (!kept) throw new EngineError('这个版本已不存在（可能已被其他成员处理）。', 'That version is gone (a teammate may have settled it).');
        chosen = { type: kept.type, schema: kept.schema, data: kept.data };
      }
      await this.writeResolution(id, leaves, chosen);
      await this.db.conflicts.delete(id);
    });
    await this.run();
  }

  // ── Checkpoints ──────────────────────────────────────────────────────────────────────────────────────────────

  private async meta<T>(key: string): Promise<T | undefined> {
    return (await this.db.syncMeta.get(key))?.value as T | undefined;
  }

  private setMeta(key: string, value: unknown): Promise<unknown> {
    return value === undefined ? this.db.syncMeta.delete(key) : this.db.syncMeta.put({ key, value });
  }
}

/** The first upload's position: the next batch starts after `after` in `table` (at its start when undefined). */
export interface ScanCursor {
  table: string;
  after?: string;
}

/** A page from the team, with this browser's own facts about it kept (when it was seen) or begun. */
function pageRecord(data: PageData, before: PageRecord | undefined, now: string): PageRecord {
  const page: PageRecord = { ...data, firstSeen: before?.firstSeen ?? now, lastSeen: before?.lastSeen ?? now };
  if (page.docNumber) page.docNumberKey = docNumberKey(page.docNumber);
  return page;
}

/**
 * Joins a team in this database: from now on every write leaves an outbox entry, and the first upload will send
 * every shared record there is. Whatever an earlier team left is cleared first.
 */
export async function beginTeam(db: PizhuDB, url: string): Promise<void> {
  await db.transaction('rw', [db.outbox, db.syncRevs, db.syncMeta, db.conflicts], async () => {
    await Promise.all([db.outbox.clear(), db.syncRevs.clear(), db.conflicts.clear()]);
    await db.syncMeta.where('key').anyOf([META.since, META.deferred, META.scan, META.unpushed]).delete();
    await db.syncMeta.bulkPut([
      { key: META.enabled, value: url },
      { key: META.scan, value: { table: TABLE_ORDER[0] } satisfies ScanCursor },
    ]);
  });
}

/**
 * Leaves the team: the sync tables are emptied; every record stays. The password stays only when `keepSecret` (the
 * settings already name the next team, whose password was just stored).
 */
export async function endTeam(db: PizhuDB, keepSecret = false): Promise<void> {
  await db.transaction('rw', [db.outbox, db.syncRevs, db.syncMeta, db.conflicts], async () => {
    await Promise.all([db.outbox.clear(), db.syncRevs.clear(), db.conflicts.clear()]);
    await db.syncMeta.filter((row) => !(keepSecret && row.key === META.secret)).delete();
  });
}

/**
 * The local replica was made anew (one an earlier Pizhu kept was carried over into it): its changes feed is read
 * again from the start. What Dexie holds already is passed over by its revision (syncRevs), not written twice.
 */
export async function rereadReplica(db: PizhuDB): Promise<void> {
  await db.syncMeta.delete(META.since);
}

/** The team this database is in, if any. */
export async function teamOf(db: PizhuDB): Promise<string | undefined> {
  return (await db.syncMeta.get(META.enabled))?.value as string | undefined;
}
