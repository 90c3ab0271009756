// The coder, end to end: named once, when the tag picker first asks; credited with every annotation made here; in
// every export under the name they go by now, with the same IRI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';
import { download, openLibrary, tempDir, W3C_CHECK } from './library-helpers';
import { clickGuest, highlightTexts, picker as pickerIn, pickerBox, selectPhrase } from './page-helpers';

const temp = tempDir('pizhu-coder-e2e-');
const REPORT = 'zhangdian-2017-report';
const PASSAGE = '将全区177项行政审批事项压缩至92项';

function check(file: string): string {
  try {
    return execFileSync('node', [W3C_CHECK, file], { encoding: 'utf8' });
  } catch (e) {
    return (e as { stdout: string }).stdout;
  }
}

let browser: ExtensionBrowser;
let library: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  library = await openLibrary(browser);
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(temp.dir, { recursive: true, force: true });
});

describe('the coder', () => {
  let page: Page;
  const picker = () => pickerIn(page);
  const pickerShown = async () => (await pickerBox(page)) !== null && (await picker().count()) === 1;

  it('is asked for a name at the tag picker’s first use, and credited with the annotation', async () => {
    page = await browser.context.newPage();
    await visit(page, browser.urlFor(REPORT));
    await selectPhrase(page, PASSAGE);
    await clickGuest(page, '.tag-button');
    await expect.poll(pickerShown).toBe(true);
    const prompt = picker().getByRole('group', { name: /编码人|Coder/ });
    await prompt.getByRole('textbox').fill('王小明');
    await prompt.getByRole('textbox').press('Enter');
    await expect.poll(() => prompt.count()).toBe(0);
    await picker().locator('input[type="search"]').fill('放管服');
    await picker().locator('input[type="search"]').press('Enter');
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE]);
    await picker().getByRole('button', { name: /完成|Done/ }).click();
    // Asked once: the next passage's picker does not ask again.
    await selectPhrase(page, '精简率达48.6%');
    await clickGuest(page, '.tag-button');
    await expect.poll(pickerShown).toBe(true);
    expect(await picker().getByRole('group', { name: /编码人|Coder/ }).count()).toBe(0);
    await picker().locator('input[type="search"]').press('Escape');
  });

  it('is in the library’s exports under the name it goes by now, with the same IRI', async () => {
    await library.reload();
    await library.locator('#library-count[data-total="1"]').waitFor();
    const name = library.locator('.lib-coder input[type=text]');
    await expect(name.inputValue()).resolves.toBe('王小明');
    await name.fill('王晓明');
    await library.locator('.lib-coder button[type=submit]').click();
    await library.getByRole('status').filter({ hasText: /王晓明/ }).waitFor();
    const file = await download(library, /JSON/, 'with-coder.jsonld', temp.dir);
    const mine = (JSON.parse(fs.readFileSync(file, 'utf8')).first.items as Record<string, unknown>[]).filter((a) => (a.creator as { name?: string })?.name === '王晓明');
    expect(mine).toHaveLength(1);
    expect(mine[0].creator).toMatchObject({ id: expect.stringMatching(/^urn:uuid:/), type: 'Person', name: '王晓明' });
    expect(check(file)).toMatch(/\b0 failed/);
    // Excel is written in a worker: the coder's current name reaches it too.
    const workbook = unzipSync(new Uint8Array(fs.readFileSync(await download(library, /Excel/, 'with-coder.xlsx', temp.dir))));
    const strings = strFromU8(workbook['xl/sharedStrings.xml']);
    expect(strings).toContain('王晓明');
    expect(strings).not.toContain('王小明');
  });
});

