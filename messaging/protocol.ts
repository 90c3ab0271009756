// Every message between Pizhu's parts, in one place: who answers it, what it carries, what comes back. The compiler
// checks both ends through messaging/channel.ts; the handlers live with their entrypoints (background.ts, the
// content scripts). The parts:
//   content script (one per tab)  ──requests──▶  background (owns the database)
//   side panel, library          ──requests──▶  the content script of a tab
//   content script               ──events────▶  background and panels (a scan finished, annotations changed)
//   background, library          ──events────▶  content scripts (the codebook changed, tag the selection)
import type { FigureRow, DocNumberRow } from '../exchange/rows';
import type { IndicatorValue } from '../indicators/value';
import type { AnnotationInput, AnnotationRecord, PageKind, PageMetadata, Settings, Term, TextPosition, TextStructure } from '../model';
import type { Resolution } from '../sync/conflicts';
import type { ConflictView, TeamStatus } from '../sync/status';
import type { Category } from '../recognition/types';
import type { StudyView } from '../study/view';

// ── What the messages carry ────────────────────────────────────────────────────────────────────────────────────

/** One recognised item as the side panel lists it. */
export interface ItemSummary {
  index: number;
  category: Category;
  text: string;
  /** A few characters either side, for context in the list. */
  before: string;
  after: string;
  /** The sentence it stands in (what "copy with its sentence" copies) and the section heading above it, as the
   * export rows give them (page/recognition-rows.ts); '' where the page has no heading before it. */
  sentence: string;
  heading: string;
  /** A figure's indicator (null where its clause names none) and its value normalised; absent until named, and
   * absent for document numbers and dates. */
  indicator?: { name: string | null; value: IndicatorValue };
}

/** What a scan found, in brief: enough for the toolbar badge. */
export interface ScanStatus {
  title: string;
  kind: PageKind;
  reason: string;
  /** The reader said what the page is (Pizhu had misjudged it): remembered for its URL. */
  kindSetByReader: boolean;
  counts: Record<Category, number>;
}

/** The scan in full, for the side panel. */
export interface PageSummary extends ScanStatus {
  url: string;
  host: string;
  items: ItemSummary[];
  /** A page read as no report that shows its text in a frame: the frame's own address (Pizhu reads it there). */
  framed?: string;
}

export interface RecognitionRows {
  title: string;
  figures: FigureRow[];
  docNumbers: DocNumberRow[];
}

/** Where an annotation anchored in the page text; null for an orphan (kept, listed apart, never deleted). */
export type AnchorPlace = { start: number; end: number; method: 'exact' | 'position' | 'fuzzy' } | null;

/** One annotation as the side panel lists it. */
export interface AnnotationItem {
  record: AnnotationRecord;
  anchor: AnchorPlace;
}

export interface AnnotationList {
  items: AnnotationItem[];
  terms: Term[];
}

/** A page's stored annotations and the terms to show them with. */
export interface PageData {
  annotations: AnnotationRecord[];
  /** Every term of every taxonomy, retired ones too (old annotations still show them). */
  terms: Term[];
  /** Whether the page's text is kept; false when its annotations came (by import or sync) without it. */
  textStored: boolean;
  /** This browser's coder (IRI): their annotations are drawn as their own, a teammate's apart. */
  coder?: string;
}

// ── Requests ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Answered by the background, which alone opens the database (the extension's origin, not the visited site's). */
export interface BackgroundProtocol {
  'annotations:page': (req: { url: string }) => PageData;
  /** One transaction: the page record, its text (`snapshot`, with a page's first annotation only: it can be a
   * megabyte; `structure`, how the page laid it out, goes with it) and the annotation. */
  'annotations:save': (req: { annotation: AnnotationInput; page: PageMetadata; snapshot?: string; structure?: TextStructure }) => AnnotationRecord;
  /** Keeps where annotations that came without a position (other tools' files) anchored on this visit, in code
   * points; how many were kept. */
  'annotations:learn-positions': (req: { positions: { id: string; position: TextPosition }[] }) => number;
  /** Keeps the text (and its structure) of a page whose annotations came without it; whether this stored it. */
  'annotations:keep-text': (req: { page: PageMetadata; text: string; structure?: TextStructure }) => boolean;
  /** Returns the deleted record, for undo. */
  'annotations:delete': (req: { id: string }) => AnnotationRecord | undefined;
  'annotations:restore': (req: { annotation: AnnotationRecord }) => AnnotationRecord;
  /** Every term, after the codebook changed elsewhere. */
  'terms:list': () => Term[];
  /** A term named in the tag picker when none matched: added to the codebook, the stored term in reply. */
  'terms:add': (req: { label: string }) => Term;
  /** The user's switches. Content scripts have no storage of their own (it may hold a team's credentials). */
  'settings:get': () => Settings;
  /** The key with which the tag picker's frame accepts its port (messaging/picker.ts), from a content script: passed
   * on to every frame of the sender's tab as the 'picker:key' event. */
  'picker:key': (data: { key: string }) => void;
  /** Injects indicator naming's script into the asking tab (page/indicator-handoff.ts); whether it ran. */
  'indicators:load': () => boolean;
  // The team's sync (team/service.ts). Answered for the extension's own pages only, never for a content script.
  'sync:status': () => TeamStatus;
  /** Checks and stores the team settings (the password leaves extension storage at once), and connects. */
  'sync:join': (req: { url: string; username?: string; password?: string }) => TeamStatus;
  /** Stops sync and forgets the team's settings and replica; every record stays. */
  'sync:leave': () => TeamStatus;
  /** Documents with concurrent versions, every version in full; those of one page when `pageUrl` is given. */
  'sync:conflicts': (req: { pageUrl?: string }) => ConflictView[];
  'sync:resolve': (req: { id: string; resolution: Resolution }) => void;
}

/** Answered by the content script of a tab (study requests by study mode's script, injected when first asked). */
export interface TabProtocol {
  /** null while Pizhu is off on the site. */
  'scan:summary': () => PageSummary | null;
  /** Scrolls to the index-th item of the summary and shows its card. */
  'scan:reveal': (req: { index: number }) => boolean;
  'scan:rows': () => RecognitionRows | null;
  'annotations:list': () => AnnotationList | null;
  'annotations:reveal': (req: { id: string }) => boolean;
  /** Writes the note on the page as a whole (made, changed, or deleted when blank); the memo as stored (null when
   * deleted). Fails when the database could not take it. */
  'annotations:page-note': (req: { note: string }) => AnnotationRecord | null;
  /** Goes to the next (+1) or previous (−1) annotation in document order (keyboard commands); false when none. */
  'annotations:step': (req: { step: 1 | -1 }) => boolean;
  /** Sets an annotation's terms and note (the side panel's editor); the record as stored, or the write's error. */
  'annotations:edit': (req: { id: string; terms: string[]; note: string }) => AnnotationRecord;
  /** Deletes an annotation of the page; the tab keeps the undo ('annotations:undo-remove') for a while. */
  'annotations:remove': (req: { id: string }) => boolean;
  /** Puts back an annotation deleted by 'annotations:remove', anchor and all; false when there is nothing to undo. */
  'annotations:undo-remove': (req: { id: string }) => boolean;
  /** Attaches an orphan to the passage the user selected on the page ('no-selection' when there is none in the
   * main text, or the page's script made it). */
  'annotations:attach': (req: { id: string }) => 'attached' | 'no-selection';
  /** Opens the tag picker for the selection (context menu, keyboard command). */
  'annotations:tag-selection': () => boolean;
  /** null when Pizhu is off on the site. */
  'study:get': () => StudyView | null;
  /** Draws the outline on the page, or takes it off; the number of parts drawn. */
  'study:draw': (req: { on: boolean }) => number;
  /** Scrolls the page to text[start, end) of the scan's text. */
  'study:reveal': (req: { start: number; end: number }) => boolean;
}

// ── Events ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface EventProtocol {
  /** A scan finished, or Pizhu went off on the site (null). From a content script: the badge and the panels. */
  'scan:done': (data: { status: ScanStatus | null }) => void;
  /** The page's annotations changed. From a content script: its tab's panels. */
  'annotations:changed': () => void;
  /** Annotations of these pages (normalised URLs) were changed in the library: a tab showing one reads its
   * annotations again. To every tab's content script. */
  'annotations:stored': (data: { pages: string[] }) => void;
  /** The codebook changed (edited, imported, restored, synced). To every tab's content script. */
  'codebook:changed': () => void;
  /** The user's switches changed. From the background to every tab's content script. */
  'settings:changed': (settings: Settings) => void;
  /** The key with which the tag picker's frame accepts its port (messaging/picker.ts). From the background to every
   * frame of the tab whose content script sent it (the request of the same name): no page can send or read it. */
  'picker:key': (data: { key: string }) => void;
  /** The team's sync status changed. From the background to the extension's pages. */
  'sync:status': (status: TeamStatus) => void;
  /** Annotations of this tab's page arrived from the team. From the background to the tabs showing that page. */
  'annotations:synced': () => void;
}
