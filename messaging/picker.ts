// The tag picker runs in a frame of the extension's own origin (picker.html) so that what the user types there never
// passes through the page: keys typed into another origin's frame reach none of the page's listeners, and the page
// cannot read or drive the frame. The content script and the frame talk over a MessageChannel whose port the frame
// accepts only together with a key that came by the extension's own messaging, which no page can send or read:
//
//   1. content script → background → every frame of the content script's tab: the 'picker:key' request, passed on as
//      the event of that name (messaging/protocol.ts). Through the background, because Firefox delivers to an
//      extension page inside a tab only what is sent to the tab, and only the background can send to a tab.
//   2. content script → the frame (window.postMessage to the extension's origin, port transferred): PickerOffer
//   3. the frame binds to the port whose offer carries a key it heard in (1), and to no other, once.
//
// A page may frame picker.html itself and post it anything: without a key the frame shows nothing and sends nothing.
import type { Term } from '../model';

export const PICKER_PAGE = '/picker.html';

/** Step 2, content script → the frame, with the port in `ports`. */
export interface PickerOffer {
  pizhu: 'picker-port';
  key: string;
}

/**
 * What the picker's choices do, on either side of the frame: the picker page calls them (components/TagPicker.tsx)
 * and the content script answers them (entrypoints/content/tagger.tsx). `at` is the moment of the choice on the
 * caller's own clock (performance.now()); the messages between them carry it as epoch time.
 */
export interface PickerChoices {
  onApply(termId: string, at: number): void;
  onRemove(termId: string): void;
  onNote(note: string): void;
  onDelete(): void;
  onClose(): void;
  /** Nothing matched `label`: add it to the codebook as a new term and apply it. */
  onAddTerm(label: string, at: number): void;
}

/** What the picker shows; sent again, whole, after every change (same `passage`: the picker keeps its filter and focus). */
export interface PickerView {
  /** Names the passage being tagged: a new value is a new picker. */
  passage: string;
  quote: string;
  /** Terms offered, in codebook order (retired terms left out). */
  terms: Term[];
  /** Every known term, retired ones included, for the chips of terms already applied. */
  known: Term[];
  applied: string[];
  note: string;
  isNew: boolean;
}

/** Content script → frame. */
export type ToPicker =
  | { type: 'show'; view: PickerView }
  /** The picker closed: render nothing until the next show. */
  | { type: 'hide' }
  /** The height the frame is given (it lays itself out to fit: its term list scrolls). */
  | { type: 'fit'; height: number }
  /** A term could not be added: the message, in both languages, to show by the filter. */
  | { type: 'error'; message: string };

/**
 * Frame → content script. Times are epoch milliseconds (performance.timeOrigin + event.timeStamp): the two sides
 * have clocks of their own.
 */
export type FromPicker =
  | { type: 'ready' }
  /** The picker's width, the height it would like, and the least height it can work in. */
  | { type: 'size'; passage: string; width: number; height: number; minHeight: number }
  | { type: 'apply'; termId: string; at: number }
  | { type: 'remove'; termId: string }
  | { type: 'note'; note: string }
  | { type: 'add-term'; label: string; at: number }
  | { type: 'delete' }
  | { type: 'close' };
