// What the team tests do with a browser: join through the storage key the evaluation writes, ask the background for
// the sync status from an extension page, tag a passage as a user does (page-helpers: the picker is in a frame inside
// Pizhu's closed root), read the extension's database. The same in Chromium and Firefox (driver.ts).
import type { ExtensionBrowser, Page } from './harness';
import { clickGuest, picker, pickerBox, selectPhrase } from './page-helpers';
import type { ConflictView, TeamStatus } from '../../sync/status';

interface Chrome {
  storage: { local: { get(keys: string | null): Promise<Record<string, unknown>>; set(items: object): Promise<void>; remove(key: string): Promise<void> } };
  runtime: { sendMessage(message: object): Promise<{ ok: boolean; value?: unknown; error?: { en: string } }> };
}

export const TEAM_KEY = 'pizhu.sync';

/** Writes the team settings as the evaluation does: `chrome.storage.local` key `pizhu.sync`. */
export async function writeTeamKey(b: ExtensionBrowser, value: object | null): Promise<void> {
  await b.evaluateInExtension(
    async ({ key, value }) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      return value === null ? chrome.storage.local.remove(key) : chrome.storage.local.set({ [key]: value });
    },
    { key: TEAM_KEY, value },
  );
}

export async function readTeamKey(b: ExtensionBrowser): Promise<unknown> {
  return b.evaluateInExtension(async (key) => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    return (await chrome.storage.local.get(key))[key];
  }, TEAM_KEY);
}

const extensionPages = new WeakMap<ExtensionBrowser, Promise<Page>>();

/**
 * An extension page of the browser's, kept open to send requests from, as the library does (the background answers
 * sync requests from the extension's own pages only; in Chromium evaluateInExtension runs in the worker, which
 * cannot message itself).
 */
function extensionPage(b: ExtensionBrowser): Promise<Page> {
  let page = extensionPages.get(b);
  if (!page) {
    page = (async () => {
      const opened = await b.context.newPage();
      await opened.goto(b.extensionUrl('sidepanel.html'));
      return opened;
    })();
    extensionPages.set(b, page);
  }
  return page;
}

export async function ask<T>(b: ExtensionBrowser, name: string, data?: unknown): Promise<T> {
  const page = await extensionPage(b);
  const reply = await page.evaluate(
    ({ name, data }) => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ pizhu: 'request', name, data }),
    { name, data },
  );
  if (!reply?.ok) throw new Error(`${name}: ${reply?.error?.en ?? 'no answer'}`);
  return reply.value as T;
}

export const statusOf = (b: ExtensionBrowser) => ask<TeamStatus>(b, 'sync:status');
export const conflictsOf = (b: ExtensionBrowser) => ask<ConflictView[]>(b, 'sync:conflicts', {});

/** Whether the picker is open on the page (its frame placed and its dialog there). */
async function pickerShown(page: Page): Promise<boolean> {
  return (await pickerBox(page)) !== null && (await picker(page).count()) === 1;
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Closes the open picker with its Done button, after setting its note when one is given. */
async function finishPicker(page: Page, note: string | undefined): Promise<void> {
  if (note !== undefined) await picker(page).locator('textarea').fill(note);
  await picker(page).getByRole('button', { name: /完成|Done/ }).click();
  await waitUntil('the picker closed', async () => (await picker(page).count()) === 0).catch(async (e: Error) => {
    const frame = await pickerBox(page).catch(() => '?');
    throw new Error(`${e.message}; its frame on the page: ${JSON.stringify(frame)}; it shows: ${await picker(page).textContent().catch(() => '?')}`);
  });
}

/** Tags the first occurrence of `phrase` with the first term the picker finds for `search`, with a note. */
export async function tag(page: Page, phrase: string, search: string, note?: string): Promise<void> {
  await selectPhrase(page, phrase);
  await clickGuest(page, '.tag-button');
  await waitUntil('the picker open', () => pickerShown(page));
  await picker(page).locator('input[type="search"]').fill(search);
  await picker(page).locator('input[type="search"]').press('Enter');
  await finishPicker(page, note);
}

/** Opens the picker of the tagged passage `phrase` (a click on it), sets its note, closes it. */
export async function editNote(page: Page, phrase: string, note: string): Promise<void> {
  await page.bringToFront();
  // A click opens a tagged passage only while nothing is selected (a press inside a selection may start a drag); the
  // passage this page tagged last may still be selected, as it would be for a user, who clicks it away first.
  await page.evaluate(() => getSelection()?.removeAllRanges());
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
  await waitUntil('the picker open', () => pickerShown(page));
  // As a person would: once the picker has settled (its search box takes the focus when it opens).
  await picker(page).locator('input[type="search"]').click();
  await finishPicker(page, note);
}

/** The rows of a table of the extension's database, read in the extension's origin. */
export function readTable<T>(b: ExtensionBrowser, table: string): Promise<T[]> {
  return b.evaluateInExtension(async (table) => {
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
