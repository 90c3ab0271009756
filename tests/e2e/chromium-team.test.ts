// What of a team's sync only Chromium's driver can check. The extension's own requests: Playwright reports the
// service worker's requests, while WebDriver BiDi cannot reach Firefox's background (an event page), so its requests
// cannot be listed there. A restart of the same profile: the Firefox launcher installs the add-on as a temporary one
// at a new moz-extension:// address at each launch, another origin with none of the first launch's IndexedDB.
// The rest of the team's tests run in both browsers (team.test.ts).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../../scripts/team-server.mjs';
import type { AnnotationRecord } from '../../model';
import { launchWithExtension, visit, type ExtensionBrowser } from './harness';
import { basic, readTable, statusOf, tag, writeTeamKey } from './team-helpers';

// Playwright reports the service worker's own requests only when asked to.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const REPORT = 'zhangdian-2017-report';
const PASSAGE = '将全区177项行政审批事项压缩至92项';
const CODER = { name: 'li', password: 'li-pw-1', editor: false };

let server: TeamServer;
let a: ExtensionBrowser;
/** Every request the extension's worker sent. */
const workerRequests: string[] = [];

beforeAll(async () => {
  server = await startTeamServer({ users: [CODER] });
  a = await launchWithExtension();
  // Playwright's own context under the driver's (harness.ts): its request events are Chromium's alone.
  (a.context as unknown as BrowserContext).on('request', (r: Request) => {
    if (r.serviceWorker()) workerRequests.push(r.url());
  });
});
afterAll(async () => {
  await a?.close();
  await server?.close();
});

describe('the extension’s requests', () => {
  it('go to the team server only: joining, a tag sent, the team’s codebook received', async () => {
    await writeTeamKey(a, { url: server.url, username: CODER.name, password: CODER.password });
    await expect.poll(async () => (await statusOf(a)).state, { timeout: 10_000 }).toBe('connected');
    const page = await a.context.newPage();
    await visit(page, a.urlFor(REPORT));
    await tag(page, PASSAGE, '放管服', '送往团队');
    const id = (await readTable<AnnotationRecord>(a, 'annotations'))[0].id;
    await expect.poll(async () => (await fetch(`${server.serverUrl}/${encodeURIComponent(`annotation:${id}`)}`, { headers: basic(server.admin.name, server.admin.password) })).status, { timeout: 20_000 }).toBe(200);
    const origin = new URL(server.url).origin;
    expect(workerRequests.length).toBeGreaterThan(0);
    expect(workerRequests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect([...server.hostsSeen]).toEqual([new URL(server.url).host]);
    await writeTeamKey(a, null);
    await expect.poll(async () => (await statusOf(a)).state, { timeout: 5000 }).toBe('off');
    await page.close();
  });
});

describe('a browser closed in the middle of a first sync', () => {
  it('completes it when started again with the same profile', async () => {
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-team-profile-'));
    const total = 4000;
    const docs = Array.from({ length: total }, (_, i) => {
      const id = `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      return {
        _id: `annotation:${id}`, type: 'annotation', schema: 1, by: 'admin',
        data: { id, pageUrl: 'https://gov.example/bulk', sourceUrl: 'https://gov.example/bulk', quote: { exact: `引文${i}`, prefix: '', suffix: '' },
          position: { start: i, end: i + 3 }, terms: [], note: '', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' },
      };
    });
    const put = await fetch(`${server.serverUrl}/_bulk_docs`, { method: 'POST', headers: basic(server.admin.name, server.admin.password), body: JSON.stringify({ docs }) });
    expect(put.status).toBe(201);
    const count = (x: ExtensionBrowser) => x.evaluateInExtension(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('pizhu');
        req.onsuccess = () => resolve(req.result);
      });
      const n = await new Promise<number>((resolve) => {
        const req = db.transaction('annotations').objectStore('annotations').count();
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return n;
    }, null);
    let c = await launchWithExtension({ chromiumProfileDir: profileDir, server: a.server });
    try {
      await writeTeamKey(c, { url: server.url, username: CODER.name, password: CODER.password });
      await expect.poll(async () => (await readTable(c, 'syncRevs')).length, { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);
      expect(await count(c)).toBeLessThan(total);
    } finally {
      await c.close();
    }
    c = await launchWithExtension({ chromiumProfileDir: profileDir, server: a.server });
    try {
      await expect.poll(() => count(c), { timeout: 90_000 }).toBeGreaterThanOrEqual(total);
      expect((await statusOf(c)).state).toBe('connected');
    } finally {
      await c.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    }
  });
});

describe('a replica an earlier Pizhu kept (PouchDB’s idb adapter)', () => {
  it('is carried into the new one: a revision it had not pushed reaches the server and the library, and the old one goes', async () => {
    const c = await launchWithExtension({ server: a.server });
    try {
      // The earlier replica, made in the worker with PouchDB's idb adapter as an earlier Pizhu made it: its name is
      // `pizhu-team-` and the first 24 hex digits of SHA-256 of the database URL, a newline and the user name.
      const { build } = await import('esbuild');
      const bundle = await build({
        stdin: { contents: "import P from 'pouchdb-core'; import idb from 'pouchdb-adapter-idb'; P.plugin(idb); globalThis.FormerPouchDB = P;", resolveDir: process.cwd() },
        bundle: true, write: false, format: 'iife', platform: 'browser', define: { global: 'globalThis' },
      });
      const worker = (c.context as unknown as BrowserContext).serviceWorkers()[0];
      // As a string, which the DevTools protocol evaluates beside the worker's CSP (no eval in extension code).
      await worker.evaluate(bundle.outputFiles[0].text);
      const hash = crypto.createHash('sha256').update(`${server.url}\n${CODER.name}`).digest('hex').slice(0, 24);
      const id = 'urn:uuid:00000000-0000-4000-8000-00000000f0f0';
      const doc = {
        _id: `annotation:${id}`, _rev: '1-0123456789abcdef0123456789abcdef', type: 'annotation', schema: 1, by: CODER.name,
        data: { id, pageUrl: 'https://gov.example/earlier', sourceUrl: 'https://gov.example/earlier', quote: { exact: '升级前的标注', prefix: '', suffix: '' },
          position: { start: 0, end: 6 }, terms: [], note: '未推送', created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z' },
      };
      const databases = () => worker.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
      await worker.evaluate(async ({ name, doc }) => {
        const { FormerPouchDB } = globalThis as unknown as { FormerPouchDB: new (name: string, o: object) => { bulkDocs(d: object[], o: object): Promise<unknown>; close(): Promise<void> } };
        const db = new FormerPouchDB(name, { adapter: 'idb' });
        await db.bulkDocs([doc], { new_edits: false });
        await db.close();
      }, { name: `pizhu-team-${hash}`, doc });
      expect(await databases()).toContain(`_pouch_pizhu-team-${hash}`);

      await writeTeamKey(c, { url: server.url, username: CODER.name, password: CODER.password });
      const onServer = () => fetch(`${server.serverUrl}/${encodeURIComponent(doc._id)}`, { headers: basic(server.admin.name, server.admin.password) })
        .then(async (r) => (r.ok ? ((await r.json()) as { _rev: string })._rev : r.status));
      await expect.poll(onServer, { timeout: 30_000 }).toBe(doc._rev);
      await expect.poll(async () => (await readTable<AnnotationRecord>(c, 'annotations')).find((x) => x.id === id)?.note, { timeout: 30_000 }).toBe('未推送');
      const after = await databases();
      expect(after).not.toContain(`_pouch_pizhu-team-${hash}`);
      expect(after).toContain(`_pouch_pizhu-replica-${hash}`);
      await writeTeamKey(c, null);
    } finally {
      await c.close();
    }
  });
});
