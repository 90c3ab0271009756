// Reading a stored copy, end to end: a report annotated on the live page, then changed so that an annotation
// became an orphan (the side panel's "open the stored copy" opens the reader at it), then taken down by its site
// (the library's row opens the reader): the text in its paragraphs and headings, the annotations drawn at their
// passages, the outline, the figures and their card — with the live page gone. A report that came from a QDA tool
// (.qdpx), its site gone: its text read from its lines, a note it cannot place listed apart. The other states.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedFixturesDir } from '../../scripts/serve-fixtures.mjs';
import { launchWithExtension, visit, type ExtensionBrowser, type Page } from './harness';
import { answerMine } from './library-helpers';
import { highlightTexts, openSidePanel, selectPhrase } from './page-helpers';

const REPORT = 'zhangdian-2017-report';
const PASSAGE = '将全区177项行政审批事项压缩至92项';
const SHORT = '精简率达48.6%';
const LEVEL_1 = ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、'];

let browser: ExtensionBrowser;
let page: Page;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-reader-e2e-'));

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The reader once its text is laid out and drawn on. */
async function readerReady(reader: Page): Promise<void> {
  await reader.locator('.reader[data-state="ready"]').waitFor();
}

/** The annotations' ids as the database holds them, by quote. */
function storedIds(): Promise<Record<string, string>> {
  return browser.evaluateInExtension(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('pizhu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<{ id: string; quote: { exact: string } }[]>((resolve) => {
      const req = db.transaction('annotations').objectStore('annotations').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return Object.fromEntries(all.map((a) => [a.quote.exact, a.id]));
  }, null);
}

describe('the stored copy of an annotated report', () => {
  it('keeps the page’s structure with its text at the first annotation', async () => {
    await visit(page, browser.urlFor(REPORT));
    // Tagged with terms' one-key shortcuts, as a coder does.
    await selectPhrase(page, PASSAGE);
    await page.keyboard.press('1');
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE]);
    await selectPhrase(page, SHORT);
    await page.keyboard.press('4');
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([PASSAGE, SHORT]);
    const structure = await browser.evaluateInExtension(async (url) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('pizhu');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const record = await new Promise<{ snapshotStructure?: { segments: unknown[]; blocks: { tag: string }[] } }>((resolve) => {
        const req = db.transaction('pages').objectStore('pages').get(url);
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return record.snapshotStructure;
    }, page.url());
    expect(structure?.segments.length).toBeGreaterThan(0);
    expect(structure?.blocks.map((b) => b.tag)).toEqual(expect.arrayContaining(['h1', 'td', 'p']));
  });

  it('offers an orphan of the changed page in the stored copy, and opens the reader at it', async () => {
    const original = fs.readFileSync(path.join(sharedFixturesDir, 'pages', `${REPORT}.html`), 'utf8');
    // The site rewrote the sentence: the live page no longer holds the passage.
    const changed = original.replace(PASSAGE, '行政审批事项大幅精简');
    expect(changed).not.toBe(original);
    await page.route(browser.urlFor(REPORT), (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: changed }));
    await visit(page, browser.urlFor(REPORT));
    await page.unroute(browser.urlFor(REPORT));
    await expect.poll(() => highlightTexts(page, 'pizhu-annotation')).toEqual([SHORT]);

    const panel = await openSidePanel(browser, page);
    await panel.getByRole('tab', { name: /批注|Annotations/ }).click();
    const open = panel.getByRole('button', { name: /打开存档副本|Open the stored copy/ });
    await expect.poll(() => open.count()).toBe(1);
    const [reader] = await Promise.all([browser.context.waitForEvent('page'), open.click()]);
    await readerReady(reader);
    const id = (await storedIds())[PASSAGE];
    expect(await reader.evaluate(() => new URLSearchParams(location.search).get('annotation'))).toBe(id);
    // In the stored text the passage is where it was: drawn there, brought into view, current in the list.
    expect(await highlightTexts(reader, 'pizhu-annotation')).toEqual([PASSAGE, SHORT]);
    await expect.poll(() => reader.evaluate(() => {
      const r = ([...CSS.highlights.get('pizhu-annotation')!] as Range[]).find((x) => x.toString().startsWith('将全区'))!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    })).toBe(true);
    expect(await reader.locator('.annotation-list li[aria-current="true"]').textContent()).toContain(PASSAGE);
    await reader.close();
    await panel.close();
  });
});

describe('the reader of a page its site took down', () => {
  let reader: Page;
  beforeAll(async () => {
    browser.server.withdraw(REPORT);
    const library = await browser.context.newPage();
    await library.goto(browser.extensionUrl('library.html'));
    await library.locator('#library-count[data-total="2"]').waitFor();
    const row = library.locator('.lib-row[data-id]').filter({ hasText: SHORT });
    [reader] = await Promise.all([browser.context.waitForEvent('page'), row.getByRole('button', { name: /阅读存档副本|Read the stored copy/ }).click()]);
    await readerReady(reader);
    await library.close();
  });

  it('is gone from the web', async () => {
    const gone = await browser.context.newPage();
    await gone.goto(browser.urlFor(REPORT));
    expect(await gone.evaluate(() => document.body.textContent)).toBe('not found');
    await gone.close();
  });

  it('shows the text in its title, headings and paragraphs, built of text nodes', async () => {
    const title = reader.locator('.reader-lines h1');
    expect(await title.allTextContents()).toEqual(['张店区人民政府关于2017年度法治政府建设情况的报告']);
    const headings = (await reader.locator('.reader-lines h2').allTextContents()).map((h) => h.trim().slice(0, 2));
    expect(headings).toEqual(LEVEL_1);
    expect(await reader.locator('.reader-lines p', { hasText: PASSAGE }).count()).toBe(1);
    expect(await reader.locator('.reader-lines .cell', { hasText: '索引号' }).count()).toBe(1);
    // The page's words are text, never markup: no element in the text but the reader's own.
    const tags = await reader.evaluate(() => [...new Set([...document.querySelectorAll('.reader-lines *')].map((e) => e.tagName.toLowerCase()))].sort());
    expect(tags.every((tag) => ['div', 'h1', 'h2', 'h3', 'h4', 'p', 'strong'].includes(tag)), tags.join()).toBe(true);
    await expect(reader.evaluate(() => document.title)).resolves.toContain('张店区人民政府关于2017年度法治政府建设情况的报告');
  });

  it('draws the annotations at their passages and lists them beside the text', async () => {
    expect(await highlightTexts(reader, 'pizhu-annotation')).toEqual([PASSAGE, SHORT]);
    const items = reader.locator('.reader-side .annotation-list .annotation');
    expect(await items.count()).toBe(2);
    expect((await items.allTextContents())[0]).toContain(PASSAGE);
    expect(await reader.locator('.annotation.orphan').count()).toBe(0);
    // The one the library's row named is the current one.
    expect(await reader.locator('.annotation-list li[aria-current="true"]').textContent()).toContain(SHORT);
    // A click in the list brings the passage into view.
    await reader.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await items.first().click();
    await expect.poll(() => reader.evaluate(() => {
      const r = ([...CSS.highlights.get('pizhu-annotation')!] as Range[])[0].getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    })).toBe(true);
  });

  it('highlights the numbers and figures as the live page did, with their card', async () => {
    expect(await highlightTexts(reader, 'pizhu-docno')).toEqual(expect.arrayContaining(['张政字〔2018〕8号', '淄政办字[2017]5号']));
    const figures = await highlightTexts(reader, 'pizhu-figure');
    expect(figures).toEqual(expect.arrayContaining(['177项', '92项', '48.6%']));
    expect(await reader.locator('.reader-counts').textContent()).toMatch(new RegExp(`(数字|figures)[：:] ?${figures.length}`));
    await reader.evaluate(() => {
      const r = ([...CSS.highlights.get('pizhu-figure')!] as Range[]).find((x) => x.toString() === '48.6%')!;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    });
    // The pointer rests on the figure (where it is now: a scroll may still be settling), and its card shows.
    const cardText = async () => {
      const b = await reader.evaluate(() => {
        const r = ([...CSS.highlights.get('pizhu-figure')!] as Range[]).find((x) => x.toString() === '48.6%')!.getClientRects()[0];
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await reader.mouse.move(b.x, b.y);
      await reader.waitForTimeout(100);
      return reader.evaluate(() => document.querySelector('.reader-card')?.shadowRoot?.querySelector('.card .text')?.textContent ?? '');
    };
    await expect.poll(cardText).toBe('48.6%');
  });

  it('shows the card of a figure the caret is in, and takes it away when the text scrolls', async () => {
    const cardText = () => reader.evaluate(() => document.querySelector('.reader-card')?.shadowRoot?.querySelector('.card .text')?.textContent ?? '');
    // The pointer rests on the side pane (no card of its own), the keyboard's selection holds the figure.
    const side = await reader.evaluate(() => {
      const r = document.querySelector('.reader-side')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await reader.mouse.move(side.x, side.y);
    await reader.evaluate(async () => {
      const r = ([...CSS.highlights.get('pizhu-figure')!] as Range[]).find((x) => x.toString() === '177项')!;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      // This scroll's own event (at a frame to come) would take the card away: the figure is selected once it is over.
      for (let y = -1; y !== scrollY; ) {
        y = scrollY;
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      }
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r.cloneRange());
    });
    await expect.poll(cardText).toBe('177项');
    // The card is fixed where the figure was: a scroll would leave it standing over other words.
    await reader.evaluate(() => window.scrollBy(0, 120));
    await expect.poll(cardText).toBe('');
    await reader.evaluate(() => getSelection()!.removeAllRanges());
  });

  it('shows the study outline, and goes to a part clicked in it', async () => {
    await reader.getByRole('tab', { name: /学习|Study/ }).click();
    const level1 = reader.locator('.part[data-kind="heading"][data-level="1"] .part-text');
    await expect.poll(() => level1.count()).toBe(10);
    expect((await level1.allTextContents()).map((s) => s.slice(0, 2))).toEqual(LEVEL_1);
    expect(await reader.locator('.own-number .docno-text').textContent()).toBe('张政字〔2018〕8号');
    await reader.evaluate(() => window.scrollTo(0, 0));
    await reader.locator('.part[data-level="1"]', { hasText: '十、强化政府法律顾问作用' }).click();
    await expect.poll(() => reader.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    expect((await highlightTexts(reader, 'pizhu-study-focus'))[0]).toMatch(/^十、强化政府法律顾问作用/);
  });
});

describe('the reader’s other states', () => {
  it('says when the library knows no such page, and when no page is named', async () => {
    const reader = await browser.context.newPage();
    await reader.goto(browser.extensionUrl(`reader.html?page=${encodeURIComponent('https://nowhere.example.gov.cn/a.html')}`));
    await expect.poll(() => reader.locator('.reader-state .state').textContent()).toMatch(/批注库中没有这个页面|The library holds no page/);
    await reader.goto(browser.extensionUrl('reader.html'));
    await expect.poll(() => reader.locator('.reader-state .state').textContent()).toMatch(/没有指定|No page was named/);
    await reader.close();
  });

  it('asks for a visit when the page’s text is not stored, and lists its annotations', async () => {
    const gone = 'http://www.zhangxian.gov.cn/zwgk/2024/fzzf.html';
    const file = path.join(tmp, 'one.jsonld');
    fs.writeFileSync(file, JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:7a1e0000-0000-4000-8000-000000000001',
      type: 'Annotation',
      created: '2024-05-01T08:00:00.000Z',
      body: { type: 'TextualBody', purpose: 'commenting', value: '待核实' },
      target: { source: gone, selector: { type: 'TextQuoteSelector', exact: '行政复议案件纠错率为12.5%' } },
    }));
    const library = await browser.context.newPage();
    await library.goto(browser.extensionUrl('library.html'));
    await library.locator('#library-count[data-total]').waitFor();
    await library.setInputFiles('.lib-import input[type=file]', file);
    await answerMine(library);
    await library.getByRole('button', { name: /确认导入|Import/ }).click();
    await library.getByRole('status').filter({ hasText: /已导入|Imported/ }).waitFor();
    await library.close();
    const reader = await browser.context.newPage();
    await reader.goto(browser.extensionUrl(`reader.html?page=${encodeURIComponent(gone)}`));
    await expect.poll(() => reader.locator('.reader-no-text').textContent()).toMatch(/请访问一次该页面|visit the page once to store its text/);
    expect(await reader.locator('.annotation-list .annotation').textContent()).toContain('行政复议案件纠错率为12.5%');
    await reader.close();
  });
});

describe('the reader of a report that came from a QDA tool, its site gone', () => {
  // A project as QualCoder writes one: the report's plain text under Sources/, a code, a coder, two coded passages;
  // the page's address as a variable. The test server has never served this page.
  const URL = 'http://www.zhangxian.gov.cn/zwgk/2024/fzzf-2023.html';
  const TEXT = [
    '张县人民政府关于2023年度法治政府建设情况的报告',
    '张政发〔2024〕3号',
    '市人民政府：',
    '2023年，我县深入推进法治政府建设。现将有关情况报告如下：',
    '一、依法全面履行政府职能',
    '全年清理规范性文件46件，废止12件。',
    '二、推进严格规范公正文明执法',
    '行政复议案件纠错率为12.5%。',
    '张县人民政府',
    '2024年3月1日',
  ].join('\n');
  const CODED = ['清理规范性文件46件', '行政复议案件纠错率为12.5%'];
  // A note made on the page before its site rewrote it: in the stored text neither.
  const LOST = '改版前删去的一句话';
  let reader: Page;

  beforeAll(async () => {
    const guid = (n: number) => `6f1e0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const selections = CODED.map((quote, i) => {
      const start = TEXT.indexOf(quote);
      return `<PlainTextSelection guid="${guid(10 + i)}" name="${quote}" startPosition="${start}" endPosition="${start + quote.length}" creatingUser="${guid(1)}">`
        + `<Coding guid="${guid(20 + i)}" creatingUser="${guid(1)}"><CodeRef targetGUID="${guid(2)}"/></Coding></PlainTextSelection>`;
    }).join('');
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="县级报告" origin="QualCoder 3.6">
<Users><User guid="${guid(1)}" name="李老师"/></Users>
<CodeBook><Codes><Code guid="${guid(2)}" name="复议纠错" isCodable="true" color="#AA3300"/></Codes></CodeBook>
<Variables><Variable guid="${guid(3)}" name="URL" typeOfVariable="Text"/></Variables>
<Sources><TextSource guid="${guid(4)}" name="张县2023年法治政府建设报告" plainTextPath="internal://${guid(4)}.txt" creatingUser="${guid(1)}">${selections}<VariableValue><VariableRef targetGUID="${guid(3)}"/><TextValue>${URL}</TextValue></VariableValue></TextSource></Sources>
</Project>`;
    const qdpx = path.join(tmp, 'qualcoder.qdpx');
    fs.writeFileSync(qdpx, zipSync({ 'project.qde': strToU8(qde), [`Sources/${guid(4)}.txt`]: strToU8(TEXT) }));
    const jsonld = path.join(tmp, 'lost.jsonld');
    fs.writeFileSync(jsonld, JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:6f1e0000-0000-4000-8000-000000000099',
      type: 'Annotation',
      created: '2024-04-01T08:00:00.000Z',
      body: { type: 'TextualBody', purpose: 'commenting', value: '原文已改' },
      target: { source: URL, selector: { type: 'TextQuoteSelector', exact: LOST } },
    }));

    const library = await browser.context.newPage();
    await library.goto(browser.extensionUrl('library.html'));
    await library.locator('#library-count[data-total]').waitFor();
    for (const file of [qdpx, jsonld]) {
      await library.setInputFiles('.lib-import input[type=file]', file);
      await answerMine(library);
      await library.getByRole('button', { name: /确认导入|Import/ }).click();
      await library.getByRole('status').filter({ hasText: /已导入|Imported/ }).waitFor();
    }
    // The lost note's row opens the copy at it.
    const row = library.locator('.lib-row[data-id]').filter({ hasText: LOST });
    await row.first().waitFor();
    [reader] = await Promise.all([browser.context.waitForEvent('page'), row.getByRole('button', { name: /阅读存档副本|Read the stored copy/ }).click()]);
    await readerReady(reader);
    await library.close();
  });
  afterAll(() => reader?.close());

  it('reads the tool’s text from its lines: title, headings, figures, the document number', async () => {
    expect(await reader.locator('.reader-head .reader-note').textContent()).toMatch(/段落和标题由文字推断|read from the text/);
    expect(await reader.locator('.reader-lines h1').allTextContents()).toEqual([TEXT.split('\n')[0]]);
    expect((await reader.locator('.reader-lines h2').allTextContents()).map((h) => h.trim())).toEqual(['一、依法全面履行政府职能', '二、推进严格规范公正文明执法']);
    expect(await highlightTexts(reader, 'pizhu-docno')).toEqual(['张政发〔2024〕3号']);
    expect(await highlightTexts(reader, 'pizhu-figure')).toEqual(expect.arrayContaining(['46件', '12件', '12.5%']));
  });

  it('draws the coded passages, and lists the note the stored text cannot place apart, saying so where it was opened', async () => {
    expect(await highlightTexts(reader, 'pizhu-annotation')).toEqual(CODED);
    const placed = reader.locator('.reader-side .annotation-list:not(.orphans) .annotation');
    expect((await placed.allTextContents()).map((t) => CODED.find((q) => t.includes(q)))).toEqual(CODED);
    expect(await reader.locator('.orphans-head').textContent()).toMatch(/也无法定位|cannot be placed/);
    const orphans = reader.locator('.annotation-list.orphans .annotation.orphan');
    expect(await orphans.count()).toBe(1);
    expect(await orphans.textContent()).toContain(LOST);
    expect(await reader.locator('.annotation-list.orphans li[aria-current="true"]').textContent()).toContain(LOST);
    expect(await reader.locator('.reader-side [role="status"]').textContent()).toMatch(/这条批注在存档副本中也无法定位|This annotation cannot be placed/);
  });
});
