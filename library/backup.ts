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
//
// Nothing in the file is taken on trust: each table must hold as many records as the file's `counts` say, and every
// record is checked field by field and within bounds (model/validate.ts; annotations by exchange/record-check.ts)
// before anything is replaced. And the page downloads a backup of what it replaces before it restores
// (components/library/BackupPanel.tsx).
import type { PizhuDB } from '../storage/db';
import { docNumberKey } from '../storage/doc-number-key';
import { toStorageError } from '../storage/errors';
import type { AnnotationRecord, PageRecord, Taxonomy, Term } from '../model';
import { hasAstral } from '../anchoring/code-points';
import { checkPageRecord, checkTaxonomyRecord, checkTermRecord, type Checked } from '../model/validate';
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

/** Whether the database holds anything a restore would replace. */
export async function holdsRecords(db: PizhuDB): Promise<boolean> {
  const counts = await Promise.all(TABLES.map((name) => db.table(name).count()));
  return counts.some((n) => n > 0);
}

/** The backup as one Blob, for a download (the backup button, and the copy kept before a restore). */
export async function backupBlob(db: PizhuDB, options: ProgressOptions & { now?: Date } = {}): Promise<Blob> {
  const parts: string[] = [];
  for await (const chunk of backupJson(db, options)) parts.push(chunk);
  return new Blob(parts, { type: 'application/json' });
}

/** Snapshots of pages whose positions need converting from UTF-16 units (backups of schema 4 and before). */
function astralSnapshots(pages: readonly PageRecord[], legacy: boolean): Map<string, string> {
  const out = new Map<string, string>();
  if (legacy) for (const p of pages) if (p.snapshot && hasAstral(p.snapshot)) out.set(p.url, p.snapshot);
  return out;
}

/**
 * Annotations are checked as an import checks them (exchange/record-check.ts, through the schema upgrade's
 * storage/record-upgrade.ts), so that a restored library exports as valid W3C annotations; what an older Pizhu
 * stored is brought to this schema on the way (positions in code points, through the backup's own page snapshots).
 */
function annotationCheck(pages: readonly PageRecord[], legacy: boolean): (v: unknown) => Checked<unknown> {
  const astral = astralSnapshots(pages, legacy);
  return (v) => {
    if (!isObj(v)) return { ok: false, field: '', zh: '应为一个对象', en: 'must be an object' };
    const checked = upgradeAnnotation(v, astral.get(v.pageUrl as string));
    return checked.ok
      ? { ok: true, record: checked.record, repairedDates: checked.normalised ? 1 : 0 }
      : { ok: false, field: checked.field, zh: '缺失、类型不对或超出界限', en: 'is missing, of the wrong type or out of bounds' };
  };
}

/** Each table's record check and its key. */
const RECORDS: Record<Exclude<TableName, 'annotations'>, (v: unknown) => Checked<unknown>> = {
  taxonomies: checkTaxonomyRecord,
  terms: checkTermRecord,
  pages: checkPageRecord,
};
const KEYS: Record<TableName, string> = { taxonomies: 'id', terms: 'id', pages: 'url', annotations: 'id' };

export type BackupReading =
  | { ok: true; tables: BackupTables; exported: string; /** Records brought into shape on the way (dates in another spelling, unusable ids or positions). */ repaired: number }
  | { ok: false; problem: BackupProblem };

const NOTHING_CHANGED = { zh: '数据库没有改动。', en: 'Nothing was changed.' };
const problem = (zh: string, en: string): BackupReading => ({ ok: false, problem: { zh: `${zh}${NOTHING_CHANGED.zh}`, en: `${en} ${NOTHING_CHANGED.en}` } });

/**
 * Checks a parsed backup file in full before anything is restored: its format, that each table holds as many
 * records as the file says it does (a backup declaring 3 annotations and holding none once replaced 3 with none),
 * and every record, field by field, within bounds. The first problem is named with its place.
 */
export function readBackup(json: unknown): BackupReading {
  if (!isObj(json) || json.format !== BACKUP_FORMAT)
    return problem('这不是本扩展的备份文件（缺少 "format": "pizhu-backup"）。', 'This is not a Pizhu backup file (no "format": "pizhu-backup").');
  if (json.version !== BACKUP_VERSION)
    return problem(`不支持的备份格式版本：${String(json.version)}。`, `Unsupported backup format version ${String(json.version)}.`);
  if (typeof json.schemaVersion !== 'number' || json.schemaVersion > SCHEMA_VERSION)
    return problem('备份由更新版本的本扩展制作，请先升级扩展。', 'The backup was made by a newer Pizhu; update the extension first.');
  if (!isObj(json.tables)) return problem('备份缺少数据表（tables）。', 'The backup has no tables.');
  const tables = {} as Record<TableName, unknown[]>;
  let repaired = 0;
  for (const name of TABLES) {
    const rows = json.tables[name];
    if (!Array.isArray(rows)) return problem(`备份缺少数据表 ${name}。`, `The backup has no ${name} table.`);
    // Pages come before annotations (TABLES' order): an older backup's positions are converted through them.
    const check = name === 'annotations'
      ? annotationCheck(tables.pages as PageRecord[], json.schemaVersion < 5)
      : RECORDS[name];
    const key = KEYS[name];
    const keys = new Set<string>();
    const checked: unknown[] = [];
    for (let i = 0; i < rows.length; i++) {
      const result = check(rows[i]);
      const at = `tables.${name}[${i}]`;
      if (!result.ok) {
        const field = result.field ? `${at}.${result.field}` : at;
        return problem(`备份数据有误：${field} ${result.zh}。`, `The backup is malformed: ${field} ${result.en}.`);
      }
      const id = (result.record as Obj)[key] as string;
      if (keys.has(id)) return problem(`备份数据有误：${at}.${key} 与前面的记录重复。`, `The backup is malformed: ${at}.${key} repeats an earlier record's.`);
      keys.add(id);
      if (result.repairedDates > 0) repaired++;
      checked.push(name === 'pages' ? withDocNumberKey(result.record as PageRecord, rows[i] as Obj) : result.record);
    }
    tables[name] = checked;
  }
  const counts = json.counts;
  if (!isObj(counts)) return problem('备份缺少记录数（counts），无法确认它是完整的。', 'The backup has no record counts (counts), so it cannot be known to be complete.');
  for (const name of TABLES) {
    if (counts[name] !== tables[name].length)
      return problem(
        `备份声明 ${name} 表有 ${String(counts[name])} 条记录，实际只有 ${tables[name].length} 条：文件不完整或被改动过，不能用来恢复。`,
        `The backup says its ${name} table holds ${String(counts[name])} records, but it holds ${tables[name].length}: the file is incomplete or was altered, and cannot be restored.`,
      );
  }
  const restored = tables as unknown as BackupTables;
  const taxonomyIds = new Set(restored.taxonomies.map((t) => t.id));
  const stray = restored.terms.findIndex((t) => !taxonomyIds.has(t.taxonomyId));
  if (stray >= 0)
    return problem(`备份数据有误：tables.terms[${stray}] 所属的分类表不在备份中。`, `The backup is malformed: tables.terms[${stray}] belongs to a taxonomy the backup does not hold.`);
  const byTaxonomy = new Map<string, Term[]>();
  for (const term of restored.terms) byTaxonomy.set(term.taxonomyId, [...(byTaxonomy.get(term.taxonomyId) ?? []), term]);
  for (const taxonomy of restored.taxonomies) {
    const broken = findProblem({ taxonomy, terms: byTaxonomy.get(taxonomy.id) ?? [] });
    if (broken) return problem(`备份中的分类表有误：${broken.zh}。`, `A taxonomy in the backup is malformed: ${broken.en}.`);
  }
  return { ok: true, tables: restored, exported: typeof json.exported === 'string' ? json.exported.slice(0, 64) : '', repaired };
}

/** The folded document number is an index key: computed here (where the record had one), never taken from the file. */
function withDocNumberKey(page: PageRecord, raw: Obj): PageRecord {
  return page.docNumber && raw.docNumberKey !== undefined ? { ...page, docNumberKey: docNumberKey(page.docNumber) } : page;
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
