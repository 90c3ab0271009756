// The library's REFI-QDA project (.qdpx) export and import: the database side of exchange/qdpx. The export reads
// what the table does not hold (the pages' stored texts, the codebooks) and builds the archive in steps with a
// yield after each, so that the page stays responsive and a cancel takes effect between steps. The import reads
// the archive (bounded: see exchange/qdpx/archive.ts) into the same records as a JSON-LD import, for the same
// preview and transaction (import-file.ts).
import type { ExportContext } from '../exchange/export-context';
import { NO_NOTICES } from '../exchange/jsonld-import';
import { zipProject } from '../exchange/qdpx/archive';
import { QdpxError, readQdpx } from '../exchange/qdpx/read';
import { writeProject, type ProjectFiles } from '../exchange/qdpx/write';
import type { AnnotationRecord, PageRecord } from '../model';
import type { PizhuDB } from '../storage/db';
import { guard } from '../storage/errors';
import { TaxonomyRepository } from '../storage/taxonomies';
import { guidForIri } from '../model';
import type { TaxonomyState } from '../taxonomy/state';
import type { ExportOptions } from './export-files';
import { checkSize, ImportFileError, type ParsedImport } from './import-file';
import { LIBRARY_MAX_IMPORT_BYTES } from './limits';
import { yieldToPage } from './yield';

export interface QdpxExport {
  blob: Blob;
  /** Pages whose annotations went into a text assembled from their quotes (no stored text, or orphans in it). */
  assembled: ProjectFiles['assembled'];
}

export async function qdpxBlob(
  db: PizhuDB,
  annotations: readonly AnnotationRecord[],
  ctx: ExportContext,
  options: ExportOptions = {},
): Promise<QdpxExport> {
  const urls = [...new Set(annotations.map((a) => a.pageUrl))];
  // The table's page records leave the texts out; the export needs them.
  const [stored, codebooks] = await guard(async () => {
    const rows = await db.pages.bulkGet(urls);
    const repo = new TaxonomyRepository(db);
    const states = await Promise.all((await repo.list()).map((t) => repo.get(t.id)));
    return [rows, states.filter((s): s is TaxonomyState => !!s)] as const;
  });
  const pages = new Map<string, PageRecord>();
  for (const page of stored) if (page) pages.set(page.url, page);
  options.signal?.throwIfAborted();
  const files = await writeProject({
    annotations,
    pages,
    codebooks,
    terms: ctx.terms,
    signal: options.signal,
    onProgress: async (done) => {
      options.onProgress?.(done);
      await yieldToPage();
    },
  });
  const chunks = await zipProject(files, { signal: options.signal, onProgress: () => yieldToPage(), between: yieldToPage });
  return { blob: new Blob(chunks as BlobPart[], { type: 'application/zip' }), assembled: files.assembled };
}

/** A .qdpx file, read and checked; throws ImportFileError naming what is wrong. */
export async function readQdpxFile(db: PizhuDB, file: File, options: { signal?: AbortSignal; maxBytes?: number } = {}): Promise<ParsedImport> {
  checkSize(file.size, options.maxBytes ?? LIBRARY_MAX_IMPORT_BYTES);
  const bytes = new Uint8Array(await file.arrayBuffer());
  options.signal?.throwIfAborted();
  // A Code a tool kept the guid of is one of our terms, even when the tool dropped its description.
  const knownTerms = new Map<string, string>();
  for (const id of await guard(() => db.terms.toCollection().primaryKeys())) knownTerms.set(await guidForIri(id), id);
  try {
    // A project's selections are read as they came: nothing of what the W3C import rewrites applies to them.
    const read = await readQdpx(bytes, {
      knownTerms,
      between: async () => {
        await yieldToPage();
        options.signal?.throwIfAborted();
      },
    });
    return { ...read, notices: NO_NOTICES };
  } catch (e) {
    if (e instanceof QdpxError) {
      throw new ImportFileError(`无法导入这个 REFI-QDA 项目：${e.zh}。数据库没有改动。`, `This REFI-QDA project cannot be imported: ${e.en}. Nothing was changed.`);
    }
    throw e;
  }
}
