/* global chrome -- the extension's worker, where the functions given to serviceWorker.evaluate run */
// Annotations at scale: with 100,000 annotations stored across 2,000 pages, how long a report page takes to load
// and anchor its 200 annotations (the content script's `pizhu:annotations` measure: request, database read,
// anchoring, drawing), and how long a tag takes to show after Enter (`pizhu:tag`, Enter to the next frame).
import { revisit, visit } from '../extension-browser.mjs';

export const title = 'annotations: load and anchor 200 of 100,000; tag to visible';

const REPORT = 'zhangdian-2017-report';
const TOTAL = 100_000;
const PAGES = 2_000;
const ON_REPORT = 200;

// Runs in the extension's service worker: writes straight into the database the background opened (same stores as
// storage/schema.ts), in one transaction per 10,000 rows.
async function fill({ pageUrl, quotes, total, pages }) {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('pizhu');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const term = 'https://pizhu.app/taxonomy/fzzf/2021/term/enforcement';
  const now = Date.now();
  const record = (i, url, q) => ({
    id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    pageUrl: url, sourceUrl: url,
    quote: { exact: q.exact, prefix: q.prefix, suffix: q.suffix },
    position: { start: q.start, end: q.end },
    terms: [term], note: i % 7 ? '' : '备注',
    created: new Date(now - (total - i) * 1000).toISOString(), modified: new Date(now).toISOString(),
  });
  const put = (rows, store) => new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    for (const r of rows) tx.objectStore(store).put(r);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  const pageRows = [];
  for (let p = 0; p < pages; p++) {
    const url = p === 0 ? pageUrl : `http://www.example.gov.cn/art/${p}.html`;
    pageRows.push({ url, title: `报告 ${p}`, kind: 'report', firstSeen: new Date(now).toISOString(), lastSeen: new Date(now).toISOString() });
  }
  await put(pageRows, 'pages');
  const perPage = Math.ceil((total - quotes.length) / (pages - 1));
  let batch = [];
  for (let i = 0; i < total; i++) {
    const onReport = i < quotes.length;
    const url = onReport ? pageUrl : pageRows[1 + Math.floor((i - quotes.length) / perPage)].url;
    batch.push(record(i, url, quotes[i % quotes.length]));
    if (batch.length === 10_000) { await put(batch, 'annotations'); batch = []; }
  }
  if (batch.length) await put(batch, 'annotations');
  db.close();
  return total;
}

// Runs in the report page: 200 passages of its main text with their context, spread over the text.
function passages(count) {
  const walker = document.createTreeWalker(document.querySelector('.article') ?? document.body, NodeFilter.SHOW_TEXT);
  let text = '';
  while (walker.nextNode()) text += walker.currentNode.data;
  const out = [];
  for (let k = 0; k < count; k++) {
    const start = Math.floor((k / count) * (text.length - 60)) + 40;
    const end = start + 8 + (k % 5) * 6;
    out.push({ exact: text.slice(start, end), prefix: text.slice(start - 32, start), suffix: text.slice(end, end + 32), start, end });
  }
  return out;
}

export async function run({ browser, runs, median, ms, table }) {
  const page = await browser.context.newPage();
  await visit(page, browser.urlFor(REPORT)); // opens the database with its schema
  const quotes = await page.evaluate(passages, ON_REPORT);
  const started = Date.now();
  await browser.serviceWorker.evaluate(fill, { pageUrl: page.url(), quotes, total: TOTAL, pages: PAGES });
  console.log(`stored ${TOTAL.toLocaleString()} annotations across ${PAGES.toLocaleString()} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const loads = [];
  let anchored = 0;
  for (let i = 0; i < runs; i++) {
    await revisit(page);
    const m = await page.waitForFunction(() => performance.getEntriesByName('pizhu:annotations')[0], null, { timeout: 20_000 });
    const entry = await m.evaluate((e) => ({ duration: e.duration, count: e.detail?.annotations }));
    loads.push(entry.duration);
    anchored = await page.evaluate(() => CSS.highlights.get('pizhu-annotation')?.size ?? 0);
    if (entry.count !== ON_REPORT) console.log(`warning: the page loaded ${entry.count} annotations, not ${ON_REPORT}`);
  }

  const tags = [];
  const phrases = await page.evaluate(() => [...document.querySelectorAll('.article p')].map((p) => p.textContent.trim().slice(2, 10)).filter((t) => t.length === 8));
  const tabId = await browser.serviceWorker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url).id, page.url());
  for (let i = 0; i < runs; i++) {
    await page.evaluate((phrase) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const at = walker.currentNode.data.indexOf(phrase);
        if (at < 0) continue;
        const r = document.createRange();
        r.setStart(walker.currentNode, at);
        r.setEnd(walker.currentNode, at + phrase.length);
        walker.currentNode.parentElement.scrollIntoView({ block: 'center' });
        getSelection().removeAllRanges();
        getSelection().addRange(r);
        break;
      }
    }, phrases[i % phrases.length]);
    // The picker opens as from the context menu (the tag button answers the user's own mouse only); it is a frame
    // of the extension's, typed into with the real keyboard.
    await browser.serviceWorker.evaluate((id) => chrome.tabs.sendMessage(id, { pizhu: 'request', name: 'annotations:tag-selection' }), tabId);
    let frame;
    for (let tries = 0; !frame && tries < 100; tries++) {
      frame = page.frames().find((f) => f.url().endsWith('/picker.html'));
      if (!frame) await page.waitForTimeout(50);
    }
    const input = frame.locator('input[type="search"]');
    await input.fill('4.');
    const before = await page.evaluate(() => performance.getEntriesByName('pizhu:tag').length);
    await input.press('Enter');
    await page.waitForFunction((n) => performance.getEntriesByName('pizhu:tag').length > n, before);
    tags.push(await page.evaluate(() => performance.getEntriesByName('pizhu:tag').at(-1).duration));
    await input.press('Escape');
    await frame.locator('[role="dialog"]').waitFor({ state: 'detached' });
  }
  await page.close();

  table(['what', 'median ms', 'min ms', 'max ms', 'target ms'], [
    [`load + anchor ${ON_REPORT} annotations (${anchored} drawn)`, ms(median(loads)), ms(Math.min(...loads)), ms(Math.max(...loads)), 100],
    ['tag visible after Enter', ms(median(tags)), ms(Math.min(...tags)), ms(Math.max(...tags)), 50],
  ]);
}
