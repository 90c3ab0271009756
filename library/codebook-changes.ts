// Open reports follow the codebook: whatever this page writes to the terms or taxonomies (the editor, an import,
// a restore, a merge), the content scripts are told once the transaction has committed, and redraw with the new
// labels and colours. Dexie reports every committed write as the parts of the database it touched.
import Dexie from 'dexie';

const CODEBOOK_TABLES = ['terms', 'taxonomies'];

/** Calls `announce` after each committed transaction of this page that wrote the database's codebook. */
export function onCodebookWritten(dbName: string, announce: () => void): () => void {
  const prefixes = CODEBOOK_TABLES.map((table) => `idb://${dbName}/${table}/`);
  const listener = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)))) announce();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
