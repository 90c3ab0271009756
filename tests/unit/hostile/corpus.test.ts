// The hostile-input corpus (tests/hostile/, see its README) through every path of the library that reads files:
// each file of annotations/ through the annotation import, of codebooks/ through the codebook import, of backups/
// through restore, into a library that already holds annotations, pages and a codebook. Each file must be either
// refused — with a message in both languages, and the database exactly as it was — or accepted within bounds: every
// stored record passes the record checks (model/validate.ts) and the codebook is sound (findProblem). A file named
// refused-… must be refused, accepted-… accepted; any other name may go either way. Whatever files are in the
// folders are read, so that a file added there is tested without touching this runner.
import 'fake-indexeddb/auto';
import fs from 'node:fs';
import { File as NodeFile } from 'node:buffer';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../scripts/extension-browser.mjs';
import { applyImport, previewImport } from '../../../library/import-file';
import { readAnnotationFile, readBackupFile } from '../../../library/read-file';
import { restoreBackup } from '../../../library/backup';
import { TaxonomyService } from '../../../library/taxonomy-service';
import { checkAnnotationRecord } from '../../../exchange/record-check';
import { checkPageRecord, checkTaxonomyRecord, checkTermRecord, type Checked } from '../../../model/validate';
import { PizhuDB } from '../../../storage/db';
import { TaxonomyRepository } from '../../../storage/taxonomies';
import { findProblem, MAX_CODEBOOK_TERMS } from '../../../taxonomy/state';
import { annotation, freshName, PAGE } from '../library/fixtures';

const corpus = path.join(projectRoot, 'tests', 'hostile');
const filesIn = (folder: string) => {
  const dir = path.join(corpus, folder);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.startsWith('.')).sort() : [];
};

// The extension page's DOMParser, for .qdc files: jsdom's stands in for the browser's here.
const savedParser = (globalThis as { DOMParser?: unknown }).DOMParser;
(globalThis as { DOMParser?: unknown }).DOMParser = new JSDOM('').window.DOMParser;
afterAll(() => {
  (globalThis as { DOMParser?: unknown }).DOMParser = savedParser;
});

let db: PizhuDB;
beforeEach(async () => {
  db = new PizhuDB(freshName());
  // A library with something to lose.
  await new TaxonomyRepository(db).ensureDefault();
  await db.pages.put(PAGE);
  await db.annotations.bulkPut([annotation(1), annotation(2), annotation(3)]);
});
afterEach(() => db.close());

async function snapshot() {
  return {
    annotations: await db.annotations.toArray(),
    pages: await db.pages.toArray(),
    taxonomies: await db.taxonomies.toArray(),
    terms: await db.terms.toArray(),
  };
}

const fileOf = (folder: string, name: string) =>
  new NodeFile([fs.readFileSync(path.join(corpus, folder, name))], name) as unknown as File;

function expectWithin<T>(check: (v: unknown) => Checked<T>, records: unknown[], what: string) {
  for (const [i, record] of records.entries()) {
    const result = check(record);
    expect(result.ok, `${what}[${i}]: ${result.ok ? '' : `${result.field} ${result.en}`}`).toBe(true);
  }
}

/** Every stored record within bounds, and every taxonomy sound with its terms. */
async function expectLibraryWithinBounds() {
  const { annotations, pages, taxonomies, terms } = await snapshot();
  for (const [i, record] of annotations.entries()) {
    const result = checkAnnotationRecord(record as unknown as Record<string, unknown>);
    expect(result.ok ? 'ok' : result.field, `annotations[${i}]`).toBe('ok');
    // Stored as the check would store it: nothing left for an export to repair.
    if (result.ok) expect(result.normalised, `annotations[${i}]`).toBe(false);
  }
  expectWithin(checkPageRecord, pages, 'pages');
  expectWithin(checkTaxonomyRecord, taxonomies, 'taxonomies');
  expectWithin(checkTermRecord, terms, 'terms');
  for (const taxonomy of taxonomies) {
    const own = terms.filter((t) => t.taxonomyId === taxonomy.id);
    expect(own.length).toBeLessThanOrEqual(MAX_CODEBOOK_TERMS);
    expect(findProblem({ taxonomy, terms: own })).toBeUndefined();
  }
  // No file may reach the objects every other object inherits from.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Runs `use`; a refusal must be bilingual and change nothing. Returns whether the file was accepted. */
async function refusedOrAccepted(name: string, use: () => Promise<void>): Promise<boolean> {
  const before = await snapshot();
  try {
    await use();
  } catch (e) {
    const error = e as { zh?: unknown; en?: unknown; message?: string };
    expect(typeof error.zh === 'string' && error.zh.trim() !== '', `${name}: a Chinese message (got ${error.message})`).toBe(true);
    expect(typeof error.en === 'string' && error.en.trim() !== '', `${name}: an English message (got ${error.message})`).toBe(true);
    expect(error.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await snapshot(), `${name}: the database is as it was`).toEqual(before);
    expect(name.startsWith('accepted-'), `${name} was refused: ${String(error.en)}`).toBe(false);
    return false;
  }
  expect(name.startsWith('refused-'), `${name} was accepted`).toBe(false);
  await expectLibraryWithinBounds();
  return true;
}

const TIMEOUT = 60_000;

describe('hostile annotation files: the annotation import', () => {
  it.each(filesIn('annotations'))('%s', async (name) => {
    await refusedOrAccepted(name, async () => {
      const parsed = await readAnnotationFile(fileOf('annotations', name));
      const preview = await previewImport(db, parsed);
      await applyImport(db, parsed, { unchanged: new Set(preview.unchangedIds) });
    });
  }, TIMEOUT);
});

describe('hostile codebook files: the codebook import and merge', () => {
  it.each(filesIn('codebooks'))('%s', async (name) => {
    const service = new TaxonomyService(db);
    await refusedOrAccepted(name, async () => {
      const current = await service.load();
      const preview = await service.previewMerge(fileOf('codebooks', name), current);
      await service.applyMerge(current.taxonomy.id, preview.incoming);
    });
  }, TIMEOUT);
});

describe('hostile backups: restore', () => {
  it.each(filesIn('backups'))('%s', async (name) => {
    const accepted = await refusedOrAccepted(name, async () => {
      const { tables } = await readBackupFile(fileOf('backups', name));
      await restoreBackup(db, tables);
    });
    // A restore replaces: what is stored is what the file held, no more.
    if (accepted) expect(await db.annotations.count()).toBe(JSON.parse(fs.readFileSync(path.join(corpus, 'backups', name), 'utf8')).counts.annotations);
  }, TIMEOUT);
});

describe('the corpus', () => {
  it('has files in each folder', () => {
    for (const folder of ['annotations', 'codebooks', 'backups']) expect(filesIn(folder).length, folder).toBeGreaterThan(5);
  });
});
