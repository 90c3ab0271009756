// Chrome's alone: the tag picker's page is web-accessible there only under a per-session address (use_dynamic_url in
// wxt.config.ts), so a page cannot name the address Pizhu frames it from, and the extension's fixed address loads
// nothing in a page's frame. (Firefox has no such address: its extension addresses are random for each install, and
// hostile-pages.test.ts checks in both browsers that a picker framed by the page, at whatever address, shows nothing.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';
import { clickGuest, pickerBox, pickerFrame, pickerSource, selectPhrase } from './page-helpers';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('the picker’s address in Chrome', () => {
  it('is a per-session one, and a page that frames the fixed address gets nothing', async () => {
    await visit(page, browser.urlFor('zhangdian-2017-report'));
    await selectPhrase(page, '将全区177项行政审批事项压缩至92项');
    await clickGuest(page, '.tag-button');
    await expect.poll(() => pickerBox(page)).not.toBeNull();
    const ours = await pickerFrame(page);
    const address = await pickerSource(page);
    expect(address).toMatch(/^chrome-extension:\/\/[\w-]+\/picker\.html$/);
    expect(address).not.toContain(browser.extensionId);

    // The page frames the fixed address.
    await page.evaluate((url) => new Promise((resolve) => {
      const frame = document.createElement('iframe');
      frame.onload = resolve;
      frame.src = url;
      document.body.append(frame);
    }), browser.extensionUrl('picker.html'));
    const theirs = page.frames().filter((frame) => frame.parentFrame() === page.mainFrame() && frame !== ours);
    expect(theirs).toHaveLength(1);
    expect(theirs[0].url()).not.toMatch(/picker\.html$/);
  });
});
