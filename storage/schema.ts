// The database's versions. Each version lists only what it adds or changes; Dexie replays them in order, so a
// browser holding any earlier version is brought forward on open. Never edit a published version: add one.
import type Dexie from 'dexie';
import { hasAstral } from '../anchoring/code-points';
import { docNumberKey } from './doc-number-key';
import type { AnnotationRecord, PageRecord } from '../model';
import { upgradeAnnotation } from './record-upgrade';

export const SCHEMA_VERSION = 8;

export function declareSchema(db: Dexie, upTo = SCHEMA_VERSION): void {
  db.version(1).stores({
    // [pageUrl+created]: a page's annotations in creation order without sorting in memory; *terms: one index
    // entry per applied term, for "everything tagged 行政复议".
    annotations: 'id, pageUrl, *terms, created, modified, [pageUrl+created]',
    pages: 'url, kind, lastSeen',
    taxonomies: 'id',
    terms: 'id, taxonomyId, parent, scheme',
  });
  if (upTo < 2) return;
  // v2: pages are found by document number (a report cites 张政发〔2021〕3号 → the page of that document), through a
  // folded key, which existing pages get filled in here.
  db.version(2)
    .stores({ pages: 'url, kind, lastSeen, docNumberKey' })
    .upgrade((tx) =>
      tx
        .table<PageRecord, string>('pages')
        .toCollection()
        .modify((page) => {
          if (page.docNumber) page.docNumberKey = docNumberKey(page.docNumber);
        }),
    );
  if (upTo < 3) return;
  // v3: every index costs each write, and an import writes 100,000 rows. `pageUrl` alone is the leading part of
  // [pageUrl+created], which answers the same queries; nothing queries by `modified`. Both go.
  db.version(3).stores({ annotations: 'id, *terms, created, [pageUrl+created]' });
  if (upTo < 4) return;
  // v4: the same reasoning for the last two. The library reads every row into memory and filters and sorts there,
  // so no query asks IndexedDB by term or by date; yet `*terms` wrote two index entries per row and `created` one
  // more. Measured in one Chromium, 100,000 puts took 14–16 s with the three indexes and 10–11 s with
  // [pageUrl+created] alone (what loading a page's annotations needs). A query by term, if one is ever needed,
  // can scan: it is the rare path, the import is not.
  db.version(4).stores({ annotations: 'id, [pageUrl+created]' });
  if (upTo < 5) return;
  // v5: positions count code points, as the W3C model does, and may be absent (no more -1); records an earlier
  // import took unchecked from files are repaired (see record-upgrade.ts). No index changes.
  db.version(5)
    .stores({})
    .upgrade(async (tx) => {
      const astral = new Map<string, string>();
      await tx
        .table<PageRecord, string>('pages')
        .toCollection()
        .each((page) => {
          if (page.snapshot && hasAstral(page.snapshot)) astral.set(page.url, page.snapshot);
        });
      const renamed: AnnotationRecord[] = [];
      await tx
        .table<AnnotationRecord, string>('annotations')
        .toCollection()
        .modify((a, ref) => {
          const checked = upgradeAnnotation(a as unknown as Record<string, unknown>, astral.get(a.pageUrl));
          // A record that cannot be repaired stays as it was: export leaves out what fails, nothing is lost.
          if (!checked.ok) return;
          if (checked.record.id === a.id) ref.value = checked.record;
          else {
            renamed.push(checked.record);
            delete (ref as { value?: AnnotationRecord }).value;
          }
        });
      if (renamed.length) await tx.table('annotations').bulkPut(renamed);
    });
  if (upTo < 6) return;
  // v6: a team's sync (storage/sync-state.ts): the outbox of local writes, each synced document's base revision,
  // the engine's checkpoints, and the conflicts waiting for the user. No record changes.
  db.version(6).stores({
    outbox: '++seq, [table+key]',
    syncRevs: 'id',
    syncMeta: 'key',
    conflicts: 'id',
  });
  if (upTo < 7) return;
  // v7: the adjudication's decisions (storage/resolutions.ts), one row per consensus coder and disagreement, so that
  // closing the library loses none of them; a page's rows are found by [consensus+pageUrl]. No record changes.
  db.version(7).stores({ resolutions: '[consensus+key], [consensus+pageUrl]' });
  if (upTo < 8) return;
  // v8: the user's merges of indicators in the library's Indicators view (storage/indicator-merges.ts), one row
  // per indicator key put into another's group. Nothing existing changes.
  db.version(8).stores({ indicatorMerges: 'key' });
}
