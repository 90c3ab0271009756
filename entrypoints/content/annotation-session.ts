// Annotations on one page: the page side of annotator/annotation-store.ts. The store holds the annotations and
// their changes; this file wires it to the database (through the background), to the page's events (selection,
// shortcuts, clicks, hover), to the drawing and to the tagging layer. The text they anchor to is the scan's text of
// the page (page chrome left out).
//
// Only the user acts here: every event that stores, tags, deletes or opens something is a trusted one (a page can
// dispatch any event it likes, but not a trusted one), and a one-key shortcut tags only a selection the user made,
// not one the page set by script.
import type { ContentScriptContext } from '#imports';
import { AnnotationStore, type PersistService } from '../../annotator/annotation-store';
import { stepTo } from '../../annotator/page-nav';
import { normalizeUrl } from '../../anchoring/url';
import { errorText, t } from '../../components/i18n';
import { background, events, type AnnotationList } from '../../messaging';
import type { PickerView } from '../../messaging/picker';
import { newUuidIri, showsCoder, type AnnotationRecord, type CoderDisplay } from '../../model';
import { paintAnnotations } from '../../page/annotation-paint';
import { offsetAtPoint, rangeCovers } from '../../page/hit-test';
import { pageFacts } from '../../page/page-facts';
import { revealRange } from '../../page/reveal';
import type { ScanResult } from '../../page/scan';
import { rangeToOffsets } from '../../page/selection';
import { rangeFor } from '../../page/text-map';
import { structureToKeep } from '../../reading/structure';
import { annotationCardLayer } from './card';
import { overviewBar, type OverviewBar } from './overview-bar';
import { taggerLayer, type PickerHandlers } from './tagger';

export interface AnnotationSession {
  list(): AnnotationList;
  reveal(id: string): boolean;
  /** Writes the note on the page as a whole (the side panel's memo box); the memo as stored, null once deleted. */
  setPageNote(note: string): Promise<AnnotationRecord | null>;
  /** Goes to the next (+1) or previous (−1) annotation on the page; false when it has none anchored. */
  step(step: 1 | -1): boolean;
  /** The side panel's actions on one annotation (messaging/protocol.ts, 'annotations:edit' and the rest). */
  edit(id: string, terms: string[], note: string): Promise<AnnotationRecord>;
  remove(id: string): Promise<boolean>;
  undoRemove(id: string): Promise<boolean>;
  attach(id: string): Promise<'attached' | 'no-selection'>;
  /** Opens the picker for the current selection (context menu, keyboard command, the button by the selection). */
  tagSelection(): void;
  /** Whose annotations are drawn changed (the user's switches). */
  setCoders(display: CoderDisplay | undefined): void;
  /** Pizhu was turned off for the site: nothing drawn, nothing listened to. */
  stop(): void;
}

type Passage = { start: number; end: number };

/** An error a panel shows in its own language (errorText of components/i18n.ts). */
const bilingualError = (zh: string, en: string) => Object.assign(new Error(en), { zh, en });
const gone = () => bilingualError('这条标注已不在页面上（可能已在别处删除）。', 'This annotation is no longer on the page (it may have been deleted elsewhere).');

const isEditable = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

export async function startAnnotations(ctx: ContentScriptContext, scan: ScanResult, coders?: CoderDisplay): Promise<AnnotationSession> {
  const started = performance.now();
  const map = scan.layout.map;
  const pageUrl = normalizeUrl(location.href);

  // The text goes with the page's structure (its main content, its blocks' tags), for the reader of the stored copy.
  const structure = () => structureToKeep(scan.layout.segments, scan.layout.blocks);
  const persist: PersistService = {
    save: (annotation, withText) =>
      background.send('annotations:save', {
        annotation,
        page: pageFacts(scan, pageUrl),
        ...(withText ? { snapshot: map.text, structure: structure() } : {}),
      }),
    remove: (id) => background.send('annotations:delete', { id }),
    restore: (annotation) => background.send('annotations:restore', { annotation }),
    learnPositions: (positions) => background.send('annotations:learn-positions', { positions }),
  };
  const store = new AnnotationStore({ text: map.text, pageUrl, sourceUrl: location.href }, persist);
  // Why the page's data could not be had (the database unreachable, the default codebook not installed…): the
  // session still offers tagging, and tries again when the user tags, saying why when it still cannot.
  let unavailable: unknown = null;
  // This browser's coder (IRI), as the background says with the page's data: their annotations are drawn as their own.
  let me: string | undefined;
  let display = coders;
  const load = async () => {
    const data = await background.send('annotations:page', { url: pageUrl });
    store.load(data.annotations, data.terms);
    me = data.coder;
    // Annotations that came by import or sync before any visit: their page's text is kept now. Not kept this time,
    // the next visit asks again; nothing the reader sees depends on it.
    if (!data.textStored) {
      background.send('annotations:keep-text', { page: pageFacts(scan, pageUrl), text: map.text, structure: structure() }).catch(() => {});
    }
  };
  try {
    await load();
  } catch (e) {
    unavailable = e;
    console.warn('[Pizhu] annotations unavailable for now:', errorText(e));
  }

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
  const colourOf = (id: string) => store.term(store.get(id)?.record.terms[0] ?? '')?.color;
  // The overview bar at the window's edge, from the page's first annotation on.
  let bar: OverviewBar | null = null;
  /** The anchored annotations in document order with their passages' tops: in the viewport, or on the page with
   * `scrolled` (window.scrollY) added. */
  const placed = (scrolled = 0) => store.entries().flatMap(({ record }) => {
    const range = rangeOf(record.id);
    return range ? [{ id: record.id, top: range.getBoundingClientRect().top + scrolled }] : [];
  });
  const repaint = () => {
    if (store.size) {
      watchHover();
      if (bar) bar.update();
      else bar = overviewBar(() => placed(window.scrollY), colourOf, (id) => void reveal(id));
    }
    paintAnnotations(store.entries().flatMap(({ record }) => {
      const creator = record.creator?.id;
      const range = showsCoder(display, me, creator) ? rangeOf(record.id) : undefined;
      return range ? [{ range, color: colourOf(record.id), other: creator !== undefined && creator !== me }] : [];
    }));
  };

  const tagger = taggerLayer(ctx);
  const card = annotationCardLayer();

  /** The page's data, fetched again if it could not be had before; false (and the user told why) when it still cannot. */
  async function ready(): Promise<boolean> {
    if (!unavailable) return true;
    try {
      await load();
      unavailable = null;
      if (store.size) repaint();
      return true;
    } catch (e) {
      unavailable = e;
      tagger.hideButton();
      tagger.toast({ message: `${t('toastUnavailable')} ${errorText(e)}`, error: true });
      return false;
    }
  }
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

  // The codebook changed in the library (or by sync): new labels and colours, without a reload.
  const unwatchCodebook = events.on('codebook:changed', () => {
    background.send('terms:list').then((terms) => store.setTerms(terms), () => {});
  });
  // Annotations of this page changed in the library, or a teammate's arrived, were edited or deleted: shown as the
  // database now holds them, without a reload.
  const fetchStored = () => {
    background.send('annotations:page', { url: pageUrl }).then((data) => {
      if (!active) return;
      unavailable = null;
      store.replaceStored(data.annotations, data.terms);
    }, () => {});
  };
  const unwatchStored = events.on('annotations:stored', ({ pages }) => {
    if (pages.includes(pageUrl)) fetchStored();
  });
  const unwatchSynced = events.on('annotations:synced', fetchStored);
  ctx.onInvalidated(() => {
    unwatchCodebook();
    unwatchStored();
    unwatchSynced();
  });

  // Deletes made from the side panel, whose undo the panel offers: kept for the last few.
  const panelUndos = new Map<string, () => Promise<void>>();

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

  function openPicker(id: string, passage: Passage, range: Range): void {
    const record = store.get(id)?.record;
    const view: PickerView = {
      passage: id,
      quote: record?.quote?.exact ?? map.text.slice(passage.start, passage.end),
      terms: store.offered(),
      known: store.terms(),
      applied: record?.terms ?? [],
      note: record?.note ?? '',
      isNew: !record,
    };
    const applyTerm = (termId: string, when?: number) => {
      paintAt = when;
      store.update(id, passage, (a) => ({ ...a, terms: a.terms.includes(termId) ? a.terms : [...a.terms, termId] }));
      openPicker(id, passage, range);
    };
    const handlers: PickerHandlers = {
      onApply: applyTerm,
      onRemove: (termId) => {
        store.update(id, passage, (a) => ({ ...a, terms: a.terms.filter((x) => x !== termId) }));
        openPicker(id, passage, range);
      },
      onNote: (note) => {
        const current = store.get(id)?.record;
        if (current ? current.note === note : !note.trim()) return;
        store.update(id, passage, (a) => ({ ...a, note }));
        openPicker(id, passage, range);
      },
      onDelete: () => void remove(id),
      onClose: () => tagger.closePicker(),
      onAddTerm: (label, when) => {
        background.send('terms:add', { label })
          .then((term) => {
            if (!store.term(term.id)) store.setTerms([...store.terms(), term]);
            if (tagger.pickerOpen) applyTerm(term.id, when);
          })
          .catch((e) => tagger.pickerError(`${t('pickerAddFailed')} ${errorText(e)}`));
      },
    };
    tagger.openPicker(range, view, handlers);
  }

  function selectedPassage(): { passage: Passage; at: DOMRect } | null {
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
    // A range of our own: the selection's may change under us (and the page can change it).
    const open = () => openPicker(newUuidIri(), selected.passage, rangeFor(map, selected.passage.start, selected.passage.end));
    if (!unavailable) return open();
    void ready().then((ok) => {
      if (ok && active) open();
    });
  }

  // The passage the user last selected, as it stood at their last trusted mouse or key release.
  let userPassage: Passage | null = null;
  const noteUserSelection = (e: Event) => {
    if (e.isTrusted) userPassage = selectedPassage()?.passage ?? null;
  };
  const madeByUser = (passage: Passage) => !!userPassage && userPassage.start === passage.start && userPassage.end === passage.end;

  // The small button by a fresh selection.
  const offerButton = () => {
    if (!active || tagger.pickerOpen) return;
    const selected = selectedPassage();
    if (selected) tagger.showButton(selected.at, tagSelection);
    else tagger.hideButton();
  };
  ctx.addEventListener(document, 'mouseup', (e) => {
    if (!e.isTrusted) return;
    // At once (a key may follow before any timer runs: input comes first), and again once the browser has finished
    // with the selection (a click that collapses it does so after mouseup).
    noteUserSelection(e);
    ctx.setTimeout(() => {
      noteUserSelection(e);
      offerButton();
    }, 0);
  });
  ctx.addEventListener(document, 'keyup', (event) => {
    const e = event as KeyboardEvent;
    if (!e.isTrusted) return;
    // Keys that select (Shift with arrows, Home, End…; select all): not any key, or a page could select by script
    // and wait for the user to press something.
    const selecting = e.shiftKey || e.key === 'Shift' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a');
    if (!selecting) return;
    noteUserSelection(e);
    if (e.shiftKey) offerButton();
  });
  ctx.addEventListener(document, 'selectionchange', () => {
    if (document.getSelection()?.isCollapsed) tagger.hideButton();
  });

  // One-key coding: with a passage selected, a term's shortcut key tags it at once.
  ctx.addEventListener(document, 'keydown', (event) => {
    const e = event as KeyboardEvent;
    if (!e.isTrusted || !active || e.altKey || e.ctrlKey || e.metaKey || e.key.length !== 1 || isEditable(e.target)) return;
    const term = store.termForKey(e.key);
    if (!term) return;
    const selected = selectedPassage();
    if (!selected || !madeByUser(selected.passage)) return;
    e.preventDefault();
    const id = newUuidIri();
    paintAt = e.timeStamp;
    store.update(id, selected.passage, (a) => ({ ...a, terms: [term.id] }));
    tagger.hideButton();
    document.getSelection()?.removeAllRanges();
    tagger.toast({ message: t('toastTagged', `${term.notation} ${term.label.zh}`), action: { label: t('undo'), run: () => void remove(id) } });
  }, { capture: true });

  // A click on a tagged passage opens its annotation.
  ctx.addEventListener(document, 'click', (event) => {
    const e = event as MouseEvent;
    if (!e.isTrusted || !active || !document.getSelection()?.isCollapsed || (e.target as Element | null)?.closest?.('a, button, input, textarea, select')) return;
    const id = annotationAt(e.clientX, e.clientY);
    const anchor = id && store.get(id)?.anchor;
    const range = id && rangeOf(id);
    if (!id || !anchor || !range) return;
    card.hide();
    openPicker(id, anchor, range);
  });

  /** The id of the annotation whose passage is under (x, y), or undefined. */
  function annotationAt(x: number, y: number): string | undefined {
    const at = offsetAtPoint(document, map, x, y);
    if (at < 0) return undefined;
    // A caret between two characters may belong to the passage before or after it.
    for (const probe of [at, at - 1]) {
      for (const { record } of store.containing(probe)) {
        const range = rangeOf(record.id);
        if (range && rangeCovers(range, x, y, 1)) return record.id;
      }
    }
    return undefined;
  }

  // Hovering a tagged passage shows its terms and note. Listened to from the page's first annotation on.
  let hovered: string | undefined;
  let hoverWatched = false;
  function watchHover(): void {
    if (hoverWatched) return;
    hoverWatched = true;
    let frame = 0;
    let last: PointerEvent | null = null;
    const showHovered = () => {
      frame = 0;
      const id = active && last && !tagger.pickerOpen ? annotationAt(last.clientX, last.clientY) : undefined;
      if (id === hovered) return;
      hovered = id;
      const record = id ? store.get(id)?.record : undefined;
      const range = id ? rangeOf(id) : undefined;
      if (!record || !range) card.hide();
      else card.show({ terms: record.terms, termsById: new Map(store.terms().map((x) => [x.id, x])), note: record.note }, range.getBoundingClientRect());
    };
    ctx.addEventListener(document, 'pointermove', (e) => {
      if (!e.isTrusted) return;
      last = e as PointerEvent;
      frame ||= requestAnimationFrame(showHovered);
    }, { passive: true });
    ctx.addEventListener(window, 'scroll', () => {
      hovered = undefined;
      card.hide();
    }, { passive: true });
  }

  // Previous / next annotation: Alt+[ and Alt+] while the page has focus (browsers bind neither), besides the
  // keyboard commands the background routes here. Keys typed into a field are the field's.
  let current: string | undefined;
  function reveal(id: string): boolean {
    const range = rangeOf(id);
    if (!range || !revealRange(range)) return false;
    current = id;
    return true;
  }
  function step(direction: 1 | -1): boolean {
    const id = stepTo(placed(), current, direction, window.innerHeight);
    return !!id && reveal(id);
  }
  ctx.addEventListener(document, 'keydown', (event) => {
    const e = event as KeyboardEvent;
    if (!e.isTrusted || !active || !e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.code !== 'BracketLeft' && e.code !== 'BracketRight') return;
    if (isEditable(e.target) || isEditable(document.activeElement)) return;
    if (step(e.code === 'BracketRight' ? 1 : -1)) e.preventDefault();
  });

  // Most pages have no annotations: they get no stylesheet, no highlight and no hover listener until the first tag.
  if (store.size) repaint();
  performance.measure('pizhu:annotations', { start: started, detail: { annotations: store.size } });

  return {
    list: () => ({ items: store.entries(), terms: store.terms() }),
    reveal,
    async setPageNote(note) {
      if (!(await ready())) throw unavailable;
      return (await store.setPageNote(note, newUuidIri)) ?? null;
    },
    step(direction) {
      return active && step(direction);
    },
    tagSelection() {
      if (active) tagSelection();
    },
    async edit(id, terms, note) {
      if (!store.get(id)) throw gone();
      return store.edit(id, (a) => ({ ...a, terms: [...new Set(terms)], note }));
    },
    async remove(id) {
      if (!store.get(id)) return false;
      tagger.closePicker();
      panelUndos.set(id, await store.delete(id));
      if (panelUndos.size > 20) panelUndos.delete(panelUndos.keys().next().value!);
      return true;
    },
    async undoRemove(id) {
      const undo = panelUndos.get(id);
      if (!undo) return false;
      panelUndos.delete(id);
      await undo();
      return true;
    },
    async attach(id) {
      // The passage the user selected on the page, with a trusted release of the mouse or a key: not one the page
      // selected by script.
      const selected = selectedPassage();
      if (!selected || !madeByUser(selected.passage)) return 'no-selection';
      if (!store.get(id)) throw gone();
      await store.attach(id, selected.passage);
      document.getSelection()?.removeAllRanges();
      tagger.hideButton();
      return 'attached';
    },
    setCoders(next) {
      display = next;
      if (active) repaint();
    },
    stop() {
      active = false;
      unwatchCodebook();
      unwatchStored();
      unwatchSynced();
      tagger.closePicker();
      tagger.hideButton();
      card.hide();
      bar?.remove();
      bar = null;
      paintAnnotations([]);
    },
  };
}
