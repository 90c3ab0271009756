// The database's versions. Each version lists only what it adds or changes; Dexie replays them in order, so a
// browser holding any earlier version is brought forward on open. Never edit a published version: add one.
import type Dexie from 'dexie';
import { docNumberKey } from './doc-number-key';
import type { PageRecord } from '../model';

export const SCHEMA_VERSION = 6;

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
  if (upTo < 6) return;
  // v6: a team's sync (storage/sync-state.ts): the outbox of local writes, each synced document's base revision,
  // the engine's checkpoints, and the conflicts waiting for the user. No record changes. (Version 5 is left for the
  // annotation upgrade made on another line of work; Dexie needs increasing numbers, not consecutive ones.)
  db.version(6).stores({
    outbox: '++seq, [table+key]',
    syncRevs: 'id',
    syncMeta: 'key',
    conflicts: 'id',
  });
}
