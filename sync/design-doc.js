// What a team's CouchDB database enforces, whatever a client does: the design document with Pizhu's
// validate_doc_update function, and the security object that lets only the team's members in. The setup script
// (scripts/team-setup.mjs) writes both; the tests run the function as CouchDB does.
//
// Roles (CouchDB user roles, given when an administrator creates the team's users):
//   pizhu-coder   reads everything, writes annotations and pages;
//   pizhu-editor  the same, and the codebook (terms and taxonomies);
//   server admins anything (setting up, restoring a backup).
// Any member may edit any annotation (a team corrects and discusses its coding; concurrent edits become conflicts
// that Pizhu shows); every revision names its writer (`by`), which the server checks, so that who wrote what cannot
// be forged. The function body is ES5: older CouchDB servers run an old JavaScript engine.

export const ROLES = { coder: 'pizhu-coder', editor: 'pizhu-editor' };
export const DESIGN_DOC_ID = '_design/pizhu';

export function validateDocUpdate(newDoc, oldDoc, userCtx) {
  var roles = userCtx.roles || [];
  var has = function (role) {
    return roles.indexOf(role) !== -1;
  };
  if (has('_admin')) return;
  var editor = has('pizhu-editor');
  if (!editor && !has('pizhu-coder')) {
    throw { unauthorized: 'Only members of the team (role pizhu-coder or pizhu-editor) may write here.' };
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
  if (codebook && !editor) throw { forbidden: 'Only the codebook editors (role pizhu-editor) may change the codebook.' };
  if (oldDoc && !oldDoc._deleted && oldDoc.type && oldDoc.type !== type) throw { forbidden: 'A document cannot change its type.' };
}

/** The design document as CouchDB stores it. */
export function designDoc() {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: validateDocUpdate.toString() };
}

/** Members by role: a user of another team (or no role) cannot read this database at all. */
export function securityObject() {
  return { admins: { names: [], roles: [] }, members: { names: [], roles: [ROLES.coder, ROLES.editor] } };
}
