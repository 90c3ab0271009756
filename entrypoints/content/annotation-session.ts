// Annotations on one page: the page side of annotator/annotation-store.ts. The store holds the annotations and
// their changes; this file wires it to the database (through the background), to the page's events (selection,
// shortcuts, clicks), to the drawing and to the tagging layer. The text they anchor to is the scan's text of the
// page (page chrome left out).
import type { ContentScriptContext } from '#imports';
import { AnnotationStore, type PersistService } from '../../annotator/annotation-store';
import { normalizeUrl } from '../../anchoring/url';
import { t } from '../../components/i18n';
import type { TagPickerProps } from '../../components/TagPicker';
import { background, events, RemoteError, type AnnotationList } from '../../messaging';
import { newAnnotationId, showsCoder, type CoderDisplay } from '../../model';
import { paintAnnotations } from '../../page/annotation-paint';
import { offsetAtPoint, rangeCovers } from '../../page/hit-test';
import { pageFacts } from '../../page/page-facts';
import { revealRange } from '../../page/reveal';
import type { ScanResult } from '../../page/scan';
import { rangeToOffsets } from '../../page/selection';
import { rangeFor } from '../../page/text-map';
import { taggerLayer } from './tagger';

export interface AnnotationSession {
  list(): AnnotationList;
  reveal(id: string): boolean;
  /** Opens the picker for the current selection (context menu, keyboard command, the button by the selection). */
  tagSelection(): void;
  /** Whose annotations are drawn changed (the user's switches). */
  setCoders(display: CoderDisplay | undefined): void;
  /** Pizhu was turned off for the site: nothing drawn, nothing listened to. */
  stop(): void;
}

const isEditable = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
const errorText = (e: unknown) => (e instanceof RemoteError ? `${e.zh} ${e.en}` : String(e instanceof Error ? e.message : e));

export async function startAnnotations(ctx: ContentScriptContext, scan: ScanResult, coders?: CoderDisplay): Promise<AnnotationSession> {
  const started = performance.now();
  const map = scan.layout.map;
  const pageUrl = normalizeUrl(location.href);
  const data = await background.send('annotations:page', { url: pageUrl });

  const persist: PersistService = {
    save: (annotation, withText) =>
      background.send('annotations:save', { annotation, page: pageFacts(scan, pageUrl), snapshot: withText ? map.text : undefined }),
    remove: (id) => background.send('annotations:delete', { id }),
    restore: (annotation) => background.send('annotations:restore', { annotation }),
  };
  const store = new AnnotationStore({ text: map.text, pageUrl, sourceUrl: location.href }, persist);
  store.load(data.annotations, data.terms);
  const me = data.coder;
  let display = coders;

  // Ranges are derived from anchors, kept while the anchor stays the same (a repaint per keystroke in the picker
  // must not map every passage again).
  const ranges = new Map<string, { start: number; end: number; range: Range }>();
  const rangeOf = (id: string): Range | undefined => {
    const anchor = store.get(id)?.anchor;
    if (!anchor) return undefined;
    const kept = ranges.get(id);
    if (kept && kept.start === anchor.start && kept.end === anchor.end) return kept.range;
    const range = rangeFor(map, anchor.start, anchor.end);
    ranges.set(id, { start: anchor.start, end: anchor.end, range });
    return range;
  };
  const repaint = () =>
    paintAnnotations(store.entries().flatMap(({ record }) => {
      const creator = record.creator?.id;
      const range = showsCoder(display, me, creator) ? rangeOf(record.id) : undefined;
      return range ? [{ range, color: store.term(record.terms[0])?.color, other: creator !== undefined && creator !== me }] : [];
    }));

  const tagger = taggerLayer(ctx);
  let active = true;
  let paintAt: number | undefined;
  store.subscribe((event) => {
    if (event.type === 'write-failed') {
      tagger.closePicker();
      tagger.toast({ message: `${t('toastSaveFailed')} ${errorText(event.error)}`, error: true });
      return;
    }
    if (!active) return;
    repaint();
    // Measured to the next frame, when a new tag is on screen.
    if (paintAt !== undefined) {
      const at = paintAt;
      paintAt = undefined;
      requestAnimationFrame(() => performance.measure('pizhu:tag', { start: at }));
    }
    void events.emit('annotations:changed');
  });
  // Most pages have no annotations: they get no stylesheet and no highlight until the first tag.
  if (store.size) repaint();
  performance.measure('pizhu:annotations', { start: started, detail: { annotations: store.size } });

  // The codebook changed in the library (or by sync): new labels and colours, without a reload.
  const unwatchCodebook = events.on('codebook:changed', () => {
    background.send('terms:list').then((terms) => store.setTerms(terms), () => {});
  });
  // A teammate's annotations of this page arrived, were edited or deleted: shown without a reload.
  const unwatchSynced = events.on('annotations:synced', () => {
    background.send('annotations:page', { url: pageUrl }).then((fresh) => store.replaceStored(fresh.annotations, fresh.terms), () => {});
  });
  ctx.onInvalidated(() => {
    unwatchCodebook();
    unwatchSynced();
  });

  async function remove(id: string): Promise<void> {
    tagger.closePicker();
    let undo: () => Promise<void>;
    try {
      undo = await store.delete(id);
    } catch (e) {
      tagger.toast({ message: `${t('toastSaveFailed')} ${errorText(e)}`, error: true });
      return;
    }
    tagger.toast({
      message: t('toastDeleted'),
      action: {
        label: t('undo'),
        run: () => void undo().catch((e) => tagger.toast({ message: `${t('toastSaveFailed')} ${errorText(e)}`, error: true })),
      },
    });
  }

  function openPicker(id: string, passage: { start: number; end: number }, at: DOMRect): void {
    const record = store.get(id)?.record;
    const props: TagPickerProps = {
      terms: store.offered(),
      termsById: new Map(store.terms().map((term) => [term.id, term])),
      quote: record?.quote.exact ?? map.text.slice(passage.start, passage.end),
      applied: record?.terms ?? [],
      note: record?.note ?? '',
      isNew: !record,
      onApply: (termId, when) => {
        paintAt = when;
        store.update(id, passage, (a) => ({ ...a, terms: a.terms.includes(termId) ? a.terms : [...a.terms, termId] }));
        openPicker(id, passage, at);
      },
      onRemove: (termId) => {
        store.update(id, passage, (a) => ({ ...a, terms: a.terms.filter((x) => x !== termId) }));
        openPicker(id, passage, at);
      },
      onNote: (note) => {
        if (!store.get(id) && !note.trim()) return;
        store.update(id, passage, (a) => ({ ...a, note }));
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
    openPicker(newAnnotationId(), selected.passage, selected.at);
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
    const term = store.termForKey(e.key);
    if (!term) return;
    const selected = selectedPassage();
    if (!selected) return;
    e.preventDefault();
    const id = newAnnotationId();
    paintAt = e.timeStamp;
    store.update(id, selected.passage, (a) => ({ ...a, terms: [term.id] }));
    tagger.hideButton();
    document.getSelection()?.removeAllRanges();
    tagger.toast({ message: t('toastTagged', `${term.notation} ${term.label.zh}`), action: { label: t('undo'), run: () => void remove(id) } });
  }, { capture: true });

  // A click on a tagged passage opens its annotation.
  ctx.addEventListener(document, 'click', (event) => {
    const e = event as MouseEvent;
    if (!active || !document.getSelection()?.isCollapsed || (e.target as Element | null)?.closest?.('a, button, input, textarea, select')) return;
    const offset = offsetAtPoint(document, map, e.clientX, e.clientY);
    if (offset < 0) return;
    const hit = store.at(offset);
    const range = hit && rangeOf(hit.record.id);
    if (hit?.anchor && range && rangeCovers(range, e.clientX, e.clientY)) openPicker(hit.record.id, hit.anchor, range.getBoundingClientRect());
  });

  return {
    list: () => ({ items: store.entries(), terms: store.terms() }),
    reveal(id) {
      const range = rangeOf(id);
      return !!range && revealRange(range);
    },
    tagSelection() {
      if (active) tagSelection();
    },
    setCoders(next) {
      display = next;
      if (active) repaint();
    },
    stop() {
      active = false;
      unwatchCodebook();
      unwatchSynced();
      tagger.closePicker();
      tagger.hideButton();
      paintAnnotations([]);
    },
  };
}
