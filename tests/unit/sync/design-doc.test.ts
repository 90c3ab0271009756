// The validation CouchDB runs on every write to a team's database, run here as CouchDB runs it: from its source text.
import { describe, expect, it } from 'vitest';
import { designDoc, securityObject, teamRoles, validateDocUpdate } from '../../../sync/design-doc.js';

// CouchDB compiles the stored source on its own: the function must not lean on anything around it.
const compiled = new Function(`return (${designDoc().validate_doc_update})`)() as typeof validateDocUpdate;

const db = 'fzzf-team';
const coder = { name: 'li', roles: ['pizhu-coder:fzzf-team'], db };
const editor = { name: 'wang', roles: ['pizhu-editor:fzzf-team'], db };
const admin = { name: 'root', roles: ['_admin'], db };
const stranger = { name: 'zhao', roles: ['other-team'], db };
// A coder and an editor of another team on the same server.
const otherCoder = { name: 'li', roles: ['pizhu-coder:other-team'], db };
const otherEditor = { name: 'wang', roles: ['pizhu-editor:other-team', 'pizhu-coder:fzzf-team'], db };
const doc = (type: string, by: string, extra: object = {}) => ({ _id: `${type}:x`, type, schema: 1, data: {}, by, ...extra });

function outcome(newDoc: Record<string, unknown> & { _id: string }, oldDoc: (Record<string, unknown> & { _id: string }) | null, user: { name: string; roles: string[]; db: string }) {
  try {
    compiled(newDoc, oldDoc, user);
    return 'ok';
  } catch (e) {
    return Object.keys(e as object)[0];
  }
}

describe('the team database’s validation', () => {
  it('lets members write annotations and pages', () => {
    expect(outcome(doc('annotation', 'li'), null, coder)).toBe('ok');
    expect(outcome(doc('page', 'li'), null, coder)).toBe('ok');
    expect(outcome(doc('annotation', 'wang'), doc('annotation', 'li'), editor)).toBe('ok');
  });
  it('lets only editors (and admins) change the codebook, deletions included', () => {
    expect(outcome(doc('term', 'li'), null, coder)).toBe('forbidden');
    expect(outcome(doc('taxonomy', 'li'), null, coder)).toBe('forbidden');
    expect(outcome({ _id: 'term:x', _deleted: true, type: 'term', schema: 1, by: 'li' }, doc('term', 'wang'), coder)).toBe('forbidden');
    expect(outcome(doc('term', 'wang'), null, editor)).toBe('ok');
    expect(outcome({ _id: 'term:x', anything: true }, null, admin)).toBe('ok');
  });
  it('refuses users of no team role', () => {
    expect(outcome(doc('annotation', 'zhao'), null, stranger)).toBe('unauthorized');
  });
  it('takes the roles of this team only: another team’s coder may not write, another team’s editor not edit this codebook', () => {
    expect(outcome(doc('annotation', 'li'), null, otherCoder)).toBe('unauthorized');
    expect(outcome(doc('annotation', 'wang'), null, otherEditor)).toBe('ok');
    expect(outcome(doc('term', 'wang'), null, otherEditor)).toBe('forbidden');
  });
  it('names this team’s roles, and lets only them in', () => {
    expect(teamRoles(db)).toEqual({ coder: 'pizhu-coder:fzzf-team', editor: 'pizhu-editor:fzzf-team' });
    expect(securityObject(db).members).toEqual({ names: [], roles: ['pizhu-coder:fzzf-team', 'pizhu-editor:fzzf-team'] });
  });
  it('refuses documents that are not Pizhu’s, or that name another writer', () => {
    expect(outcome({ _id: 'annotation:x', by: 'li' }, null, coder)).toBe('forbidden');
    expect(outcome({ ...doc('annotation', 'li'), schema: undefined }, null, coder)).toBe('forbidden');
    expect(outcome({ ...doc('annotation', 'li'), data: undefined }, null, coder)).toBe('forbidden');
    expect(outcome({ ...doc('annotation', 'li'), _id: 'term:x' }, null, editor)).toBe('forbidden');
    expect(outcome(doc('annotation', 'wang'), null, coder)).toBe('forbidden');
    expect(outcome({ ...doc('annotation', 'li'), _id: '_design/evil' }, null, editor)).toBe('forbidden');
    expect(outcome(doc('page', 'wang'), { ...doc('annotation', 'li'), _id: 'page:x' }, editor)).toBe('forbidden');
  });
  it('lets members delete annotations with a tombstone that names them', () => {
    expect(outcome({ _id: 'annotation:x', _deleted: true, type: 'annotation', schema: 1, by: 'li' }, doc('annotation', 'wang'), coder)).toBe('ok');
  });
});
