// Recognition on one page: scan, paint, answer the side panel, show the card on hover or focus.
import type { ContentScriptContext } from '#imports';
import { events, type ItemSummary, type PageSummary, type RecognitionRows, type ScanStatus } from '../../messaging';
import { nameMatches, type MatchIndicators } from '../../page/page-indicators';
import { headingAt, outlineHeadings, recognitionRows, type Heading } from '../../page/recognition-rows';
import { sentenceAround } from '../../recognition/sentence';
import { buildHighlights, clearHighlights, DRAW_MS_PER_TEXT_NODE, paintHighlights, rangesFor } from '../../page/highlights';
import { matchAtPoint, matchAtSelection } from '../../page/hit-test';
import { framedDocument } from '../../page/framed-document';
import { revealRange } from '../../page/reveal';
import { scanPage, studyInputOf, type ScanResult } from '../../page/scan';
import type { PageKind } from '../../model';
import type { Category, CategorySwitches } from '../../recognition/types';
import { Slicer } from '../../page/slices';
import { cardLayer } from './card';
import { outlineReport } from '../../study/outline';

export interface RecognitionSession {
  scan: ScanResult;
  status: ScanStatus;
  /** Built when first asked for (the side panel): thousands of items cost a page nobody inspects nothing. With
   * the figures' indicators, or without them when naming could not load. */
  summary(): Promise<PageSummary>;
  /** Export rows of the page's figures and document numbers, with their sentences, section headings and
   * indicators. */
  rows(): Promise<RecognitionRows>;
  setSwitches(on: CategorySwitches): void;
  reveal(index: number): boolean;
  stop(): void;
}

const CONTEXT = 14;

function statusOf(scan: ScanResult): ScanStatus {
  const counts: Record<Category, number> = { docno: 0, figure: 0, date: 0 };
  for (const m of scan.matches) counts[m.category]++;
  return { title: scan.layout.title, kind: scan.kind, reason: scan.reason, kindSetByReader: scan.kindSetByReader, counts };
}

function summarize(scan: ScanResult, status: ScanStatus, headings: Heading[]): PageSummary {
  const { text } = scan.layout.map;
  const items: ItemSummary[] = scan.matches.map((m, index) => {
    const before = text.slice(Math.max(0, m.start - CONTEXT), m.start);
    const after = text.slice(m.end, m.end + CONTEXT);
    return {
      index,
      category: m.category,
      text: m.text,
      before: before.slice(before.lastIndexOf('\n') + 1),
      after: after.split('\n')[0],
      sentence: sentenceAround(text, m.start, m.end),
      heading: headingAt(headings, m.start),
    };
  });
  return { ...status, url: location.href, host: location.hostname, items, framed: status.kind === 'none' ? framedDocument(document) : undefined };
}

function withIndicators(summary: PageSummary, named: MatchIndicators): PageSummary {
  const items = summary.items.map((item) => {
    const found = named[item.index];
    return found ? { ...item, indicator: { name: found.name?.text ?? null, value: found.value } } : item;
  });
  return { ...summary, items };
}

/** `kind`: the kind the reader set for this page, read in place of the classifier's verdict. */
export async function startRecognition(ctx: ContentScriptContext, switches: CategorySwitches, kind?: PageKind): Promise<RecognitionSession> {
  const started = performance.now();
  const slicer = new Slicer();
  const scan = await scanPage(document, slicer, kind);
  const { matches } = scan;
  const map = scan.layout.map;
  const { ranges, textNodes } = await rangesFor(map, matches, slicer);
  const highlights = await buildHighlights(matches, ranges, slicer);
  let on = switches;
  await slicer.leaveRoom(textNodes * DRAW_MS_PER_TEXT_NODE);
  paintHighlights(highlights, on);
  document.documentElement.dataset.pizhuKind = scan.kind;
  performance.measure('pizhu:scan', {
    start: started,
    detail: { kind: scan.kind, matches: matches.length, longestTask: slicer.longestTask() },
  });

  const status = statusOf(scan);
  let summary: PageSummary | null = null;
  let summaryNamed: PageSummary | null = null;
  let headings: Heading[] | null = null;
  // Section headings as study mode's outline finds them, computed when first asked for (panel or export).
  const sections = () => (headings ??= outlineHeadings(outlineReport(studyInputOf(scan)).nodes));
  // The figures' indicators: named once, when a card or a panel first asks (never during the scan).
  let naming: Promise<MatchIndicators> | null = null;
  let named: MatchIndicators | null = null;
  let namingFailed = false;
  const indicators = () => {
    if (naming) return naming;
    const asked = performance.now();
    naming = nameMatches(map.text, matches, new Slicer().pause).then(
      (found) => {
        performance.measure('pizhu:indicators', { start: asked, detail: { figures: status.counts.figure } });
        return (named = found);
      },
      (e: unknown) => {
        namingFailed = true;
        throw e;
      },
    );
    return naming;
  };
  const card = cardLayer();
  let shown = -1;
  let revealing = false;
  const drawCard = (i: number) => {
    const m = matches[i];
    if (m.category !== 'figure') return card.show(m, ranges[i].getBoundingClientRect());
    card.show(m, ranges[i].getBoundingClientRect(), named ? named[i] : namingFailed ? undefined : 'loading');
    if (!named && !namingFailed) void indicators().then(() => shown === i && drawCard(i), () => shown === i && drawCard(i));
  };
  const show = (i: number) => {
    if (i === shown) return;
    shown = i;
    if (i < 0 || !on[matches[i].category]) {
      card.hide();
      return;
    }
    drawCard(i);
  };

  // Only pages with something highlighted listen to the pointer; `none` pages pay nothing after the scan.
  if (matches.length) {
    let frame = 0;
    let last: PointerEvent | null = null;
    ctx.addEventListener(document, 'pointermove', (e) => {
      if (!e.isTrusted) return;
      last = e as PointerEvent;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (last) show(matchAtPoint(document, map, matches, ranges, last.clientX, last.clientY));
      });
    }, { passive: true });
    ctx.addEventListener(document, 'selectionchange', () => {
      const selection = document.getSelection();
      if (selection && !selection.isCollapsed && selection.toString().length > 40) return; // a passage, not a span
      show(matchAtSelection(selection, map, matches));
    });
    ctx.addEventListener(window, 'scroll', () => revealing || show(-1), { passive: true });
  }

  return {
    scan,
    status,
    async summary() {
      summary ??= summarize(scan, status, sections());
      const found = await indicators().catch(() => null);
      if (!found) return summary;
      return (summaryNamed ??= withIndicators(summary, found));
    },
    async rows() {
      const found = await indicators().catch(() => undefined);
      return { title: status.title, ...recognitionRows(map.text, matches, sections(), found) };
    },
    setSwitches(next) {
      on = next;
      paintHighlights(highlights, on);
      if (shown >= 0) show(-1);
    },
    reveal(index) {
      const range = ranges[index];
      if (!range || !revealRange(range)) return false;
      revealing = true;
      // Select the span: keyboard users land on it, and the card follows the selection from here on.
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range.cloneRange());
      // The card waits for the scroll to end (a card shown mid-scroll would be left behind).
      let done = false;
      const showCard = () => {
        if (done) return;
        done = true;
        revealing = false;
        shown = -1;
        show(index);
      };
      window.addEventListener('scrollend', showCard, { once: true });
      ctx.setTimeout(showCard, 1000);
      return true;
    },
    stop() {
      clearHighlights();
      card.hide();
    },
  };
}

/** Tells the badge and the panels; nobody listening (the worker starting) is fine: the next scan tells again. */
export function reportScan(status: ScanStatus | null): void {
  void events.emit('scan:done', { status });
}
