// The library's small states: export buttons that say why they are off when nothing is shown, and a notice that
// stays on the tab it belongs to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type Page } from './harness';
import { openLibrary } from './library-helpers';

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await openLibrary(browser);
});
afterAll(async () => {
  await browser?.close();
});

const EXPORTS = [/JSON-LD/, /导出 CSV|Export CSV/, /导出 Excel|Export Excel/, /REFI-QDA/];

describe('the library, empty', () => {
  it('turns the export buttons off and says why', async () => {
    expect(await page.locator('#library-count').getAttribute('data-total')).toBe('0');
    for (const name of EXPORTS) {
      const button = page.locator('.lib-export').getByRole('button', { name });
      expect(await button.isDisabled()).toBe(true);
      expect(await button.getAttribute('title')).toMatch(/没有可导出的批注|Nothing to export/);
    }
    expect(await page.locator('.lib-export .lib-hint').textContent()).toMatch(/没有可导出的批注|Nothing to export/);
  });

  it('keeps a tab’s notice on that tab', async () => {
    await page.getByRole('tab', { name: /备份|Backup/ }).click();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载备份|Download a backup/ }).click()]);
    const notice = page.getByRole('status').filter({ hasText: /已下载|Downloaded/ });
    await notice.waitFor();
    await page.getByRole('tab', { name: /^(批注|Annotations)$/ }).click();
    await page.locator('.lib-export').waitFor();
    expect(await page.locator('.lib-notice').count()).toBe(0);
    await page.getByRole('tab', { name: /分类表|Taxonomy/ }).click();
    expect(await page.locator('.lib-notice').count()).toBe(0);
    await page.getByRole('tab', { name: /备份|Backup/ }).click();
    await notice.waitFor();
  });
});
