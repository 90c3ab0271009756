// What an end-to-end test needs: Chromium with the built extension and the fixture pages under their real
// hosts (scripts/extension-browser.mjs, shared with the benchmark), and readers of what the extension
// shows, taken from the page's own world as the evaluation reads them.
import type { Page } from 'playwright-core';

export { launchWithExtension, revisit, visit } from '../../scripts/extension-browser.mjs';
export type { ExtensionBrowser } from '../../scripts/extension-browser.mjs';
export type { FixturePage } from '../../scripts/serve-fixtures.mjs';

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
