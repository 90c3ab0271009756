// Loaded into the test server (`node --import`) before pouchdb-server. pouchdb-server's validation plug-in
// (pouchdb-validation 4.2) gives every document it checks the stored document's `_revisions`. For an ordinary write
// that is harmless; for a replicated one (`_bulk_docs` with new_edits=false, which is how PouchDB pushes every
// revision) it replaces the history that places the new revision in the tree, so an update is silently dropped:
// the server keeps the old revision and answers OK. CouchDB keeps the incoming history. The plug-in is compiled here
// with that one assignment made only when the document brings no history of its own; nothing else changes.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const file = require.resolve('pouchdb-validation', { paths: [path.dirname(require.resolve('express-pouchdb/package.json'))] });
const source = fs.readFileSync(file, 'utf8');
const wrong = 'newDoc._revisions = (oldDoc || {})._revisions;';
if (!source.includes(wrong)) throw new Error(`pouchdb-validation-fix: ${file} changed; check whether the fix is still needed`);
const fixed = new Module(file);
fixed.filename = file;
fixed.paths = Module._nodeModulePaths(path.dirname(file));
fixed._compile(source.replace(wrong, `if (!newDoc._revisions) ${wrong}`), file);
fixed.loaded = true;
require.cache[file] = fixed;
