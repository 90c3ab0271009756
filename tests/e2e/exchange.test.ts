// Annotations from elsewhere, end to end with the built extension: a file of other tools' W3C annotations (every
// example of the W3C model and a Hypothesis-shaped file) imported and exported passes the W3C test suite's checker;
// the import asks whose unattributed annotations are; an imported annotation that gave only its quote gets the
// position it anchored at. (The coder named at the picker's first use: coder.test.ts.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../anchoring/url';
import { launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';
import { count, download, importFile, openLibrary, tempDir, W3C_CHECK } from './library-helpers';

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
  return b.evaluateInExtension(async (id) => {
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

describe('an imported annotation that gave only its quote', () => {
  it('gets the position it anchored at on a visit, and the next export carries it in code points', async () => {
    const url = browser.urlFor(REPORT);
    const normalizedUrl = normalizeUrl(url);
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
    // The position counts code points of the page's text, which this visit stored: it is where the quote stands.
    const learned = (await stored(browser, id))!.position as { start: number; end: number };
    const text = await browser.evaluateInExtension(async (url) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('pizhu');
        req.onsuccess = () => resolve(req.result);
      });
      const page = await new Promise<{ snapshot?: string } | undefined>((resolve) => {
        const req = db.transaction('pages').objectStore('pages').get(url);
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return page?.snapshot;
    }, normalizedUrl);
    expect([...text!].slice(learned.start, learned.end).join('')).toBe(PASSAGE);
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
