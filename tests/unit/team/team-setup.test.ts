// `npm run team:setup -- URL` against a CouchDB-compatible server (pouchdb-server, in memory, on loopback): two
// teams on one server, each member let into their own team's database only, each team's codebook editable by its
// own editors only. The second team is set up through the command line, as an administrator would.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../../../scripts/team-server.mjs';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
let server: TeamServer;
let otherUrl: string;

const auth = (name: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`, 'Content-Type': 'application/json' });
const doc = (type: string, by: string) => ({ type, schema: 1, data: { x: 1 }, by });

beforeAll(async () => {
  server = await startTeamServer({ users: [{ name: 'wang', password: 'pw-wang', editor: true }, { name: 'li', password: 'pw-li', editor: false }] });
  const adminOther = server.adminUrl.replace(/\/team$/, '/other-team');
  const { stdout } = await run(process.execPath, [path.join(root, 'scripts/team-setup.mjs'), adminOther, '--editor', 'zhao:pw-zhao', '--coder', 'li:pw-li'], { cwd: root });
  expect(stdout).toContain('created the database other-team');
  expect(stdout).toContain('user zhao (pizhu-editor:other-team): created');
  otherUrl = server.serverUrl.replace(/\/team$/, '/other-team');
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('teams on one server', () => {
  it('let a member read their own team’s database only', async () => {
    expect((await fetch(server.serverUrl, { headers: auth('wang', 'pw-wang') })).status).toBe(200);
    // Refused: CouchDB says 403 to a signed-in non-member, pouchdb-server 401.
    expect([401, 403]).toContain((await fetch(otherUrl, { headers: auth('wang', 'pw-wang') })).status);
    expect([401, 403]).toContain((await fetch(`${server.serverUrl}/_all_docs`, { headers: auth('zhao', 'pw-zhao') })).status);
    expect((await fetch(`${otherUrl}/_all_docs`, { headers: auth('zhao', 'pw-zhao') })).status).toBe(200);
  });

  it('keep a member’s role in one team when another team adds them', async () => {
    // li was made a coder of "team" first, then of "other-team" on the command line: both hold.
    for (const url of [server.serverUrl, otherUrl]) expect((await fetch(url, { headers: auth('li', 'pw-li') })).status).toBe(200);
  });

  it('let each team’s editors, and only them, change its codebook', async () => {
    const put = (url: string, id: string, who: string, pw: string, type = 'term') =>
      fetch(`${url}/${encodeURIComponent(id)}`, { method: 'PUT', headers: auth(who, pw), body: JSON.stringify(doc(type, who)) });
    expect((await put(otherUrl, 'term:a', 'zhao', 'pw-zhao')).status).toBe(201);
    const coder = await put(otherUrl, 'term:b', 'li', 'pw-li');
    expect(coder.status).toBe(403);
    expect((await coder.json()).reason).toMatch(/pizhu-editor:other-team/);
    expect((await put(otherUrl, 'annotation:c', 'li', 'pw-li', 'annotation')).status).toBe(201);
    // wang edits the codebook of "team", not that of "other-team".
    expect((await put(server.serverUrl, 'term:d', 'wang', 'pw-wang')).status).toBe(201);
    expect([401, 403]).toContain((await put(otherUrl, 'term:e', 'wang', 'pw-wang')).status);
  });

  it('is run again safely: it changes only what differs', async () => {
    const { stdout } = await run(process.execPath, [path.join(root, 'scripts/team-setup.mjs'), server.adminUrl.replace(/\/team$/, '/other-team')], { cwd: root });
    expect(stdout).toContain('the database other-team exists');
    expect(stdout).toContain('already so');
    expect(stdout).toContain('up to date');
  });
});
