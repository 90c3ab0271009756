// The user's switches reach the page from the background: content scripts read no extension storage of their own
// (chromium-storage-access.test.ts checks that Chromium refuses them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, readHighlights, visit, type ExtensionBrowser, type Page } from './harness';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await visit(page, browser.urlFor('zhangdian-2017-report'));
});
afterAll(async () => {
  await browser?.close();
});

describe('the user’s switches', () => {
  it('reach the page through the background when they change in extension storage', async () => {
    expect(await readHighlights(page, 'pizhu-figure')).not.toEqual([]);
    await browser.evaluateInExtension(async () => {
      const store = (globalThis as unknown as { chrome: { storage: { local: {
        get(key: string): Promise<Record<string, { disabledSites?: string[] } | undefined>>;
        set(items: object): Promise<void>;
      } } } }).chrome.storage.local;
      const { settings } = await store.get('settings');
      await store.set({ settings: { disabledSites: settings?.disabledSites ?? [], categories: { docno: true, figure: false, date: true } } });
    }, undefined);
    await expect.poll(() => readHighlights(page, 'pizhu-figure')).toEqual([]);
    expect(await readHighlights(page, 'pizhu-docno')).not.toEqual([]);
  });
});
