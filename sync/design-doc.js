// What a team's CouchDB database enforces, whatever a client does: the design document with Pizhu's
// validate_doc_update function, and the security object that lets only the team's members in. The setup script
// (scripts/team-setup.mjs) writes both; the tests run the function as CouchDB does.
//
// Roles (CouchDB user roles, given when an administrator creates the team's users), named for the team's database,
// so that one server can hold several teams and a member of one can neither read another's database nor edit its
// codebook (for the database fzzf-team):
//   pizhu-coder:fzzf-team   reads everything, writes annotations and pages;
//   pizhu-editor:fzzf-team  the same, and the codebook (terms and taxonomies);
//   server admins anything (setting up, restoring a backup).
// Any member may edit any annotation (a team corrects and discusses its coding; concurrent edits become conflicts
// that Pizhu shows); every revision names its writer (`by`), which the server checks, so that who wrote what cannot
// be forged. The function body is ES5: older CouchDB servers run an old JavaScript engine. It learns its database's
// name from userCtx.db, which CouchDB (and pouchdb-server) give it.

/** The roles of the team whose database is named `database` (as validateDocUpdate spells them). */
export function teamRoles(database) {
  return { coder: 'pizhu-coder:' + database, editor: 'pizhu-editor:' + database };
}

export const DESIGN_DOC_ID = '_design/pizhu';

export function validateDocUpdate(newDoc, oldDoc, userCtx) {
  var roles = userCtx.roles || [];
  var has = function (role) {
    return roles.indexOf(role) !== -1;
  };
  if (has('_admin')) return;
  var editorRole = 'pizhu-editor:' + userCtx.db;
  var coderRole = 'pizhu-coder:' + userCtx.db;
  var editor = has(editorRole);
  if (!editor && !has(coderRole)) {
    throw { unauthorized: 'Only members of the team (role ' + coderRole + ' or ' + editorRole + ') may write here.' };
  }
  if (newDoc._id.indexOf('_design/') === 0) throw { forbidden: 'Only a server admin may change design documents.' };
  var kinds = { annotation: 1, page: 1, term: 1, taxonomy: 1 };
  var type = newDoc.type;
  if (!kinds[type]) throw { forbidden: 'Not a Pizhu document: its type is missing or unknown.' };
  if (newDoc._id.indexOf(type + ':') !== 0) throw { forbidden: 'The document id does not start with its type.' };
  if (typeof newDoc.schema !== 'number' || newDoc.schema < 1) throw { forbidden: 'The document has no schema version.' };
  if (!newDoc._deleted && (typeof newDoc.data !== 'object' || newDoc.data === null)) {
    throw { forbidden: 'The document has no data.' };
  }
  if (newDoc.by !== userCtx.name) throw { forbidden: 'A revision must name its writer (by) as the signed-in user.' };
  var codebook = type === 'term' || type === 'taxonomy' || (oldDoc && (oldDoc.type === 'term' || oldDoc.type === 'taxonomy'));
  if (codebook && !editor) throw { forbidden: 'Only the codebook editors (role ' + editorRole + ') may change the codebook.' };
  if (oldDoc && !oldDoc._deleted && oldDoc.type && oldDoc.type !== type) throw { forbidden: 'A document cannot change its type.' };
}

/** The design document as CouchDB stores it. */
export function designDoc() {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: validateDocUpdate.toString() };
}

/** Members by this team's roles: a user of another team (or of no role) cannot read this database at all. */
export function securityObject(database) {
  const roles = teamRoles(database);
  return { admins: { names: [], roles: [] }, members: { names: [], roles: [roles.coder, roles.editor] } };
}
