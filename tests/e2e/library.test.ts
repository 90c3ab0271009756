// The library page in Chromium with the built extension: import with a preview, the three exports (checked against
// the W3C test suite, the CSV's BOM and Chinese header, the workbook's sheets), a round trip into an empty
// profile, bad files that change nothing, and the taxonomy editor's rename → .qdc → merge summary.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser, type Page } from './harness';
import { answerMine, count, download as downloadTo, importFile, openLibrary, tempDir, W3C_CHECK } from './library-helpers';

const temp = tempDir('pizhu-library-e2e-');
const tmp = temp.dir;

const PAGE_A = 'http://www.zhangxian.gov.cn/zwgk/2024/fzzf.html';
// A fixture page the harness serves (its URL carries the server's port), so that the tab opened from the library
// loads; set once the browser is up.
let PAGE_B = '';
const TERM_REVIEW = 'https://team.example/codes/review';

/** A W3C collection as another Pizhu (or a generic tool) writes it: concepts, pages, a plain text tag. */
function sampleCollection() {
  const annotation = (n: number, page: string, exact: string, body: unknown[]) => ({
    id: `urn:uuid:5e1d0000-0000-4000-8000-00000000000${n}`,
    type: 'Annotation',
    motivation: 'classifying',
    created: `2024-04-0${n}T08:00:00.000Z`,
    modified: `2024-04-0${n}T09:00:00.000Z`,
    body,
    target: {
      type: 'SpecificResource',
      source: { id: page, type: 'Text' },
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '一年来，', suffix: '。' },
        { type: 'TextPositionSelector', start: 10 * n, end: 10 * n + exact.length },
      ],
    },
  });
  return {
    '@context': ['http://www.w3.org/ns/anno.jsonld'],
    id: 'urn:uuid:5e1d0000-0000-4000-8000-0000000000cc',
    type: 'AnnotationCollection',
    total: 3,
    first: {
      id: 'urn:uuid:5e1d0000-0000-4000-8000-0000000000cc#page-1',
      type: 'AnnotationPage',
      startIndex: 0,
      items: [
        annotation(1, PAGE_A, '行政复议案件纠错率为12.5%', [{ type: 'SpecificResource', purpose: 'classifying', source: TERM_REVIEW }]),
        annotation(2, PAGE_A, '全面推进依法行政', [
          { type: 'SpecificResource', purpose: 'classifying', source: TERM_REVIEW },
          { type: 'TextualBody', purpose: 'commenting', value: '与上年相比有进步', format: 'text/plain' },
        ]),
        annotation(3, PAGE_B, '优化营商环境', [{ type: 'TextualBody', purpose: 'tagging', value: '营商环境' }]),
      ],
    },
    concepts: [{ id: TERM_REVIEW, type: 'Concept', prefLabel: { zh: '行政复议', en: 'Administrative review' }, color: '#aa3300' }],
    pages: [{ id: PAGE_A, type: 'Text', title: '张县2023年法治政府建设情况报告', issuer: '张县人民政府', docNumber: '张政字〔2024〕3号' }],
  };
}

const writeTemp = temp.write;
const download = (page: Page, name: RegExp, as: string) => downloadTo(page, name, as, tmp);

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  PAGE_B = browser.urlFor('zhangdian-2017-report');
  page = await openLibrary(browser);
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('library page', () => {
  it('starts empty and explains how to annotate', async () => {
    expect(await count(page)).toBe(0);
    await expect(page.getByRole('heading', { name: /还没有批注|No annotations yet/ }).isVisible()).resolves.toBe(true);
  });

  it('previews an import (3 new), writes it on confirm and shows the rows', async () => {
    const file = writeTemp('sample.jsonld', JSON.stringify(sampleCollection()));
    await page.setInputFiles('input[type=file]', file);
    const preview = page.getByRole('region', { name: /导入预览|Import preview/ });
    await preview.waitFor();
    await expect(preview.locator('[data-count=new]').textContent()).resolves.toMatch(/\b3\b/);
    await expect(preview.locator('[data-count=unchanged]').textContent()).resolves.toMatch(/\b0\b/);
    expect(await count(page)).toBe(0);
    // The file does not say who made its annotations: importing waits for the answer.
    await expect(page.getByRole('button', { name: /导入|Import/ }).isDisabled()).resolves.toBe(true);
    await answerMine(page);
    await page.getByRole('button', { name: /导入|Import/ }).click();
    await page.locator('#library-count[data-count="3"]').waitFor();
    expect(await page.locator('.lib-row[data-id]').count()).toBe(3);
    await expect(page.locator('.lib-row[data-id="urn:uuid:5e1d0000-0000-4000-8000-000000000001"]').textContent()).resolves.toContain('张县');
    // The same file again: everything is already here.
    await page.setInputFiles('input[type=file]', file);
    await preview.waitFor();
    await expect(preview.locator('[data-count=unchanged]').textContent()).resolves.toMatch(/\b3\b/);
    await page.getByRole('button', { name: /取消|Cancel/ }).click();
    await preview.waitFor({ state: 'detached' });
    // Confirmed, it writes nothing and says so.
    await page.setInputFiles('input[type=file]', file);
    await preview.waitFor();
    await page.getByRole('button', { name: /导入|Import/ }).click();
    // (The first import's message is still there until this one replaces it.)
    await page.getByRole('status').filter({ hasText: /(已导入 0 条|Imported 0 ).*(3 条已存在且相同|3 more were already here)/ }).waitFor();
    // The list is read again after every import, and counts nothing while it loads.
    await expect.poll(() => count(page)).toBe(3);
  });

  it('searches and filters', async () => {
    await page.getByRole('searchbox').fill('营商');
    await page.locator('#library-count[data-count="1"]').waitFor();
    await page.getByRole('searchbox').fill('');
    await page.locator('#library-count[data-count="3"]').waitFor();
  });

  it('keeps its rows, and the search being typed, while it reads the list again after an import', async () => {
    // Every change to the list, watched from before the import: the fewest rows it ever showed.
    await page.evaluate(() => {
      const w = window as unknown as { fewestRows: number };
      w.fewestRows = document.querySelectorAll('.lib-row[data-id]').length;
      new MutationObserver(() => {
        w.fewestRows = Math.min(w.fewestRows, document.querySelectorAll('.lib-row[data-id]').length);
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.setInputFiles('input[type=file]', writeTemp('again.jsonld', JSON.stringify(sampleCollection())));
    await page.getByRole('region', { name: /导入预览|Import preview/ }).waitFor();
    await page.getByRole('button', { name: /导入|Import/ }).click();
    await page.getByRole('searchbox').fill('营商');
    await page.getByRole('status').filter({ hasText: /已导入 0 条|Imported 0 / }).waitFor();
    await page.locator('#library-count[data-count="1"]').waitFor();
    expect(await page.getByRole('searchbox').inputValue()).toBe('营商');
    expect(await page.evaluate(() => (window as unknown as { fewestRows: number }).fewestRows)).toBeGreaterThanOrEqual(1);
    await page.getByRole('searchbox').fill('');
    await page.locator('#library-count[data-count="3"]').waitFor();
  });

  it('opens a row at its passage with a text fragment', async () => {
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      page.locator('.lib-row[data-id="urn:uuid:5e1d0000-0000-4000-8000-000000000003"]').click(),
    ]);
    await tab.waitForLoadState('domcontentloaded');
    // The address as the browser shows it: Firefox drops the text directive from the document's own URL (tab.url()).
    const addresses = await browser.evaluateInExtension(async () => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } } };
      return (await chrome.tabs.query({})).map((t) => decodeURIComponent(t.url ?? ''));
    }, null);
    expect(addresses).toContainEqual(expect.stringContaining('art_1234_567890.html#:~:text=优化营商环境'));
    await tab.close();
  });

  it('exports JSON-LD that passes the W3C checker', async () => {
    const file = await download(page, /JSON/, 'export.jsonld');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(json.type).toBe('AnnotationCollection');
    expect(json.first.items).toHaveLength(3);
    execFileSync('node', [W3C_CHECK, file], { stdio: 'pipe' }); // throws on a non-zero exit
  });

  it('exports CSV with a BOM and a Chinese header', async () => {
    const file = await download(page, /CSV/, 'export.csv');
    const text = fs.readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toMatch(/^创建时间,修改时间,批注人,页面标题/);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
  });

  it('exports an Excel workbook: a zip with three sheets', async () => {
    const file = await download(page, /Excel/, 'export.xlsx');
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const zip = unzipSync(new Uint8Array(bytes));
    const workbook = strFromU8(zip['xl/workbook.xml']);
    expect(workbook.match(/<sheet /g)).toHaveLength(3);
    expect(workbook).toContain('批注');
  });

  it('refuses a file that is not JSON and one that is truncated, changing nothing', async () => {
    await page.setInputFiles('input[type=file]', writeTemp('junk.jsonld', 'this is not json at all'));
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/不是 JSON|not JSON/);
    expect(await count(page)).toBe(3);
    const whole = JSON.stringify(sampleCollection());
    await page.setInputFiles('input[type=file]', writeTemp('cut.jsonld', whole.slice(0, Math.floor(whole.length / 2))));
    await page.getByRole('alert').filter({ hasText: /截断|truncated/ }).waitFor();
    expect(await count(page)).toBe(3);
    await page.setInputFiles('input[type=file]', writeTemp('wrong.jsonld', JSON.stringify({ type: 'Collection', items: [] })));
    await page.getByRole('alert').filter({ hasText: /W3C/ }).waitFor();
    await page.reload();
    await page.locator('#library-count[data-total="3"]').waitFor();
  });

  it('round trip: the export imported into an empty profile exports the same annotations', async () => {
    const exported = JSON.parse(fs.readFileSync(path.join(tmp, 'export.jsonld'), 'utf8'));
    const second = await launchWithExtension();
    try {
      const other = await openLibrary(second);
      expect(await count(other)).toBe(0);
      await importFile(other, path.join(tmp, 'export.jsonld'));
      await other.locator('#library-count[data-count="3"]').waitFor();
      const file = await download(other, /JSON/, 'round-trip.jsonld');
      const again = JSON.parse(fs.readFileSync(file, 'utf8'));
      const byId = (items: { id: string }[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(again.first.items)).toEqual(byId(exported.first.items));
    } finally {
      await second.close();
    }
  });

  it('taxonomy editor: rename a term, export .qdc, import it back and see the summary', async () => {
    await page.getByRole('tab', { name: /分类表|Taxonomy/ }).click();
    const version = page.locator('.lib-version');
    await version.waitFor();
    const v0 = Number(await version.getAttribute('data-version'));
    const first = page.locator('.lib-term').first();
    const zh = first.locator('input[type=text]').first();
    const original = await zh.inputValue();
    await zh.fill('改过的名称');
    await zh.press('Enter');
    await page.locator(`.lib-version[data-version="${v0 + 1}"]`).waitFor();
    const qdc = await download(page, /REFI-QDA/, 'taxonomy.qdc');
    expect(fs.readFileSync(qdc, 'utf8')).toContain('改过的名称');
    // Rename it back here, then merge the file: the summary names the one renamed term.
    const zhAgain = page.locator('.lib-term').first().locator('input[type=text]').first();
    await zhAgain.fill(original);
    await zhAgain.press('Enter');
    await page.locator(`.lib-version[data-version="${v0 + 2}"]`).waitFor();
    await page.setInputFiles('.lib-taxonomy input[type=file]', qdc);
    const summary = page.locator('.lib-summary [data-summary=renamed]');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain('改过的名称');
    await page.getByRole('button', { name: /应用合并|Apply the merge/ }).click();
    await page.locator(`.lib-version[data-version="${v0 + 3}"]`).waitFor();
    await expect(page.locator('.lib-term').first().locator('input[type=text]').first().inputValue()).resolves.toBe('改过的名称');
    // A malformed file: a clear message and no change.
    await page.setInputFiles('.lib-taxonomy input[type=file]', writeTemp('broken.qdc', '<CodeBook><Codes><Code'));
    await page.getByRole('alert').filter({ hasText: /XML|代码本|codebook/i }).waitFor();
    expect(Number(await version.getAttribute('data-version'))).toBe(v0 + 3);
  });
});
