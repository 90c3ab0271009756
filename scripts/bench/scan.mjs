// The recognition scan against two yardsticks measured in the same page load: the floor (walking every
// text node once, less than any scan can do) and Mozilla Readability's parse (what a reader mode spends).
// Report and document pages are judged by scan/Readability, `none` pages (which are only read, not recognised)
// against the floor, each group on its own. Every page is served: the shared fixtures, the real pages of
// tests/fixtures, the fixtures re-dressed in the templates of scripts/page-templates.mjs, the big pages (1 MB,
// 100,000 spans). Also the scan's longest task (none may pass 50 ms), as its slicer timed it and as the browser saw
// it, and how the scan grows from 0.5 MB to 1 MB.
//
// The browser's view is the Long Animation Frames API's blocking time (the part of a frame's tasks past 50 ms), not
// the Long Tasks API: that one reports no task of an extension's content script (measured here: no entry during
// scans whose own tasks took 70 ms, which frames overlapping them did show as blocking).
import { createRequire } from 'node:module';
import { revisit, visit } from '../extension-browser.mjs';

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
    scan: scan?.duration ?? null,
    floor,
    readability,
    textChars,
    // The most blocking of the frames the scan overlapped: a task of the scan, or of the page, past 50 ms.
    blocking: scan ? Math.max(0, ...during.map((f) => f.blocking)) : null,
    // The scan's own longest task, as its slicer timed it (the browser cannot tell our tasks from the page's).
    ownTask: scan?.detail?.longestTask ?? null,
  };
}

export async function run({ browser, runs, median, ratio, ms, table }) {
  await browser.context.addInitScript(recordLongFrames);
  const page = await browser.context.newPage();
  const results = new Map();
  for (const fixture of browser.server.pages) {
    const samples = [];
    let kind = null;
    for (let i = 0; i < runs; i++) {
      // Without a published kind there is no scan to wait for: later loads only settle.
      const timeout = i === 0 || kind ? 30_000 : 500;
      kind = i === 0 ? await visit(page, browser.urlFor(fixture.name), { timeout }) : await revisit(page, { timeout });
      await page.addScriptTag({ path: readabilityPath });
      samples.push(await page.evaluate(sampleInPage));
    }
    const pick = (k) => median(samples.map((s) => s[k]));
    results.set(fixture.name, {
      kind,
      kb: Math.round(fixture.body().length / 1024),
      textChars: samples[0].textChars,
      scan: pick('scan'),
      floor: pick('floor'),
      readability: pick('readability'),
      blocking: pick('blocking'),
      worstBlocking: samples.some((s) => s.blocking != null) ? Math.max(...samples.map((s) => s.blocking ?? 0)) : null,
      worstOwnTask: samples.some((s) => s.ownTask != null) ? Math.max(...samples.map((s) => s.ownTask ?? 0)) : null,
    });
  }
  await page.close();

  const rows = [...results].map(([name, r]) => [name, r.kind ?? '—', r.kb, r.textChars, ms(r.scan), ms(r.floor), ms(r.readability),
    ratio(r.scan, r.readability), ratio(r.scan, r.floor), ms(r.worstOwnTask), ms(r.worstBlocking)]);
  table(['page', 'kind', 'KB', 'text chars', 'scan ms', 'floor ms', 'readability ms', 'scan/readab.', 'scan/floor', 'own task', 'blocking'], rows);

  const measured = [...results.values()].filter((r) => r.scan != null);
  const ratios = (group, by) => group.filter((r) => r[by]).map((r) => r.scan / r[by]);
  const spread = (xs) => (xs.length ? `median ${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})` : '—');
  const recognised = measured.filter((r) => r.kind === 'report' || r.kind === 'document');
  const none = measured.filter((r) => r.kind === 'none');
  const overTarget = ratios(recognised, 'readability').filter((x) => x > 1.5).length;
  console.log(`\nreport and document pages (${recognised.length}): scan/readability ${spread(ratios(recognised, 'readability'))}, `
    + `${overTarget} over 1.5`);
  console.log(`none pages (${none.length}): scan/floor ${spread(ratios(none, 'floor'))}, scan/readability ${spread(ratios(none, 'readability'))}`);
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
