// The recognition scan against two yardsticks measured in the same page load: the floor (walking every
// text node once, less than any scan can do) and Mozilla Readability's parse (what a reader mode spends).
// Report and document pages are judged by scan/Readability, `none` pages (which are only read, not recognised)
// against the floor, each group on its own. Every page is served: the shared fixtures, the real pages of
// tests/fixtures, the fixtures re-dressed in the templates of scripts/page-templates.mjs, the big pages (1 MB,
// 100,000 spans). Also the scan's longest task (none may pass 50 ms), as its slicer timed it and as the browser saw
// it, and how the scan grows from 0.5 MB to 1 MB.
//
// Every load is a visit from another page, as a reader goes from page to page: the fixtures' pages are served under
// their sites' hosts, so most loads start in a renderer process of their own, where neither the scan's code nor
// Readability's has been compiled yet (a reload of the same page reuses the process and its compiled code, and
// measured both at about half). In a fresh process about 3 ms of a small page's scan is V8 compiling the scan's
// functions at their first call (measured with --js-flags=--no-lazy, which compiles them with the script).
//
// The scan begins once the page has settled (page/slices.ts settled): its main thread idle and its first frames drawn,
// which the compositor does in software, 10 to 50 ms a frame, for a while after the main thread is idle. Begun before,
// the scan shares the cores with that drawing. Its start (ms after navigation) is printed beside the ratios, so that
// what the ratio gains by waiting is seen beside what the reader waits.
//
// Before any scan, every page (reports or not) pays for the content script's top level: its modules' tables and
// setup, measured from its first module to main() ('pizhu:init'; V8's compile of the script itself comes before and is
// not in it). A collator made there once took 7.6 ms of it.
//
// The browser's view is the Long Animation Frames API's blocking time (the part of a frame's tasks past 50 ms), not
// the Long Tasks API: that one reports no task of an extension's content script (measured here: no entry during
// scans whose own tasks took 70 ms, which frames overlapping them did show as blocking).
import { createRequire } from 'node:module';
import { visit } from '../extension-browser.mjs';

export const title = 'recognition scan vs. text-walk floor and Readability';

const readabilityPath = createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js');
const bigPage = 'zhangdian-report-1mb';
const halfPage = 'zhangdian-report-half-mb';

// Installed before any page script, so that it sees every frame of the load.
function recordLongFrames() {
  globalThis.__pizhuLongFrames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      globalThis.__pizhuLongFrames.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

// One load's worth of samples, taken after the scan has finished so that nothing overlaps it.
function sampleInPage() {
  const scan = performance.getEntriesByName('pizhu:scan', 'measure')[0];
  const init = performance.getEntriesByName('pizhu:init', 'measure')[0];
  // One walk of a small page takes less than the clock's 0.1 ms: walk until 5 ms have passed, and average.
  const walkStart = performance.now();
  let walks = 0;
  let chars = 0;
  do {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) chars += walker.currentNode.data.length;
    walks++;
  } while (performance.now() - walkStart < 5);
  const floor = (performance.now() - walkStart) / walks;
  const textChars = chars / walks;
  const parseStart = performance.now();
  new globalThis.Readability(document.cloneNode(true)).parse();
  const readability = performance.now() - parseStart;
  const during = scan
    ? globalThis.__pizhuLongFrames.filter((f) => f.start < scan.startTime + scan.duration && f.start + f.duration > scan.startTime)
    : [];
  return {
    init: init?.duration ?? null,
    scan: scan?.duration ?? null,
    // When the scan began, ms after the navigation: it waits for the page to settle (page/slices.ts settled).
    start: scan?.startTime ?? null,
    floor,
    readability,
    textChars,
    // The most blocking of the frames the scan overlapped: a task of the scan, or of the page, past 50 ms.
    blocking: scan ? Math.max(0, ...during.map((f) => f.blocking)) : null,
    // The scan's own longest task, as its slicer timed it (the browser cannot tell our tasks from the page's).
    ownTask: scan?.detail?.longestTask ?? null,
  };
}

/**
 * The pages in a different order each run (the same orders from one bench to the next): a page scanned right after
 * a heavy one pays for that page's garbage, collected in the same renderer during its scan. Taken in a fixed order,
 * every run of the pages after the 100,000-span page paid it (the Zhangdian templates: 6-12 ms a scan against 3-5 ms
 * elsewhere in the list); shuffled, each page meets a different predecessor in each run, and the median sees past it.
 */
function orderOfRun(pages, run) {
  let seed = 0x9e3779b9 ^ (run + 1);
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = [...pages];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export async function run({ browser, runs, median, ratio, ms, table }) {
  await browser.context.addInitScript(recordLongFrames);
  const page = await browser.context.newPage();
  const pages = browser.server.pages;
  const samplesOf = new Map(pages.map((fixture) => [fixture.name, []]));
  // The kind each page's first load published: a page without one has no scan to wait for, and later loads only settle.
  const kinds = new Map();
  for (let i = 0; i < runs; i++) {
    for (const fixture of orderOfRun(pages, i)) {
      const seen = kinds.has(fixture.name);
      const kind = await visit(page, browser.urlFor(fixture.name), { timeout: !seen || kinds.get(fixture.name) ? 30_000 : 500 });
      if (!seen) kinds.set(fixture.name, kind);
      await page.addScriptTag({ path: readabilityPath });
      samplesOf.get(fixture.name).push(await page.evaluate(sampleInPage));
    }
  }
  await page.close();

  const results = new Map();
  for (const fixture of pages) {
    const samples = samplesOf.get(fixture.name);
    const kind = kinds.get(fixture.name);
    const pick = (k) => median(samples.map((s) => s[k]));
    results.set(fixture.name, {
      kind,
      kb: Math.round(fixture.body().length / 1024),
      textChars: samples[0].textChars,
      init: pick('init'),
      scan: pick('scan'),
      start: pick('start'),
      floor: pick('floor'),
      readability: pick('readability'),
      blocking: pick('blocking'),
      worstBlocking: samples.some((s) => s.blocking != null) ? Math.max(...samples.map((s) => s.blocking ?? 0)) : null,
      worstOwnTask: samples.some((s) => s.ownTask != null) ? Math.max(...samples.map((s) => s.ownTask ?? 0)) : null,
    });
  }

  const rows = [...results].map(([name, r]) => [name, r.kind ?? '—', r.kb, r.textChars, ms(r.init), ms(r.scan), ms(r.floor), ms(r.readability),
    ratio(r.scan, r.readability), ratio(r.scan, r.floor), ms(r.worstOwnTask), ms(r.worstBlocking)]);
  table(['page', 'kind', 'KB', 'text chars', 'init ms', 'scan ms', 'floor ms', 'readability ms', 'scan/readab.', 'scan/floor', 'own task', 'blocking'], rows);

  const measured = [...results.values()].filter((r) => r.scan != null);
  const ratios = (group, by) => group.filter((r) => r[by]).map((r) => r.scan / r[by]);
  const spread = (xs) => (xs.length ? `median ${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})` : '—');
  const recognised = measured.filter((r) => r.kind === 'report' || r.kind === 'document');
  const none = measured.filter((r) => r.kind === 'none');
  const overTarget = ratios(recognised, 'readability').filter((x) => x > 1.5).length;
  console.log(`\nreport and document pages (${recognised.length}): scan/readability ${spread(ratios(recognised, 'readability'))}, `
    + `${overTarget} over 1.5`);
  console.log(`none pages (${none.length}): scan/floor ${spread(ratios(none, 'floor'))}, scan/readability ${spread(ratios(none, 'readability'))}`);
  const starts = recognised.map((r) => r.start).filter((x) => x != null);
  console.log(`the scan's start on report and document pages, ms after navigation (it waits for the page to settle): ${spread(starts)}`);
  const inits = [...results.values()].map((r) => r.init).filter((x) => x != null);
  console.log(`the content script's top level, before any scan (every page pays it): ${spread(inits)} ms`);
  if (measured.length < results.size) {
    console.log(`${results.size - measured.length} pages left no 'pizhu:scan' measure: their scan is not counted.`);
  }

  // Worst of the runs, per page: the scan's own longest task, and the most blocking frame during the scan (the
  // page's own parsing, layout and painting included).
  const worstOf = (key) => [...results].filter(([, r]) => r[key] != null).sort((a, b) => b[1][key] - a[1][key]);
  for (const [key, what, limit] of [['worstOwnTask', 'the scan\'s own longest task', 50], ['worstBlocking', 'the most blocking frame during a scan (its tasks\' time past 50 ms)', 0]]) {
    const worst = worstOf(key);
    const over = worst.filter(([, r]) => r[key] > limit);
    console.log(`${key === 'worstOwnTask' ? '\n' : ''}${what}, worst of ${runs} runs: `
      + `${worst.length ? `${ms(worst[0][1][key])} ms on ${worst[0][0]}` : '—'}; ${over.length} pages over ${limit} ms`
      + `${over.length ? `: ${over.map(([n, r]) => `${n} ${ms(r[key])}`).join(', ')}` : ''}`);
  }
  for (const [name, r] of [...results].filter(([, r]) => r.kb >= 400)) {
    console.log(`  ${name} (${r.kb} KB): scan median ${ms(r.scan)} ms, own longest task worst ${ms(r.worstOwnTask)} ms, `
      + `blocking median ${ms(r.blocking)} ms, worst ${ms(r.worstBlocking)} ms`);
  }
  const big = results.get(bigPage), half = results.get(halfPage);
  console.log(`linearity: scan ${ms(half.scan)} ms at ${half.kb} KB → ${ms(big.scan)} ms at ${big.kb} KB: `
    + `×${ratio(big.scan, half.scan)} for ×${ratio(big.kb, half.kb)} the size`);
  console.log('(times are medians of in-page performance.now(), which Chromium rounds to 0.1 ms; blocking from the Long Animation Frames API)');
}
