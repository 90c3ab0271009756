// A research team shares one codebook and its annotations through CouchDB: two browser profiles with the extension,
// and a CouchDB-compatible server (pouchdb-server, with the team's security and validation) started here on
// loopback, behind a proxy the test can cut. In both browsers; what only Chromium's driver can check (the worker's
// own requests, a restart of the same profile) is in chromium-team.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../../scripts/team-server.mjs';
import type { AnnotationRecord, Term } from '../../model';
import { launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';
import { highlightTexts, openSidePanel } from './page-helpers';
import { basic, conflictsOf, editNote, readTable, readTeamKey, statusOf, tag, writeTeamKey } from './team-helpers';

const REPORT = 'zhangdian-2017-report';
const PASSAGE = '将全区177项行政审批事项压缩至92项';
const EDITOR = { name: 'wang', password: 'wang-pw-1', editor: true };
const CODER = { name: 'li', password: 'li-pw-1', editor: false };

let server: TeamServer;
let a: ExtensionBrowser;
let b: ExtensionBrowser;
let pageA: Page;
let pageB: Page;

beforeAll(async () => {
  server = await startTeamServer({ users: [EDITOR, CODER] });
  a = await launchWithExtension();
  b = await launchWithExtension({ server: a.server });
  pageA = await a.context.newPage();
  pageB = await b.context.newPage();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
});

describe('a team of two browsers', () => {
  it('starts syncing within 5 s of the settings being written, and keeps the password out of extension storage', async () => {
    const started = Date.now();
    await writeTeamKey(a, { url: server.url, username: EDITOR.name, password: EDITOR.password });
    await writeTeamKey(b, { url: server.url, username: CODER.name, password: CODER.password });
    await expect.poll(async () => (await statusOf(a)).state, { timeout: 5000 }).toBe('connected');
    await expect.poll(async () => (await statusOf(b)).state, { timeout: 5000 }).toBe('connected');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await statusOf(a)).toMatchObject({ username: 'wang', editor: true, roles: ['pizhu-editor:team'] });
    expect(await statusOf(b)).toMatchObject({ username: 'li', editor: false });
    expect(await readTeamKey(a)).toEqual({ url: server.url, username: EDITOR.name });
  });

  it('A tags a passage; B’s open page draws it as a teammate’s', async () => {
    await visit(pageA, a.urlFor(REPORT));
    await visit(pageB, b.urlFor(REPORT));
    await tag(pageA, PASSAGE, '放管服', 'A 的备注');
    await expect.poll(() => highlightTexts(pageB, 'pizhu-annotation-others'), { timeout: 15_000 }).toEqual([PASSAGE]);
    expect(await highlightTexts(pageA, 'pizhu-annotation-others')).toEqual([]);
    await expect.poll(async () => (await readTable<AnnotationRecord>(b, 'annotations'))[0], { timeout: 15_000 })
      .toMatchObject({ note: 'A 的备注', creator: { name: 'wang' } });
  });

  it('B edits it; A sees the edit', async () => {
    await editNote(pageB, PASSAGE, 'B 改过的备注');
    await expect.poll(async () => (await readTable<AnnotationRecord>(a, 'annotations'))[0]?.note, { timeout: 15_000 }).toBe('B 改过的备注');
    // Still A's annotation, edited by B.
    expect((await readTable<AnnotationRecord>(a, 'annotations'))[0].creator?.name).toBe('wang');
  });
});

/** The note of the one annotation on the report, in the browser's database. */
const noteIn = async (x: ExtensionBrowser) => (await readTable<AnnotationRecord>(x, 'annotations')).find((r) => r.quote?.exact === PASSAGE)?.note;

async function openLibraryTab(x: ExtensionBrowser, tab: RegExp): Promise<Page> {
  const library = await x.context.newPage();
  await library.goto(x.extensionUrl('library.html'));
  await library.getByRole('tab', { name: tab }).click();
  return library;
}

describe('offline, conflicts and the codebook', () => {
  it('both edit one annotation while the server is down: once it is back, both show the conflict, nothing lost', async () => {
    server.cut();
    try {
      await editNote(pageA, PASSAGE, 'A 离线时改的');
      await editNote(pageB, PASSAGE, 'B 离线时改的');
      await expect.poll(async () => (await statusOf(a)).state, { timeout: 30_000 }).toBe('offline');
    } finally {
      server.restore();
    }
    for (const x of [a, b]) {
      await expect.poll(async () => (await conflictsOf(x)).length, { timeout: 60_000 }).toBe(1);
      const [conflict] = await conflictsOf(x);
      expect(conflict.versions.map((v) => (v.record as AnnotationRecord).note).sort()).toEqual(['A 离线时改的', 'B 离线时改的']);
      expect(conflict.versions.map((v) => v.by).sort()).toEqual(['li', 'wang']);
    }
  });

  it('the Team tab shows both versions side by side; a merge keeps both notes, on both machines', async () => {
    const library = await openLibraryTab(a, /团队|Team/);
    const conflict = library.locator('.lib-conflict');
    await conflict.waitFor();
    expect(await conflict.locator('.lib-version-box').count()).toBe(2);
    const shown = await conflict.textContent();
    expect(shown).toContain('A 离线时改的');
    expect(shown).toContain('B 离线时改的');
    expect(shown).toContain(PASSAGE);
    await conflict.getByRole('button', { name: /合并|Merge/ }).click();
    await conflict.waitFor({ state: 'detached' });
    for (const x of [a, b]) {
      await expect.poll(async () => (await conflictsOf(x)).length, { timeout: 30_000 }).toBe(0);
      await expect.poll(() => noteIn(x), { timeout: 30_000 }).toMatch(/A 离线时改的[\s\S]*B 离线时改的|B 离线时改的[\s\S]*A 离线时改的/);
    }
    await library.close();
  });

  it('A (an editor) renames a term: B’s open page shows the new label without a reload', async () => {
    const term = (await readTable<Term>(a, 'terms')).find((t) => t.label.zh.includes('放管服'))!;
    const library = await openLibraryTab(a, /分类表|Taxonomy/);
    const zh = library.locator(`.lib-term input[type=text][aria-label$=" ${term.notation}"]`).first();
    await zh.fill('简政放权（团队新名）');
    await zh.press('Enter');
    const panel = await openSidePanel(b, pageB);
    await panel.getByRole('tab', { name: /批注|Annotations/ }).click();
    await expect.poll(() => panel.locator('.annotation-list .term-chip').first().textContent(), { timeout: 20_000 }).toContain('简政放权（团队新名）');
    await panel.close();
    await library.close();
  });

  it('B (a coder) cannot change the codebook: the server refuses, the edit is undone, and the Team tab says so', async () => {
    const term = (await readTable<Term>(b, 'terms')).find((t) => t.label.zh === '简政放权（团队新名）')!;
    // The server itself refuses a coder's write of a term, whatever the client.
    const direct = await fetch(`${server.url}/${encodeURIComponent(`term:${term.id}`)}`, {
      method: 'PUT', headers: basic(CODER.name, CODER.password),
      body: JSON.stringify({ type: 'term', schema: 1, data: { ...term, label: { zh: '擅改', en: 'x' } }, by: CODER.name }),
    });
    expect(direct.status).toBe(403);
    expect((await direct.json()).reason).toMatch(/codebook editors/);

    const library = await openLibraryTab(b, /分类表|Taxonomy/);
    const zh = library.locator(`.lib-term input[type=text][aria-label$=" ${term.notation}"]`).first();
    await zh.fill('编码员擅改的名称');
    await zh.press('Enter');
    await expect.poll(async () => (await readTable<Term>(b, 'terms')).find((t) => t.id === term.id)?.label.zh, { timeout: 20_000 }).toBe('简政放权（团队新名）');
    await library.getByRole('tab', { name: /团队|Team/ }).click();
    await expect.poll(() => library.locator('.lib-team-problems').textContent(), { timeout: 10_000 }).toContain('编码员擅改的名称');
    await library.close();
  });

  it('A works offline for a while, then syncs: B’s page draws everything A did', async () => {
    const library = await openLibraryTab(a, /团队|Team/);
    const waiting = () => library.locator('.lib-team-pending').getAttribute('data-pending').then(Number);
    const lastBefore = (await statusOf(a)).lastSync;
    server.cut();
    try {
      await expect.poll(async () => (await statusOf(a)).state, { timeout: 30_000 }).toBe('offline');
      // The term was renamed above: the picker finds it by its new name.
      await tag(pageA, '精简率达48.6%', '简政放权');
      await tag(pageA, '办结时限缩短70%以上', '简政放权');
      expect((await readTable<AnnotationRecord>(a, 'annotations')).length).toBe(3);
      // The Team tab counts what waits for the server: two annotations (their page is already there).
      await expect.poll(waiting, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      expect(await library.locator('.lib-team-state').getAttribute('data-state')).toBe('offline');
      await pageA.waitForTimeout(3000);
      expect(await highlightTexts(pageB, 'pizhu-annotation-others')).toEqual([PASSAGE]);
    } finally {
      server.restore();
    }
    await expect.poll(() => highlightTexts(pageB, 'pizhu-annotation-others'), { timeout: 60_000 })
      .toEqual(expect.arrayContaining([PASSAGE, '精简率达48.6%', '办结时限缩短70%以上']));
    await expect.poll(async () => (await statusOf(a)).state, { timeout: 30_000 }).toBe('connected');
    await expect.poll(waiting, { timeout: 30_000 }).toBe(0);
    expect((await statusOf(a)).lastSync! > (lastBefore ?? '')).toBe(true);
    await library.close();
  });

  it('B chooses whose annotations pages draw in the Team tab: its own only hides A’s, A chosen shows them again', async () => {
    const drawn = () => highlightTexts(pageB, 'pizhu-annotation-others');
    expect((await drawn()).length).toBe(3);
    const library = await openLibraryTab(b, /团队|Team/);
    await library.getByRole('radio', { name: /只显示我的|Mine only/ }).check();
    await expect.poll(drawn, { timeout: 10_000 }).toEqual([]);
    await library.getByRole('radio', { name: /选定的编码员|Chosen coders/ }).check();
    await library.getByRole('checkbox', { name: EDITOR.name }).check();
    await expect.poll(async () => (await drawn()).length, { timeout: 10_000 }).toBe(3);
    await library.getByRole('radio', { name: /所有人的|Everyone’s/ }).check();
    await library.close();
  });
});

describe('credentials', () => {
  it('a page and its content script cannot read the credentials or ask for the team’s status', async () => {
    const answer = await a.evaluateInExtension(async (url) => {
      const { chrome } = globalThis as unknown as { chrome: {
        tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
        scripting: { executeScript(o: object): Promise<{ result: unknown }[]> };
      } };
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url)!;
      const [isolated] = await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        func: async () => {
          const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> } }; runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome;
          const storage = await c.storage.local.get(null).then((v) => JSON.stringify(v), (e: Error) => `refused: ${e.message}`);
          const status = await c.runtime.sendMessage({ pizhu: 'request', name: 'sync:status' }).then((v) => JSON.stringify(v), (e: Error) => `refused: ${e.message}`);
          return { storage, status };
        },
      });
      const [main] = await chrome.scripting.executeScript({
        target: { tabId: tab.id }, world: 'MAIN',
        func: () => JSON.stringify({ html: document.documentElement.outerHTML.length, keys: Object.keys(window).length, hasChromeStorage: !!(globalThis as { chrome?: { storage?: unknown } }).chrome?.storage }),
      });
      return { isolated: isolated.result as { storage: string; status: string }, main: main.result as string };
    }, pageA.url());
    // Chrome keeps extension storage from content scripts (setAccessLevel); Firefox has no such switch, which is why
    // the password is never there: either way a content script finds no password.
    if (a.name === 'chromium') expect(answer.isolated.storage).toMatch(/^refused/);
    expect(answer.isolated.storage).not.toContain(EDITOR.password);
    expect(answer.isolated.status).not.toContain(EDITOR.password);
    expect(answer.isolated.status).toMatch(/"ok":false/);
    expect(answer.isolated.status).toMatch(/forbidden/);
    expect(JSON.parse(answer.main).hasChromeStorage).toBe(false);
    expect(await pageA.evaluate(() => document.documentElement.outerHTML)).not.toContain(EDITOR.password);
    // Nowhere in extension storage either.
    const everything = await a.evaluateInExtension(async () => JSON.stringify(await (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> } } } }).chrome.storage.local.get(null)), null);
    expect(everything).not.toContain(EDITOR.password);
  });
});

describe('leaving and joining from the Team tab', () => {
  it('leaving stops sync and keeps everything here', async () => {
    const before = (await readTable<AnnotationRecord>(a, 'annotations')).length;
    await writeTeamKey(a, null);
    await expect.poll(async () => (await statusOf(a)).state, { timeout: 5000 }).toBe('off');
    expect((await readTable<AnnotationRecord>(a, 'annotations')).length).toBe(before);
    expect(await readTable(a, 'outbox')).toEqual([]);
  });

  it('joined while the server is down: tries at once, says offline, and connects within 30 s of the server answering after a long outage', async () => {
    server.cut();
    const outage = Date.now();
    try {
      await writeTeamKey(a, { url: server.url, username: EDITOR.name, password: EDITOR.password });
      await expect.poll(async () => (await statusOf(a)).state, { timeout: 5000 }).toBe('offline');
      // Long enough for replication's back-off to have grown past its cap, had it none.
      await pageA.waitForTimeout(Math.max(0, 45_000 - (Date.now() - outage)));
      expect((await statusOf(a)).state).toBe('offline');
    } finally {
      server.restore();
    }
    const back = Date.now();
    await expect.poll(async () => (await statusOf(a)).state, { timeout: 30_000, interval: 250 }).toBe('connected');
    expect(Date.now() - back).toBeLessThan(30_000);
    await writeTeamKey(a, null);
    await expect.poll(async () => (await statusOf(a)).state, { timeout: 5000 }).toBe('off');
  }, 120_000);

  it('joins from the Team tab: the server’s own reason for a wrong password, then connected', async () => {
    const library = await openLibraryTab(a, /团队|Team/);
    const form = library.locator('.lib-team-form');
    await form.locator('input[type=url]').fill(server.url);
    await form.locator('input[type=text]').fill(EDITOR.name);
    await form.locator('input[type=password]').fill('wrong-password');
    await form.getByRole('button', { name: /加入|Join/ }).click();
    await expect.poll(() => library.locator('.lib-team-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('refused');
    expect(await library.locator('.lib-team-reason').textContent()).toContain('Name or password is incorrect.');
    await library.getByRole('button', { name: /退出团队|Leave the team/ }).click();
    await form.locator('input[type=url]').fill(server.url);
    await form.locator('input[type=text]').fill(EDITOR.name);
    await form.locator('input[type=password]').fill(EDITOR.password);
    await form.getByRole('button', { name: /加入|Join/ }).click();
    await expect.poll(() => library.locator('.lib-team-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('connected');
    await library.close();
  });

  it('refuses plain http to another machine, saying why, and sends nothing', async () => {
    await writeTeamKey(b, { url: 'http://couch.example.edu/team', username: CODER.name, password: CODER.password });
    await expect.poll(async () => (await statusOf(b)).state, { timeout: 5000 }).toBe('invalid');
    expect((await statusOf(b)).problem?.en).toMatch(/HTTPS/);
  });
});
