// `npm run screenshots [-- --out DIR]`: Pizhu at work, photographed in headless Chromium with the built extension on
// a bundled report — the highlights, a figure's card, the side panel's three tabs, the library — as PNG files in
// DIR (default screenshots/). For a newcomer on a machine without a screen (npm start does this there), and for
// the README's pictures (`--out docs`). The browser runs in Chinese (Debian's chromium-l10n) when it can.
/* global chrome -- the extension's worker, where tabIdOf's function runs */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildExtension, launchWithExtension, visit } from './extension-browser.mjs';

const REPORT = 'zhangdian-2017-report';

/** Centre of the first range of a CSS highlight whose text is `text`, scrolled into view. */
async function pointAt(page, name, text) {
  return page.evaluate(({ name, text }) => {
    const r = [...(CSS.highlights.get(name) ?? [])].find((x) => x.toString() === text);
    if (!r) return null;
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const b = r.getClientRects()[0];
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }, { name, text });
}

async function tabIdOf(browser, url) {
  return browser.serviceWorker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, url);
}

/** Takes the pictures; returns the files written, in order, each with what it shows. */
export async function takeScreenshots({ out = 'screenshots', lang = 'zh-CN' } = {}) {
  fs.mkdirSync(out, { recursive: true });
  buildExtension({ ifStale: true });
  const browser = await launchWithExtension({ locale: lang });
  const shots = [];
  const shot = async (page, name, what, options = {}) => {
    const file = path.join(out, `${name}.png`);
    await page.screenshot({ path: file, ...options });
    shots.push({ file, what });
  };
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await visit(page, browser.urlFor(REPORT));
    const figure = await pointAt(page, 'pizhu-figure', '48.6%');
    if (figure) {
      await page.mouse.move(figure.x, figure.y);
      // The card is in Pizhu's closed shadow root, out of the page's (and this script's) reach: give it a moment.
      await page.waitForTimeout(600);
    }
    await shot(page, 'report-highlights', 'a report with its document numbers, figures and dates highlighted, and a figure’s card');

    const tabId = await tabIdOf(browser, page.url());
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.items, .state', { timeout: 10_000 });
    await shot(panel, 'side-panel', 'the side panel: the page’s kind, the switches, its numbers and figures in order');
    for (const [tab, name, what] of [
      [/批注|Annotations/, 'side-panel-annotations', 'the side panel’s annotations of the page'],
      [/学习|Study/, 'side-panel-study', 'study mode: the report’s parts, its numbers explained, the documents it cites'],
    ]) {
      await panel.getByRole('tab', { name: tab }).click();
      await panel.waitForTimeout(800);
      await shot(panel, name, what);
    }

    const library = await browser.context.newPage();
    await library.setViewportSize({ width: 1280, height: 800 });
    await library.goto(`chrome-extension://${browser.extensionId}/library.html`);
    await library.waitForTimeout(1000);
    await shot(library, 'library', 'the library: every annotation, its filters, exports and imports');
  } finally {
    await browser.close();
  }
  return shots;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : 'screenshots';
  const shots = await takeScreenshots({ out });
  console.log(`\nScreenshots of Pizhu at work, in ${path.resolve(out)}:`);
  for (const s of shots) console.log(`  ${s.file}  ${s.what}`);
}
