// Annotations on one page: load and re-anchor them, draw them, and tag new passages. The text they anchor to is the
// scan's text of the page (page chrome left out); the database is the extension's, reached through the background.
import { browser, type ContentScriptContext } from '#imports';
import { anchorMany } from '../../anchoring/anchor';
import { describeRange } from '../../anchoring/describe';
import { normalizeUrl } from '../../anchoring/url';
import { t } from '../../components/i18n';
import type { TagPickerProps } from '../../components/TagPicker';
import type { AnnotationItem, AnnotationList, DataReply, DataRequest, PageData } from '../../messaging/annotations';
import { paintAnnotations } from '../../page/annotation-paint';
import { offsetAtPoint, rangeCovers } from '../../page/hit-test';
import { pageFacts } from '../../page/page-facts';
import { revealRange } from '../../page/reveal';
import type { ScanResult } from '../../page/scan';
import { rangeToOffsets } from '../../page/selection';
import { rangeFor } from '../../page/text-map';
import { newAnnotationId } from '../../storage/ids';
import type { AnnotationRecord, Term } from '../../model';
import { taggerLayer } from './tagger';

type Anchor = NonNullable<AnnotationItem['anchor']>;

export interface AnnotationSession {
  list(): AnnotationList;
  reveal(id: string): boolean;
  /** Opens the picker for the current selection (context menu, keyboard command, the button by the selection). */
  tagSelection(): void;
  /** Pizhu was turned off for the site: nothing drawn, nothing listened to. */
  stop(): void;
}

class DataError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}

async function request<T>(message: DataRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as DataReply<T> | undefined;
  if (!reply) throw new DataError('扩展后台没有响应，这次修改没有保存。', 'The extension did not answer; this change was not saved.');
  if (!reply.ok) throw new DataError(reply.error.zh, reply.error.en);
  return reply.value;
}

const byNotation = (a: Term, b: Term) => a.notation.localeCompare(b.notation, undefined, { numeric: true });
const isEditable = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
const errorText = (e: unknown) => (e instanceof DataError ? `${e.zh} ${e.en}` : String(e));

export async function startAnnotations(ctx: ContentScriptContext, scan: ScanResult): Promise<AnnotationSession> {
  const started = performance.now();
  const map = scan.layout.map;
  const pageUrl = normalizeUrl(location.href);
  const records = new Map<string, AnnotationRecord>();
  const anchors = new Map<string, Anchor | null>();
  const ranges = new Map<string, Range>();
  let data: PageData = { annotations: [], terms: [] };
  let termsById = new Map<string, Term>();
  let offered: Term[] = [];
  let byShortcut = new Map<string, Term>();
  // Why the page's data could not be had (the database unreachable, the default codebook not installed…): the
  // session still offers tagging, and tries again when the user tags, saying why when it still cannot.
  let unavailable: unknown = null;

  function load(next: PageData): void {
    data = next;
    termsById = new Map(data.terms.map((term) => [term.id, term]));
    offered = data.terms.filter((term) => !term.retired).sort(byNotation);
    byShortcut = new Map(offered.filter((term) => term.shortcut).map((term) => [term.shortcut!, term]));
    const found = anchorMany(map.text, data.annotations.map((a) => ({ quote: a.quote, position: a.position })));
    data.annotations.forEach((a, i) => {
      records.set(a.id, a);
      place(a.id, found[i]);
    });
    // Most pages have no annotations: they get no stylesheet and no highlight until the first tag.
    if (records.size) repaint();
  }

  const fetchData = () => request<PageData>({ type: 'pizhu:data:page', url: pageUrl });
  try {
    load(await fetchData());
  } catch (e) {
    unavailable = e;
    console.warn('[Pizhu] annotations unavailable for now:', errorText(e));
  }
  performance.measure('pizhu:annotations', { start: started, detail: { annotations: records.size } });

  function place(id: string, anchor: Anchor | null): void {
    anchors.set(id, anchor ? { start: anchor.start, end: anchor.end, method: anchor.method } : null);
    if (anchor) ranges.set(id, rangeFor(map, anchor.start, anchor.end));
    else ranges.delete(id);
  }

  function repaint(): void {
    const items = [...records.values()].flatMap((a) => {
      const range = ranges.get(a.id);
      return range ? [{ range, color: termsById.get(a.terms[0])?.color }] : [];
    });
    paintAnnotations(items);
  }

  function changed(): void {
    browser.runtime.sendMessage({ type: 'pizhu:annotations:changed' }).catch(() => {});
  }

  const tagger = taggerLayer(ctx);

  /** The page's data, fetched again if it could not be had before; false (and the user told why) when it still cannot. */
  async function ready(): Promise<boolean> {
    if (!unavailable) return true;
    try {
      load(await fetchData());
      unavailable = null;
      return true;
    } catch (e) {
      unavailable = e;
      tagger.hideButton();
      tagger.toast({ message: `${t('toastUnavailable')} ${errorText(e)}`, error: true });
      return false;
    }
  }
  let active = true;
  // Writes of one annotation go out one after another, so that the last state is the stored one.
  let writes: Promise<unknown> = Promise.resolve();
  // The page's text is kept once, with its first annotation; a page that came with annotations has it already.
  let snapshotKept = data.annotations.length > 0;

  function save(next: AnnotationRecord, before: AnnotationRecord | undefined): void {
    writes = writes.then(async () => {
      try {
        const stored = await request<AnnotationRecord>({
          type: 'pizhu:data:save',
          annotation: next,
          page: pageFacts(scan, pageUrl),
          snapshot: snapshotKept ? undefined : map.text,
        });
        snapshotKept = true;
        if (records.has(stored.id)) records.set(stored.id, stored);
        changed();
      } catch (e) {
        // Nothing stored changed: show the page as the database has it, and say why.
        if (before) records.set(before.id, before);
        else {
          records.delete(next.id);
          anchors.delete(next.id);
          ranges.delete(next.id);
        }
        repaint();
        tagger.closePicker();
        tagger.toast({ message: `${t('toastSaveFailed')} ${errorText(e)}`, error: true });
      }
    });
  }

  /** Applies a change to an annotation (creating it for a new passage) and draws it before it is stored. */
  function update(id: string, passage: { start: number; end: number }, change: (a: AnnotationRecord) => AnnotationRecord, at?: number): AnnotationRecord {
    const before = records.get(id);
    const now = new Date().toISOString();
    const base: AnnotationRecord = before ?? {
      id,
      pageUrl,
      sourceUrl: location.href,
      ...describeRange(map.text, passage.start, passage.end),
      terms: [],
      note: '',
      created: now,
      modified: now,
    };
    const next = change(base);
    records.set(id, next);
    if (!before) place(id, { ...passage, method: 'exact' });
    repaint();
    // Measured to the next frame, when the highlight is on screen.
    if (at !== undefined) requestAnimationFrame(() => performance.measure('pizhu:tag', { start: at }));
    save(next, before);
    return next;
  }

  async function remove(id: string): Promise<void> {
    const record = records.get(id);
    if (!record) return;
    tagger.closePicker();
    try {
      await request<AnnotationRecord | undefined>({ type: 'pizhu:data:delete', id });
    } catch (e) {
      tagger.toast({ message: `${t('toastSaveFailed')} ${errorText(e)}`, error: true });
      return;
    }
    const anchor = anchors.get(id) ?? null;
    records.delete(id);
    anchors.delete(id);
    ranges.delete(id);
    repaint();
    changed();
    tagger.toast({
      message: t('toastDeleted'),
      action: {
        label: t('undo'),
        run: () => {
          records.set(id, record);
          place(id, anchor);
          repaint();
          request({ type: 'pizhu:data:restore', annotation: record })
            .then(changed)
            .catch((e) => tagger.toast({ message: `${t('toastSaveFailed')} ${errorText(e)}`, error: true }));
        },
      },
    });
  }

  function openPicker(id: string, passage: { start: number; end: number }, at: DOMRect): void {
    const record = records.get(id);
    const props: TagPickerProps = {
      terms: offered,
      termsById,
      quote: record?.quote.exact ?? map.text.slice(passage.start, passage.end),
      applied: record?.terms ?? [],
      note: record?.note ?? '',
      isNew: !record,
      onApply: (termId, when) => {
        update(id, passage, (a) => ({ ...a, terms: a.terms.includes(termId) ? a.terms : [...a.terms, termId] }), when);
        openPicker(id, passage, at);
      },
      onRemove: (termId) => {
        update(id, passage, (a) => ({ ...a, terms: a.terms.filter((x) => x !== termId) }));
        openPicker(id, passage, at);
      },
      onNote: (note) => {
        if (!records.has(id) && !note.trim()) return;
        update(id, passage, (a) => ({ ...a, note }));
        openPicker(id, passage, at);
      },
      onDelete: () => void remove(id),
      onClose: () => tagger.closePicker(),
    };
    tagger.openPicker(at, props, id);
  }

  function selectedPassage(): { passage: { start: number; end: number }; at: DOMRect } | null {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const passage = rangeToOffsets(map, range);
    return passage ? { passage, at: range.getBoundingClientRect() } : null;
  }

  function tagSelection(): void {
    const selected = selectedPassage();
    if (!selected) {
      tagger.toast({ message: t('toastNotInText') });
      return;
    }
    if (!unavailable) return openPicker(newAnnotationId(), selected.passage, selected.at);
    void ready().then((ok) => {
      if (ok && active) openPicker(newAnnotationId(), selected.passage, selected.at);
    });
  }

  // The small button by a fresh selection.
  const offerButton = () => {
    if (!active || tagger.pickerOpen) return;
    const selected = selectedPassage();
    if (selected) tagger.showButton(selected.at, tagSelection);
    else tagger.hideButton();
  };
  ctx.addEventListener(document, 'mouseup', () => ctx.setTimeout(offerButton, 0));
  ctx.addEventListener(document, 'keyup', (e) => (e as KeyboardEvent).shiftKey && offerButton());
  ctx.addEventListener(document, 'selectionchange', () => {
    if (document.getSelection()?.isCollapsed) tagger.hideButton();
  });

  // One-key coding: with a passage selected, a term's shortcut key tags it at once.
  ctx.addEventListener(document, 'keydown', (event) => {
    const e = event as KeyboardEvent;
    if (!active || e.altKey || e.ctrlKey || e.metaKey || e.key.length !== 1 || isEditable(e.target)) return;
    const term = byShortcut.get(e.key.toLowerCase());
    if (!term) return;
    const selected = selectedPassage();
    if (!selected) return;
    e.preventDefault();
    const id = newAnnotationId();
    update(id, selected.passage, (a) => ({ ...a, terms: [term.id] }), e.timeStamp);
    tagger.hideButton();
    document.getSelection()?.removeAllRanges();
    tagger.toast({ message: t('toastTagged', `${term.notation} ${term.label.zh}`), action: { label: t('undo'), run: () => void remove(id) } });
  }, { capture: true });

  // A click on a tagged passage opens its annotation.
  ctx.addEventListener(document, 'click', (event) => {
    const e = event as MouseEvent;
    if (!active || !document.getSelection()?.isCollapsed || (e.target as Element | null)?.closest?.('a, button, input, textarea, select')) return;
    const at = offsetAtPoint(document, map, e.clientX, e.clientY);
    if (at < 0) return;
    for (const [id, anchor] of anchors) {
      if (!anchor || at < anchor.start || at >= anchor.end) continue;
      const range = ranges.get(id)!;
      if (rangeCovers(range, e.clientX, e.clientY)) openPicker(id, anchor, range.getBoundingClientRect());
      return;
    }
  });

  return {
    list() {
      const items: AnnotationItem[] = [...records.values()].map((record) => ({ record, anchor: anchors.get(record.id) ?? null }));
      // Document order; orphans (no anchor) after, in creation order.
      items.sort((a, b) => (a.anchor?.start ?? Infinity) - (b.anchor?.start ?? Infinity));
      return { items, terms: data.terms };
    },
    reveal(id) {
      const range = ranges.get(id);
      return !!range && revealRange(range);
    },
    tagSelection() {
      if (active) tagSelection();
    },
    stop() {
      active = false;
      tagger.closePicker();
      tagger.hideButton();
      paintAnnotations([]);
    },
  };
}
