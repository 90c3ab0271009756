// A full backup of the database, in Pizhu's own JSON format, and its restore.
//
//   { "format": "pizhu-backup", "version": 1, "schemaVersion": 3, "exported": "<ISO date-time>",
//     "counts": { "annotations": n, "pages": n, "taxonomies": n, "terms": n },
//     "tables": { "taxonomies": [...], "terms": [...], "pages": [...], "annotations": [...] } }
//
// Records are stored exactly as the database holds them (page snapshots included), so a restore gives back the
// library as it was. `version` is this file format's; `schemaVersion` the database schema the records follow.
//
// Restore REPLACES the database, in one transaction: every table is cleared and refilled from the file, or, on any
// failure, nothing changes. Why replace and not merge: a backup is a snapshot, and restoring one means "go back to
// that state" (after a broken profile, a new computer, a wrong bulk edit). A merge could not undo an edit or bring
// back a deletion faithfully, and two versions of a taxonomy would have to be reconciled term by term. Bringing a
// colleague's annotations into one's own library is what Import (W3C JSON-LD, a merge that keeps what is here) is
// for. The page asks for confirmation and says how many records would be replaced by how many.
import type { PizhuDB } from '../storage/db';
import { toStorageError } from '../storage/errors';
import type { AnnotationRecord, PageRecord, Taxonomy, Term } from '../model';
import { hasAstral } from '../anchoring/code-points';
import { upgradeAnnotation } from '../storage/record-upgrade';
import { SCHEMA_VERSION } from '../storage/schema';
import { findProblem } from '../taxonomy/state';
import { isAbort } from './abort';

export const BACKUP_FORMAT = 'pizhu-backup';
export const BACKUP_VERSION = 1;

export interface BackupTables {
  taxonomies: Taxonomy[];
  terms: Term[];
  pages: PageRecord[];
  annotations: AnnotationRecord[];
}

export type TableName = keyof BackupTables;
const TABLES: TableName[] = ['taxonomies', 'terms', 'pages', 'annotations'];

export interface BackupProblem {
  zh: string;
  en: string;
}

export interface ProgressOptions {
  signal?: AbortSignal;
  /** Records done so far (all tables together); a returned promise is awaited, which lets the page breathe. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

const BATCH = 2000;

/** The backup as JSON text in chunks, a batch of records each, for a Blob. */
export async function* backupJson(db: PizhuDB, options: ProgressOptions & { now?: Date } = {}): AsyncGenerator<string> {
  const counts = {
    annotations: await db.annotations.count(),
    pages: await db.pages.count(),
    taxonomies: await db.taxonomies.count(),
    terms: await db.terms.count(),
  };
  const total = counts.annotations + counts.pages + counts.taxonomies + counts.terms;
  let done = 0;
  yield `{"format":"${BACKUP_FORMAT}","version":${BACKUP_VERSION},"schemaVersion":${SCHEMA_VERSION},` +
    `"exported":${JSON.stringify((options.now ?? new Date()).toISOString())},"counts":${JSON.stringify(counts)},"tables":{`;
  for (const [t, name] of TABLES.entries()) {
    yield `${t > 0 ? ',' : ''}"${name}":[`;
    const table = db.table(name);
    let lastKey: unknown;
    let first = true;
    // Key order, one short read per batch (as AnnotationRepository.batches does), never the whole table at once.
    for (;;) {
      options.signal?.throwIfAborted();
      const rows: unknown[] = await (lastKey === undefined ? table.orderBy(':id') : table.where(':id').above(lastKey))
        .limit(BATCH)
        .toArray();
      if (rows.length === 0) break;
      yield (first ? '' : ',') + rows.map((r) => JSON.stringify(r)).join(',');
      first = false;
      lastKey = (rows[rows.length - 1] as Obj)[table.schema.primKey.keyPath as string];
      done += rows.length;
      await options.onProgress?.(done, total);
      if (rows.length < BATCH) break;
    }
    yield ']';
  }
  yield '}}';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === 'string';
const isTextOrAbsent = (v: unknown) => v === undefined || typeof v === 'string';
const isLocalized = (v: unknown) => isObj(v) && isText(v.zh) && isText(v.en);

/** The first field of a record that is missing or of the wrong type, or undefined. */
const CHECKS: Record<TableName, (r: Obj) => string | undefined> = {
  taxonomies: (r) =>
    !isText(r.id) ? 'id' : !isLocalized(r.label) ? 'label' : !Array.isArray(r.schemes) ? 'schemes' : typeof r.version !== 'number' ? 'version' : undefined,
  terms: (r) =>
    !isText(r.id) ? 'id' : !isText(r.taxonomyId) ? 'taxonomyId' : !isText(r.scheme) ? 'scheme' : !isLocalized(r.label) ? 'label' : undefined,
  pages: (r) =>
    !isText(r.url) ? 'url' : !isText(r.title) ? 'title' : !['report', 'document', 'none'].includes(r.kind as string) ? 'kind'
      : !isText(r.firstSeen) ? 'firstSeen' : !isText(r.lastSeen) ? 'lastSeen' : !isTextOrAbsent(r.docNumber) ? 'docNumber' : undefined,
  // Annotations are checked (and repaired where an import would repair them) by checkAnnotationRecord below.
  annotations: () => undefined,
};

/** Snapshots of pages whose positions need converting from UTF-16 units (backups of schema 4 and before). */
function astralSnapshots(pages: readonly PageRecord[], legacy: boolean): Map<string, string> {
  const out = new Map<string, string>();
  if (legacy) for (const p of pages) if (p.snapshot && hasAstral(p.snapshot)) out.set(p.url, p.snapshot);
  return out;
}

export type BackupReading = { ok: true; tables: BackupTables; exported: string } | { ok: false; problem: BackupProblem };

const problem = (zh: string, en: string): BackupReading => ({ ok: false, problem: { zh, en } });

/** Checks a parsed backup file in full before anything is restored; the first problem is named with its place. */
export function readBackup(json: unknown): BackupReading {
  if (!isObj(json) || json.format !== BACKUP_FORMAT)
    return problem('这不是批注的备份文件（缺少 "format": "pizhu-backup"）。', 'This is not a Pizhu backup file (no "format": "pizhu-backup").');
  if (json.version !== BACKUP_VERSION)
    return problem(`不支持的备份格式版本：${String(json.version)}。`, `Unsupported backup format version ${String(json.version)}.`);
  if (typeof json.schemaVersion !== 'number' || json.schemaVersion > SCHEMA_VERSION)
    return problem('备份来自更新版本的批注，请先升级扩展。', 'The backup was made by a newer Pizhu; update the extension first.');
  if (!isObj(json.tables)) return problem('备份缺少数据表（tables）。', 'The backup has no tables.');
  const tables = {} as BackupTables;
  for (const name of TABLES) {
    const rows = json.tables[name];
    if (!Array.isArray(rows)) return problem(`备份缺少数据表 ${name}。`, `The backup has no ${name} table.`);
    // What an older Pizhu stored is brought to this schema as the database upgrade brings it (positions in code
    // points, through the backup's own page snapshots); every annotation is checked as an import checks it, so that
    // a restored library exports as valid W3C annotations (storage/record-upgrade.ts).
    const astral = name === 'annotations' ? astralSnapshots(tables.pages, json.schemaVersion < 5) : undefined;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (astral && isObj(row)) {
        const checked = upgradeAnnotation(row, astral.get(row.pageUrl as string));
        if (!checked.ok) {
          const at = `tables.${name}[${i}].${checked.field}`;
          return problem(`备份数据有误：${at}`, `The backup is malformed at ${at}`);
        }
        rows[i] = checked.record;
        continue;
      }
      const bad = isObj(row) ? CHECKS[name](row) : '(record)';
      if (bad) return problem(`备份数据有误：tables.${name}[${i}].${bad}`, `The backup is malformed at tables.${name}[${i}].${bad}`);
    }
    (tables as unknown as Record<string, unknown[]>)[name] = rows;
  }
  for (const taxonomy of tables.taxonomies) {
    const broken = findProblem({ taxonomy, terms: tables.terms.filter((t) => t.taxonomyId === taxonomy.id) });
    if (broken) return problem(`备份中的分类表有误：${broken.zh}`, `A taxonomy in the backup is malformed: ${broken.en}`);
  }
  return { ok: true, tables, exported: typeof json.exported === 'string' ? json.exported : '' };
}

export function countRecords(tables: BackupTables): number {
  return TABLES.reduce((n, name) => n + tables[name].length, 0);
}

/** Replaces the whole database with the backup's tables, all or nothing (see the note at the top). */
export async function restoreBackup(db: PizhuDB, tables: BackupTables, options: ProgressOptions = {}): Promise<void> {
  const total = countRecords(tables);
  try {
    await db.transaction('rw', [db.annotations, db.pages, db.taxonomies, db.terms], async () => {
      for (const name of TABLES) await db.table(name).clear();
      let done = 0;
      for (const name of TABLES) {
        const rows = tables[name];
        for (let i = 0; i < rows.length; i += BATCH) {
          options.signal?.throwIfAborted();
          const chunk = rows.slice(i, i + BATCH);
          await db.table(name).bulkAdd(chunk);
          done += chunk.length;
          // Not awaited: a wait outside IndexedDB would let the transaction commit half-way.
          void options.onProgress?.(done, total);
        }
      }
    });
  } catch (e) {
    if (isAbort(e, options.signal)) throw options.signal!.reason;
    throw toStorageError(e);
  }
}
