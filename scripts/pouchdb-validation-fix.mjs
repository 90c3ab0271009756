// Loaded into the test server (`node --import`) before pouchdb-server: two one-line fixes where pouchdb-server 4.2
// departs from CouchDB in what Pizhu's validation function relies on. Each module is compiled here with its line
// replaced; nothing else changes, and a module that no longer holds the line stops the server, to be looked at.
// - pouchdb-validation gives every document it checks the stored document's `_revisions`. For an ordinary write that
//   is harmless; for a replicated one (`_bulk_docs` with new_edits=false, which is how PouchDB pushes every
//   revision) it replaces the history that places the new revision in the tree, so an update is silently dropped:
//   the server keeps the old revision and answers OK. CouchDB keeps the incoming history: so does the fix, when the
//   document brings one.
// - express-pouchdb means to tell the validation function its database's name (userCtx.db, as CouchDB does; the
//   team's roles are named for it) but reads it from a property PouchDB 7 no longer has (`_db_name`; now `name`).
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const expressPouchdb = path.dirname(require.resolve('express-pouchdb/package.json'));

const fixes = [
  {
    file: require.resolve('pouchdb-validation', { paths: [expressPouchdb] }),
    wrong: 'newDoc._revisions = (oldDoc || {})._revisions;',
    right: 'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;',
  },
  {
    file: path.join(expressPouchdb, 'lib', 'utils.js'),
    wrong: 'var dbname = req.db && req.db._db_name;',
    right: 'var dbname = req.db && (req.db._db_name || req.db.name);',
  },
];

for (const { file, wrong, right } of fixes) {
  const source = fs.readFileSync(file, 'utf8');
  if (!source.includes(wrong)) throw new Error(`pouchdb-validation-fix: ${file} changed; check whether the fix is still needed`);
  const fixed = new Module(file);
  fixed.filename = file;
  fixed.paths = Module._nodeModulePaths(path.dirname(file));
  fixed._compile(source.replace(wrong, right), file);
  fixed.loaded = true;
  require.cache[file] = fixed;
}
