// A team's CouchDB for the tests and the benchmark: pouchdb-server (CouchDB's HTTP API, security objects and
// validation functions included), in memory, on a free loopback port, set up by scripts/team-setup.mjs like a real
// team's server, behind a small TCP proxy the test can cut and restore, so that "the server is down" keeps its data.
// Every connection the browsers open goes through the proxy, which counts them by the Host they asked for.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './extension-browser.mjs';
import { setupTeam } from './team-setup.mjs';

const ADMIN = { name: 'admin', password: 'admin-secret' };

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child, timeoutMs) {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}: ${child.stderrTail?.() ?? ''}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`pouchdb-server did not answer at ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Starts the server with the database `db` and the `users` ([{ name, password, roles }]). Resolves to
 * { url (the database through the proxy), serverUrl, adminUrl, cut(), restore(), hostsSeen, close() }.
 */
export async function startTeamServer({ db = 'team', users = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-couch-'));
  const port = await freePort();
  const bin = path.join(projectRoot, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
  // Without native addons (see no-native-addons.mjs), and with the one-line fix of its validation plug-in that
  // replicated updates need (see pouchdb-validation-fix.mjs).
  const preload = (name) => ['--import', pathToFileURL(path.join(projectRoot, 'scripts', name)).href];
  const child = spawn(process.execPath, [...preload('no-native-addons.mjs'), ...preload('pouchdb-validation-fix.mjs'), bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port)], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  child.stderrTail = () => stderr;
  const direct = `http://127.0.0.1:${port}`;
  const sockets = new Set();
  let proxy;
  const close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForServer(direct, child, 90_000);
    const admin = await fetch(`${direct}/_config/admins/${ADMIN.name}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
    if (!admin.ok) throw new Error(`could not make the server admin: ${admin.status}`);
    const adminUrl = `http://${ADMIN.name}:${ADMIN.password}@127.0.0.1:${port}/${db}`;
    await setupTeam(adminUrl, { users });

    let down = false;
    const hostsSeen = new Set();
    proxy = net.createServer((client) => {
      if (down) {
        client.destroy();
        return;
      }
      const upstream = net.connect(port, '127.0.0.1');
      sockets.add(client);
      sockets.add(upstream);
      client.once('data', (chunk) => {
        const host = /\r\nhost:\s*([^\r\n]+)/i.exec(chunk.toString('latin1'))?.[1];
        if (host) hostsSeen.add(host.trim());
      });
      client.pipe(upstream).pipe(client);
      const end = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    await new Promise((resolve, reject) => {
      proxy.once('error', reject);
      proxy.listen(0, '127.0.0.1', resolve);
    });
    const proxyPort = proxy.address().port;
    return {
      url: `http://127.0.0.1:${proxyPort}/${db}`,
      serverUrl: `${direct}/${db}`,
      adminUrl,
      admin: ADMIN,
      hostsSeen,
      /** The server goes away for the browsers (refused connections, open ones dropped); its data stays. */
      cut() {
        down = true;
        for (const s of sockets) s.destroy();
        sockets.clear();
      },
      restore() {
        down = false;
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
