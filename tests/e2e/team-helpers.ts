// What the team tests do with a browser: join through the storage key the evaluation writes, ask the background for
// the sync status from an extension page, tag a passage, read the extension's database.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './harness';
import { selectPhrase } from './page-helpers';
import type { ConflictView, TeamStatus } from '../../sync/status';

interface Chrome {
  storage: { local: { get(keys: string | null): Promise<Record<string, unknown>>; set(items: object): Promise<void>; remove(key: string): Promise<void> } };
  runtime: { sendMessage(message: object): Promise<{ ok: boolean; value?: unknown; error?: { en: string } }> };
}
declare const chrome: Chrome;

export const TEAM_KEY = 'pizhu.sync';

/** Writes the team settings as the evaluation does: `chrome.storage.local` key `pizhu.sync`. */
export async function writeTeamKey(b: ExtensionBrowser, value: object | null): Promise<void> {
  await b.serviceWorker.evaluate(
    async ({ key, value }) => (value === null ? chrome.storage.local.remove(key) : chrome.storage.local.set({ [key]: value })),
    { key: TEAM_KEY, value },
  );
}

export async function readTeamKey(b: ExtensionBrowser): Promise<unknown> {
  return b.serviceWorker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], TEAM_KEY);
}

const extensionPages = new WeakMap<ExtensionBrowser, Page>();

/** An extension page of the browser's, kept open to send requests from, as the library does. */
async function extensionPage(b: ExtensionBrowser): Promise<Page> {
  let page = extensionPages.get(b);
  if (!page || page.isClosed()) {
    page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
    extensionPages.set(b, page);
  }
  return page;
}

export async function ask<T>(b: ExtensionBrowser, name: string, data?: unknown): Promise<T> {
  const page = await extensionPage(b);
  const reply = await page.evaluate(({ name, data }) => chrome.runtime.sendMessage({ pizhu: 'request', name, data }), { name, data });
  if (!reply?.ok) throw new Error(`${name}: ${reply?.error?.en ?? 'no answer'}`);
  return reply.value as T;
}

export const statusOf = (b: ExtensionBrowser) => ask<TeamStatus>(b, 'sync:status');
export const conflictsOf = (b: ExtensionBrowser) => ask<ConflictView[]>(b, 'sync:conflicts', {});

/** Tags the first occurrence of `phrase` with the first term the picker finds for `search`, with a note. */
export async function tag(page: Page, phrase: string, search: string, note = ''): Promise<void> {
  const picker = page.locator('pizhu-tagger [role="dialog"]');
  await selectPhrase(page, phrase);
  await page.locator('pizhu-tagger .tag-button').click();
  await picker.waitFor();
  await picker.locator('input[type="search"]').fill(search);
  await picker.locator('input[type="search"]').press('Enter');
  if (note) await picker.locator('textarea').fill(note);
  await picker.getByRole('button', { name: /完成|Done/ }).click();
  await picker.waitFor({ state: 'detached' });
}

/** Opens the picker of the tagged passage `phrase` (a click on it), sets its note, closes it. */
export async function editNote(page: Page, phrase: string, note: string): Promise<void> {
  const picker = page.locator('pizhu-tagger [role="dialog"]');
  const box = await page.evaluate((phrase) => {
    const ranges = [...(CSS.highlights.get('pizhu-annotation') ?? [])] as Range[];
    const range = ranges.find((r) => r.toString() === phrase);
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return { x: rect.left + Math.min(4, rect.width / 2), y: rect.top + rect.height / 2 };
  }, phrase);
  if (!box) throw new Error(`no tagged passage ${phrase}`);
  await page.mouse.click(box.x, box.y);
  await picker.waitFor();
  // As a person would: once the picker has settled (its search box takes the focus when it opens).
  await picker.locator('input[type="search"]').click();
  await picker.locator('textarea').fill(note);
  await picker.getByRole('button', { name: /完成|Done/ }).click();
  await picker.waitFor({ state: 'detached' });
}

/** The rows of a table of the extension's database, read in the worker. */
export function readTable<T>(b: ExtensionBrowser, table: string): Promise<T[]> {
  return b.serviceWorker.evaluate(async (table) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pizhu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<T[]>((resolve, reject) => {
      const req = db.transaction(table).objectStore(table).getAll();
      req.onsuccess = () => resolve(req.result as T[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows;
  }, table);
}

/** Basic-auth headers for the test's own requests to the server. */
export function basic(name: string, password: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`, 'Content-Type': 'application/json' };
}
