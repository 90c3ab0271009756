// `npm run team:setup -- URL [--editor NAME:PASSWORD]… [--coder NAME:PASSWORD]…`
//
// Prepares a CouchDB database for a Pizhu team, with a server admin's credentials in the URL:
//   npm run team:setup -- https://admin:secret@couch.example.edu/fzzf-team --editor wang:… --coder li:…
// It creates the database (if missing), its security object (members by the team's roles: only users with the role
// pizhu-coder:DATABASE or pizhu-editor:DATABASE may read or write it, so one team's members cannot read another
// team's database on the same server), and the design document with Pizhu's validation (sync/design-doc.js: only
// editors change the codebook, every revision names its writer); with --editor/--coder it creates those users (or
// updates their password and adds the team's role, keeping their roles in other teams).
// Run it again at any time: it changes only what differs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { designDoc, DESIGN_DOC_ID, securityObject, teamRoles } from '../sync/design-doc.js';

const isLoopback = (host) => /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(host);

/** Splits `https://admin:pw@host/db` into the server root, the database and the admin's Authorization header. */
export function parseAdminUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`not a URL: ${text}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new Error('use https:// (plain http only for this machine: localhost, 127.0.0.1): the admin password would cross the network readable');
  }
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length === 0) throw new Error('the URL names no database, e.g. https://admin:secret@couch.example.edu/fzzf-team');
  const database = decodeURIComponent(parts[parts.length - 1]);
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(database)) {
    throw new Error(`“${database}” is not a CouchDB database name (lowercase letters first, then a-z 0-9 _$()+-/)`);
  }
  const auth = url.username ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}` : undefined;
  const root = `${url.origin}${parts.length > 1 ? `/${parts.slice(0, -1).join('/')}` : ''}`;
  return { root, database, auth };
}

async function call(target, method, pathname, body) {
  const response = await fetch(`${target.root}${pathname}`, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(target.auth ? { Authorization: target.auth } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  return { status: response.status, json };
}

function fail(what, answer) {
  throw new Error(`${what}: the server answered ${answer.status} ${answer.json?.error ?? ''} ${answer.json?.reason ?? ''}`.trim());
}

/**
 * Sets up the team database at `adminUrl`; `users` are [{ name, password, editor }] (an editor of the codebook or a
 * coder; or `roles` to give exactly those). Returns what it did, one line per step. Throws with the server's words
 * when a step is refused.
 */
export async function setupTeam(adminUrl, { users = [] } = {}) {
  const target = parseAdminUrl(adminUrl);
  const db = `/${encodeURIComponent(target.database)}`;
  const done = [];

  const created = await call(target, 'PUT', db);
  if (created.status === 201 || created.status === 202) done.push(`created the database ${target.database}`);
  else if (created.status === 412) done.push(`the database ${target.database} exists`);
  else fail('creating the database', created);

  const security = securityObject(target.database);
  const roles = teamRoles(target.database);
  const currentSecurity = await call(target, 'GET', `${db}/_security`);
  if (currentSecurity.status !== 200) fail('reading the security object', currentSecurity);
  if (JSON.stringify(currentSecurity.json?.members ?? {}) === JSON.stringify(security.members)) {
    done.push(`members by role (${roles.coder}, ${roles.editor}): already so`);
  } else {
    const put = await call(target, 'PUT', `${db}/_security`, security);
    if (put.status !== 200) fail('writing the security object', put);
    done.push(`members by role (${roles.coder}, ${roles.editor}): set`);
  }

  const wanted = designDoc();
  const current = await call(target, 'GET', `${db}/${DESIGN_DOC_ID}`);
  if (current.status === 200 && current.json.validate_doc_update === wanted.validate_doc_update) {
    done.push('validation (design document): up to date');
  } else {
    const put = await call(target, 'PUT', `${db}/${DESIGN_DOC_ID}`, { ...wanted, ...(current.status === 200 ? { _rev: current.json._rev } : {}) });
    if (put.status !== 201 && put.status !== 202) fail('writing the design document', put);
    done.push(`validation (design document): ${current.status === 200 ? 'updated' : 'installed'}`);
  }

  for (const user of users) {
    const id = `org.couchdb.user:${user.name}`;
    const path = `/_users/${encodeURIComponent(id)}`;
    const existing = await call(target, 'GET', path);
    const wanted = user.roles ?? [user.editor ? roles.editor : roles.coder];
    // A member of other teams keeps those roles; in this team, one role (an editor is not also a coder, nor back).
    const kept = existing.status === 200 ? (existing.json.roles ?? []).filter((r) => r !== roles.coder && r !== roles.editor) : [];
    const userRoles = [...kept, ...wanted];
    const doc = { _id: id, name: user.name, type: 'user', roles: userRoles, password: user.password, ...(existing.status === 200 ? { _rev: existing.json._rev } : {}) };
    const put = await call(target, 'PUT', path, doc);
    if (put.status !== 201 && put.status !== 202) fail(`writing the user ${user.name}`, put);
    done.push(`user ${user.name} (${wanted.join(', ')}): ${existing.status === 200 ? 'updated' : 'created'}`);
  }
  return done;
}

/** The command line: the URL, and the users of --editor/--coder NAME:PASSWORD. */
function parseArgs(args) {
  const users = [];
  let url;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--editor' || arg === '--coder') {
      const value = args[++i] ?? '';
      const colon = value.indexOf(':');
      if (colon < 1) throw new Error(`${arg} takes NAME:PASSWORD`);
      users.push({ name: value.slice(0, colon), password: value.slice(colon + 1), editor: arg === '--editor' });
    } else if (!url) url = arg;
    else throw new Error(`unexpected argument: ${arg}`);
  }
  return { url, users };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { url, users } = parseArgs(process.argv.slice(2));
    if (!url) {
      console.error('usage: npm run team:setup -- https://ADMIN:PASSWORD@SERVER/DATABASE [--editor NAME:PASSWORD]… [--coder NAME:PASSWORD]…');
      process.exit(2);
    }
    for (const line of await setupTeam(url, { users })) console.log(`✓ ${line}`);
    const { root, database } = parseAdminUrl(url);
    console.log(`\nEach member enters in Pizhu (library → Team): ${root}/${database}, with their own name and password.`);
  } catch (e) {
    console.error(`team:setup: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
