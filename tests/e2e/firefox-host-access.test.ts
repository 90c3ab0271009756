// Firefox lets a user withdraw an MV3 add-on's host permissions (about:addons, the extensions menu): the content
// script stops running, and the panel says why and asks for access again; given it, the page is read. Firefox only:
// Chromium refuses to remove a manifest's host permissions from the extension itself, so a test cannot withhold them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, revisit, visit, type ExtensionBrowser, type Page } from './harness';
import { openSidePanel } from './page-helpers';

const REPORT = 'zhangdian-2017-report';
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  // Firefox answers an add-on's permission request with a prompt in its own window, which WebDriver cannot click:
  // this preference has it answer yes instead, as the user would.
  browser = await launchWithExtension({ firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const withdraw = () => browser.evaluateInExtension(async () => {
  const { chrome } = globalThis as unknown as { chrome: { runtime: { getManifest(): { host_permissions: string[] } };
    permissions: { remove(p: { origins: string[] }): Promise<boolean> } } };
  return chrome.permissions.remove({ origins: chrome.runtime.getManifest().host_permissions });
}, null);

describe('access to websites, withdrawn in Firefox', () => {
  it('is asked for again from the panel, and the page is read once it is given', async () => {
    expect(await visit(page, browser.urlFor(REPORT))).toBe('report');
    const panel = await openSidePanel(browser, page);
    await panel.getByRole('checkbox', { name: /www\.zhangdian\.gov\.cn/ }).waitFor();
    expect(await panel.locator('.host-access').count()).toBe(0);

    expect(await withdraw()).toBe(true);
    const notice = panel.getByRole('alert').filter({ hasText: /没有访问此网站的权限|no access to this website/ });
    await notice.waitFor();
    expect(await revisit(page, { timeout: 2000 })).toBeNull();

    await panel.getByRole('button', { name: /允许访问网站|Allow access to websites/ }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.pizhuKind ?? null), { timeout: 10_000 })
      .toBe('report');
    await notice.waitFor({ state: 'detached' });
    await panel.close();
  });
});
