// The reader of a stored copy on the 1 MB report (and the ordinary one beside it): how long from opening
// reader.html to a text ready to read (the page's `pizhu:reader` measure, from its start) and how much of it the
// reading in the worker took (`pizhu:reader-read`), against the live page's own scan of the same text; and the
// longest main-thread task while it opens, in CPU time from Chromium's trace (none over 50 ms is the aim; the
// 'longtask' entries' wall time is shown beside it), with the
// structure kept at annotation time and with the text alone (a record from before the reader, an import), and with
// an orphan to look for in the whole text; the 1 MB page's text (360,000 characters) also three times over, a
// million characters. Also the study tab of the 1 MB copy: its first items, then all of them when asked for.
import { selectPhraseInPage, visit } from '../extension-browser.mjs';

export const title = 'reader of a stored copy: open to ready, longest task, vs. the live scan';

const PAGES = ['zhangdian-2017-report', 'zhangdian-report-1mb'];
const PHRASES = ['精简率达48.6%', '办结时限缩短70%以上'];

// In the service worker: the page record, and a copy of it without its structure under another key with the same
// annotations and one whose passage the text does not hold (re-anchoring then searches the whole text).
async function prepare({ url }) {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('pizhu');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const get = (store, key) => new Promise((resolve) => {
    const req = db.transaction(store).objectStore(store).get(key);
    req.onsuccess = () => resolve(req.result);
  });
  const all = (store) => new Promise((resolve) => {
    const req = db.transaction(store).objectStore(store).getAll();
    req.onsuccess = () => resolve(req.result);
  });
  const put = (store, rows) => new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    for (const r of rows) tx.objectStore(store).put(r);
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  const page = await get('pages', url);
  if (!page?.snapshot) return null;
  const mine = (await all('annotations')).filter((a) => a.pageUrl === url);
  const orphan = { ...mine[0], id: `${mine[0].id.slice(0, -4)}0fff`, quote: { exact: '这一句话在报告里从来没有出现过', prefix: '前面的文字', suffix: '后面的文字' } };
  await put('annotations', [orphan]);
  const bare = `${url}?copy=text-only`;
  const { snapshotStructure, ...rest } = page;
  await put('pages', [{ ...rest, url: bare }]);
  const copies = (key, n) => [...mine, orphan].map((a) => ({ ...a, id: `${a.id.slice(0, -4)}${n}${a.id.slice(-3)}`, pageUrl: key }));
  await put('annotations', copies(bare, 1));
  // Three times the text (about a million characters for the 1 MB page), its structure repeated with it.
  const tripled = `${url}?copy=tripled`;
  const shift = (spans, by) => spans.map((x) => ({ ...x, start: x.start + by, end: x.end + by }));
  const step = page.snapshot.length + 1;
  const structure = snapshotStructure && {
    segments: [0, 1, 2].flatMap((k) => shift(snapshotStructure.segments, k * step)),
    blocks: [0, 1, 2].flatMap((k) => shift(snapshotStructure.blocks, k * step)),
  };
  await put('pages', [{ ...page, url: tripled, snapshot: [page.snapshot, page.snapshot, page.snapshot].join('\n'), snapshotStructure: structure }]);
  await put('annotations', copies(tripled, 2));
  db.close();
  return { chars: page.snapshot.length, blocks: snapshotStructure?.blocks.length ?? 0, bare, tripled };
}

function recordLongTasks() {
  globalThis.__pizhuLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__pizhuLongTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Records what renderers' main threads do while `act` runs (Chromium's trace): the longest task in CPU time. On a
 * shared machine the wall-clock long-task entries count other processes' turns too; a task's thread time does not.
 */
async function longestTaskCpu(browser, page, act) {
  const cdp = await browser.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-devtools.timeline', 'devtools.timeline'] }, transferMode: 'ReportEvents' });
  const result = await act();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && typeof e.tdur === 'number');
  return { result, longestCpu: Math.max(0, ...tasks.map((e) => e.tdur / 1000)), overCpu: tasks.filter((e) => e.tdur > 50_000).length };
}

async function openReader(browser, page, key) {
  const { result, longestCpu, overCpu } = await longestTaskCpu(browser, page, async () => {
    await page.goto(`chrome-extension://${browser.extensionId}/reader.html?page=${encodeURIComponent(key)}`);
    await page.waitForSelector('.reader[data-state="ready"]', { timeout: 60_000 });
    // Long-task entries arrive after the task: let the last ones in.
    await page.waitForTimeout(200);
    return page.evaluate(() => ({
      ready: performance.getEntriesByName('pizhu:reader')[0]?.duration ?? null,
      read: performance.getEntriesByName('pizhu:reader-read')[0]?.duration ?? null,
      longest: Math.max(0, ...globalThis.__pizhuLongTasks),
      lines: document.querySelectorAll('.reader-lines > .chunk > *').length,
    }));
  });
  return { ...result, longestCpu, overCpu };
}

export async function run({ browser, runs, median, ratio, ms, table }) {
  await browser.context.addInitScript(recordLongTasks);
  const tab = await browser.context.newPage();
  const rows = [];
  for (const name of PAGES) {
    // The live page, annotated as a reader does: its text and structure are stored with the first annotation.
    const scans = [];
    for (let i = 0; i < runs; i++) {
      await visit(tab, browser.urlFor(name), { timeout: 20_000 });
      scans.push(await tab.evaluate(() => performance.getEntriesByName('pizhu:scan')[0]?.duration ?? null));
    }
    for (const phrase of PHRASES) {
      await tab.waitForFunction(() => performance.getEntriesByName('pizhu:annotations').length > 0, null, { timeout: 20_000 });
      if (!(await tab.evaluate(selectPhraseInPage, phrase))) throw new Error(`bench: no ${phrase} on ${name}`);
      // A key that extends a selection makes it the user's (Pizhu tags only a selection the user made).
      await tab.keyboard.press('Shift');
      await tab.keyboard.press('4');
    }
    const url = tab.url();
    let stored = null;
    for (let i = 0; i < 100 && !stored; i++) {
      stored = await browser.serviceWorker.evaluate(prepare, { url: url.replace(/#.*$/, '') }).catch(() => null);
      if (!stored) await tab.waitForTimeout(200);
    }
    if (!stored) throw new Error(`bench: ${name}'s text was not stored`);
    const keys = [['structure kept', url, stored.chars], ['text alone', stored.bare, stored.chars]];
    if (name === PAGES[1]) keys.push(['kept, text ×3', stored.tripled, 3 * stored.chars + 2]);
    for (const [how, key, chars] of keys) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const reader = await browser.context.newPage();
        samples.push(await openReader(browser, reader, key));
        await reader.close();
      }
      const pick = (k) => median(samples.map((s) => s[k]));
      rows.push([name, chars.toLocaleString(), how, samples[0].lines, ms(pick('ready')), ms(pick('read')), ms(median(scans)),
        ratio(pick('ready'), median(scans)), ms(pick('longestCpu')), Math.max(...samples.map((s) => s.longestCpu)).toFixed(1),
        Math.max(...samples.map((s) => s.overCpu)), ms(pick('longest'))]);
    }
  }
  table(['page', 'chars', 'stored copy', 'lines', 'ready ms', 'reading ms', 'live scan ms', 'ready/scan', 'longest task cpu ms', 'worst',
    'tasks >50 ms cpu', 'longest task wall ms'], rows);

  // The study tab of the 1 MB copy: thousands of parts, of which the first few hundred per list are shown at once,
  // and all of them when the reader asks (the button).
  const reader = await browser.context.newPage();
  await openReader(browser, reader, browser.urlFor(PAGES[1]).replace(/#.*$/, ''));
  const shown = async (button) => {
    const { result, longestCpu } = await longestTaskCpu(browser, reader, () => reader.evaluate(async (button) => {
      const start = performance.now();
      if (button) document.querySelector('.reader-more').click();
      else [...document.querySelectorAll('[role="tab"]')][1].click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const ms = performance.now() - start;
      await new Promise((r) => setTimeout(r, 300));
      return { ms, parts: document.querySelectorAll('.outline .part').length };
    }, button));
    return { ...result, longest: longestCpu };
  };
  const first = await shown(false);
  const all = await shown(true);
  console.log(`\nstudy tab of the 1 MB copy: ${first.parts.toLocaleString()} outline parts on screen in ${ms(first.ms)} ms (longest task `
    + `${ms(first.longest)} ms cpu); all ${all.parts.toLocaleString()}, when asked for, in ${ms(all.ms)} ms (longest task ${ms(all.longest)} ms cpu)`);
  console.log('(ready: from the reader page\'s start to its text laid out and drawn on; reading: the worker\'s part of it;'
    + ' live scan: the content script\'s pizhu:scan of the live page; medians. Longest task: the CPU time of the longest task on'
    + ' a renderer\'s main thread (Chromium\'s trace), and its wall time as the page saw it, which on a busy machine counts other'
    + ' processes\' turns too)');
  await reader.close();
}
