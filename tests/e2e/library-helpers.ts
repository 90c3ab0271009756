// What e2e tests do in the library page: open it, import a file (saying whose its annotations are when asked),
// download an export.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedFixturesDir } from '../../scripts/serve-fixtures.mjs';
import type { ExtensionBrowser, Page } from './harness';

export const W3C_CHECK = path.join(sharedFixturesDir, '..', 'tools/w3c-check/check.mjs');

export function tempDir(prefix: string): { dir: string; write(name: string, content: string | Buffer): string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    },
  };
}

export async function openLibrary(b: ExtensionBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(b.extensionUrl('library.html'));
  await page.locator('#library-count[data-total]').waitFor();
  await page.waitForFunction(() => document.querySelector('#library-count')?.textContent !== '');
  return page;
}

export const count = (page: Page) => page.locator('#library-count').getAttribute('data-count').then(Number);

/** When the preview asks whose the file's annotations are: "mine". */
export async function answerMine(page: Page): Promise<void> {
  const preview = page.getByRole('region', { name: /导入预览|Import preview/ });
  await preview.waitFor();
  const whose = preview.getByRole('radio', { name: /^(我的|Mine)/ });
  if (await whose.count()) await whose.check();
}

export async function importFile(page: Page, file: string): Promise<void> {
  await page.setInputFiles('.lib-import input[type=file]', file);
  await answerMine(page);
  await page.getByRole('button', { name: /导入|Import/ }).click();
  await page.getByRole('status').filter({ hasText: /已导入|Imported/ }).waitFor();
}

export async function download(page: Page, name: RegExp, as: string, dir: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name }).click()]);
  const file = path.join(dir, as);
  await d.saveAs(file);
  return file;
}
