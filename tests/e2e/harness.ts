// What an end-to-end test needs: a browser with the built extension and the fixture pages under their real
// hosts (scripts/extension-browser.mjs, shared with the benchmark), driven through driver.ts, and readers of
// what the extension shows, taken from the page's own world as the evaluation reads them. The browser is
// Chromium, or Firefox when PIZHU_BROWSER=firefox (the e2e-firefox project of vitest.config.ts).
import { launchWithExtension as launchChromium } from '../../scripts/extension-browser.mjs';
import { chromiumClosedShadowRoots } from './chromium-driver';
import type { BrowserContext, BrowserName, ClosedShadowRoots, ExtensionBrowser, Page } from './driver';
import { firefoxClosedShadowRoots, launchFirefox } from './firefox-driver';

export { revisit, visit } from '../../scripts/extension-browser.mjs';
export type { BrowserContext, Download, ExtensionBrowser, Frame, Locator, Page } from './driver';
export type { FixturePage } from '../../scripts/serve-fixtures.mjs';

/** The browser this run of the e2e tests drives. */
const browserName: BrowserName = process.env.PIZHU_BROWSER === 'firefox' ? 'firefox' : 'chromium';

/** The closed shadow roots of this run's browser's pages (tests/e2e/page-helpers.ts reaches Pizhu's UI with them). */
export const closedShadowRoots: ClosedShadowRoots = browserName === 'firefox' ? firefoxClosedShadowRoots : chromiumClosedShadowRoots;

/**
 * Serves the fixture pages and starts the browser of this run on a fresh profile with the built extension.
 * `firefoxPrefs` adds preferences to Firefox's profile (nothing in Chromium). `server`: another browser's fixture
 * server, so that both see the pages at the same URLs (a team's two browsers); it is left running on close.
 * `chromiumProfileDir`: a profile folder kept when the browser closes, so that a test can start the same profile
 * again (Chromium only: the Firefox launcher installs the add-on at a new address each time, another origin).
 */
export async function launchWithExtension(
  options: { firefoxPrefs?: Record<string, unknown>; server?: ExtensionBrowser['server']; chromiumProfileDir?: string } = {},
): Promise<ExtensionBrowser> {
  if (browserName === 'firefox') {
    if (options.chromiumProfileDir) throw new Error('a kept profile is for Chromium only');
    return launchFirefox({ prefs: options.firefoxPrefs, server: options.server });
  }
  const launched = await launchChromium({ fixtures: options.server, profileDir: options.chromiumProfileDir });
  return {
    name: 'chromium',
    // Playwright's own context and pages: driver.ts is a subset of them (its Locator's `has` takes the Locator
    // the same driver made, which TypeScript cannot see).
    context: launched.context as unknown as BrowserContext,
    extensionId: launched.extensionId,
    extensionUrl: launched.extensionUrl,
    evaluateInExtension: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => launched.serviceWorker.evaluate(fn as never, arg) as Promise<R>,
    server: launched.server,
    urlFor: launched.urlFor,
    close: launched.close,
  };
}

export const HIGHLIGHTS = ['pizhu-docno', 'pizhu-figure', 'pizhu-date'] as const;
export type HighlightName = (typeof HIGHLIGHTS)[number];

/** The texts of the ranges registered under `name` in CSS.highlights, in document order. */
export function readHighlights(page: Page, name: HighlightName): Promise<string[]> {
  return page.evaluate((highlight) => {
    const ranges = [...(CSS.highlights.get(highlight) ?? [])] as Range[];
    return ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString());
  }, name);
}

export interface BodyComparison {
  /** Tag names of the elements the live <html> and <body> hold beyond the served ones (the trailing ones). */
  appended: string[];
  /** Where the live <body> (minus what was appended) first differs from the served one, or null. */
  firstDifference: { offset: number; served: string; live: string } | null;
}

/**
 * Compares the live <body> with the same URL's HTML parsed afresh: the extension may append a host
 * element for its own UI at the end of <html> or <body>, and must change nothing else in the page.
 * Sound only for pages without scripts of their own (all fixture pages).
 */
export function compareBodyWithServed(page: Page): Promise<BodyComparison> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href, { cache: 'no-store' })).text();
    const served = new DOMParser().parseFromString(html, 'text/html');
    const beyond = (live: Element, reference: Element) => [...live.children].slice(reference.childElementCount);
    const appended = [...beyond(document.documentElement, served.documentElement), ...beyond(document.body, served.body)]
      .map((e) => e.tagName.toLowerCase());
    // Dropping the trailing elements leaves any element inserted elsewhere to show up as a difference.
    const body = document.body.cloneNode(true) as Element;
    while (body.childElementCount > served.body.childElementCount) body.lastElementChild!.remove();
    const live = body.innerHTML;
    const reference = served.body.innerHTML;
    let offset = 0;
    while (offset < live.length && live[offset] === reference[offset]) offset++;
    const around = (s: string) => s.slice(Math.max(0, offset - 60), offset + 60);
    return {
      appended,
      firstDifference: live === reference ? null : { offset, served: around(reference), live: around(live) },
    };
  });
}
