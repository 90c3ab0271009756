// Annotations from elsewhere and coders, end to end in Chromium with the built extension: a file of other tools'
// W3C annotations (every example of the W3C model and a Hypothesis-shaped file) imported and exported passes the
// W3C test suite's checker; the import asks whose unattributed annotations are; the coder named at the picker's
// first use is in every export; an imported annotation that gave only its quote gets the position it anchored at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, visit, type ExtensionBrowser } from './harness';
import { count, download, importFile, openLibrary, tempDir, W3C_CHECK } from './library-helpers';
import { highlightTexts, selectPhrase } from './page-helpers';

const temp = tempDir('pizhu-exchange-e2e-');
const FIXTURES = path.resolve(__dirname, '../fixtures');
const REPORT = 'zhangdian-2017-report';
const PASSAGE = '将全区177项行政审批事项压缩至92项';

function foreignFile(): unknown[] {
  const dir = path.join(FIXTURES, 'w3c-examples');
  const examples = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  const hypothesis = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'hypothesis/annotations.jsonld'), 'utf8'));
  return [...examples, ...hypothesis];
}

function check(file: string): string {
  try {
    return execFileSync('node', [W3C_CHECK, file], { encoding: 'utf8' });
  } catch (e) {
    return (e as { stdout: string }).stdout;
  }
}

/** An annotation record as the extension's database holds it, read in the background. */
function stored(b: ExtensionBrowser, id: string): Promise<Record<string, unknown> | undefined> {
  return b.serviceWorker.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pizhu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const record = await new Promise<Record<string, unknown> | undefined>((resolve) => {
      const req = db.transaction('annotations').objectStore('annotations').get(id);
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return record;
  }, id);
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

describe('a file of other tools’ annotations', () => {
  it('previews what the reading changed and asks whose the annotations are', async () => {
    await library.setInputFiles('.lib-import input[type=file]', temp.write('foreign.jsonld', JSON.stringify(foreignFile())));
    const preview = library.getByRole('region', { name: /导入预览|Import preview/ });
    await preview.waitFor();
    await expect(preview.locator('[data-count=new]').textContent()).resolves.toMatch(/\b44\b/);
    await expect(preview.locator('[data-notice=listsFlattened]').textContent()).resolves.toMatch(/\b4\b/);
    const whose = preview.getByRole('group', { name: /没有写明是谁做的|do not say who made them/ });
    await expect(whose.textContent()).resolves.toMatch(/\b3\d\b/);
    const confirm = library.getByRole('button', { name: /导入|Import/ });
    expect(await confirm.isDisabled()).toBe(true);
    await whose.getByRole('radio', { name: /另一位同事|Another colleague/ }).check();
    await whose.getByRole('textbox').fill('李四');
    await confirm.click();
    await library.locator('#library-count[data-count="44"]').waitFor();
  });

  it('exports JSON-LD that passes the W3C checker: 0 failed', async () => {
    const file = await download(library, /JSON/, 'foreign-export.jsonld', temp.dir);
    const out = check(file);
    expect(out).toContain('checked 44 annotation(s)');
    expect(out).toMatch(/\b0 failed/);
    const items = JSON.parse(fs.readFileSync(file, 'utf8')).first.items as Record<string, unknown>[];
    const anno41 = items.find((a) => a.id === 'http://example.org/anno41')!;
    expect(anno41).toMatchObject({ stylesheet: { id: 'http://example.org/stylesheet1', type: 'CssStylesheet' }, generated: '2015-10-14T15:13:28Z' });
    // Credited to the colleague named in the preview, where the file named nobody; Hypothesis's users keep theirs.
    expect(items.find((a) => a.id === 'http://example.org/anno1')!.creator).toMatchObject({ type: 'Person', name: '李四' });
    expect(items.find((a) => a.id === 'https://hypothes.is/a/Xq3kVNpfEe6m2xN4r1yZ8w')!.creator).toBe('acct:wang.xiaoming@hypothes.is');
  });

  it('exports CSV with the creator column filled', async () => {
    const file = await download(library, /CSV/, 'foreign-export.csv', temp.dir);
    const lines = fs.readFileSync(file, 'utf8').slice(1).split('\r\n').filter(Boolean);
    const creators = lines.slice(1).map((l) => l.split(',')[2]);
    expect(creators.filter((c) => c === '李四').length).toBeGreaterThan(30);
    expect(creators).toContain('acct:wang.xiaoming@hypothes.is');
    expect(creators.every((c) => c !== '')).toBe(true);
  });
});

describe('the coder', () => {
  let page: Page;
  const picker = () => page.locator('pizhu-tagger [role="dialog"]');

  it('is asked for a name at the tag picker’s first use, and credited with the annotation', async () => {
    page = await browser.context.newPage();
    await visit(page, browser.urlFor(REPORT));
    await selectPhrase(page, PASSAGE);
    await page.locator('pizhu-tagger .tag-button').click();
    await expect.poll(() => picker().isVisible()).toBe(true);
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
    await page.locator('pizhu-tagger .tag-button').click();
    await expect.poll(() => picker().isVisible()).toBe(true);
    expect(await picker().getByRole('group', { name: /编码人|Coder/ }).count()).toBe(0);
    await picker().locator('input[type="search"]').press('Escape');
  });

  it('is in the library’s exports under the name it goes by now, with the same IRI', async () => {
    await library.reload();
    await library.locator('#library-count[data-total="45"]').waitFor();
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

describe('an imported annotation that gave only its quote', () => {
  it('gets the position it anchored at on a visit, and the next export carries it in code points', async () => {
    const url = browser.urlFor(REPORT);
    const id = 'https://hypothes.is/a/quote-only-on-zhangdian';
    const file = temp.write('quote-only.jsonld', JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id,
      type: 'Annotation',
      creator: 'acct:zhao@hypothes.is',
      created: '2024-03-05T02:11:43Z',
      body: { type: 'TextualBody', value: '同一段', format: 'text/markdown' },
      target: { source: url, selector: { type: 'TextQuoteSelector', exact: PASSAGE } },
    }));
    await importFile(library, file);
    expect(await stored(browser, id)).not.toHaveProperty('position');

    const page = await browser.context.newPage();
    await visit(page, url);
    await expect.poll(async () => (await stored(browser, id))?.position).toBeTruthy();
    // The same passage, tagged here in Pizhu (test above), was stored with the same position.
    const own = await browser.serviceWorker.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('pizhu');
        req.onsuccess = () => resolve(req.result);
      });
      const all = await new Promise<Record<string, unknown>[]>((resolve) => {
        const req = db.transaction('annotations').objectStore('annotations').getAll();
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return all.find((a) => (a.quote as { exact?: string } | undefined)?.exact === '将全区177项行政审批事项压缩至92项' && !a.foreign);
    });
    const learned = (await stored(browser, id))!.position as { start: number; end: number };
    expect(learned).toEqual(own!.position);
    expect(learned.end - learned.start).toBe([...PASSAGE].length);

    await library.reload();
    await library.locator('#library-count[data-total]').waitFor();
    expect(await count(library)).toBeGreaterThan(0);
    const exported = await download(library, /JSON/, 'learned-position.jsonld', temp.dir);
    const item = (JSON.parse(fs.readFileSync(exported, 'utf8')).first.items as Record<string, unknown>[]).find((a) => a.id === id)!;
    expect(item.target).toEqual({
      source: url,
      selector: [{ type: 'TextQuoteSelector', exact: PASSAGE }, { type: 'TextPositionSelector', start: learned.start, end: learned.end }],
    });
    expect(check(exported)).toMatch(/\b0 failed/);
    await page.close();
  });
});
