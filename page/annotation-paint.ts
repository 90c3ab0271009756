// Tagged passages drawn with the CSS Custom Highlight API in their term's colour. Term colours are the user's
// (a codebook can be recoloured), so their ::highlight rules are made at run time, in a constructed stylesheet
// adopted by the document: no element is added to the page. The underline every tagged passage has is a fixed rule
// of highlights.css. `pizhu-annotation` holds every tagged range (tests and other tools read it). In a team, a
// teammate's annotations are told apart from one's own: a wavy underline in the term's colour instead of the fill
// (`pizhu-annotation-others` holds them).
import { HIGHLIGHT_ALPHA } from '../taxonomy/palette';

export const ANNOTATION_HIGHLIGHT = 'pizhu-annotation';
export const OTHERS_HIGHLIGHT = 'pizhu-annotation-others';
/** The passage the tag picker is open for (its style is in highlights.css): marked while focus is in the picker. */
export const PENDING_HIGHLIGHT = 'pizhu-pending';
const PREFIX = 'pizhu-term-';

export interface PaintedAnnotation {
  range: Range;
  /** The colour of the annotation's first term, `#rrggbb`; undefined for an annotation without terms. */
  color?: string;
  /** A teammate's annotation (false when it is this coder's own). */
  other?: boolean;
}

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

let sheet: CSSStyleSheet | null = null;
let painted: string[] = [];

// Firefox hands a content script the page's document behind an Xray wrapper, through which adoptedStyleSheets can
// be neither read as an array nor assigned: there the sheet is made and adopted with the page's own objects
// (wrappedJSObject). The page sees no more of it than in Chromium, where adopted sheets are shared with it too.
// Should the page have broken those objects, tagged passages keep their underline and go without their colours:
// nothing is written into the page instead.
function adoptSheet(): CSSStyleSheet | null {
  try {
    const pageDocument = (document as Document & { wrappedJSObject?: Document }).wrappedJSObject;
    if (pageDocument) {
      const pageWindow = (window as Window & { wrappedJSObject?: typeof globalThis }).wrappedJSObject!;
      const own = new pageWindow.CSSStyleSheet();
      pageDocument.adoptedStyleSheets.push(own);
      return own;
    }
    const own = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, own];
    return own;
  } catch {
    return null;
  }
}

function setRules(css: string): void {
  sheet ??= adoptSheet();
  try {
    sheet?.replaceSync(css);
  } catch {
    // As above: a page that broke its own stylesheets loses the colours only.
  }
}

export function paintAnnotations(items: PaintedAnnotation[]): void {
  const registry = CSS.highlights;
  for (const name of painted) registry.delete(name);
  // By colour and by whose: own annotations filled, a teammate's underlined.
  const groups = new Map<string, Highlight>();
  const all = new Highlight();
  const others = new Highlight();
  for (const item of items) {
    all.add(item.range);
    if (item.other) others.add(item.range);
    if (!item.color) continue;
    const key = `${item.other ? 'o' : 'm'}${item.color}`;
    let highlight = groups.get(key);
    if (!highlight) groups.set(key, (highlight = new Highlight()));
    highlight.add(item.range);
  }
  painted = [ANNOTATION_HIGHLIGHT, OTHERS_HIGHLIGHT];
  registry.set(ANNOTATION_HIGHLIGHT, all);
  registry.set(OTHERS_HIGHLIGHT, others);
  const rules: string[] = [];
  let i = 0;
  for (const [key, highlight] of groups) {
    const name = `${PREFIX}${i++}`;
    const color = key.slice(1);
    registry.set(name, highlight);
    painted.push(name);
    if (key[0] === 'o') {
      highlight.priority = 1;
      rules.push(`::highlight(${name}) { text-decoration: underline wavy 2px ${color}; text-decoration-skip-ink: none; }`);
    } else {
      // Drawn under the recognition highlights: a tagged figure still shows as a figure.
      highlight.priority = -1;
      rules.push(`::highlight(${name}) { background-color: ${rgba(color, HIGHLIGHT_ALPHA)}; }`);
    }
  }
  setRules(rules.join('\n'));
}

/** Marks the passage being tagged, above every other highlight; null takes the mark away. */
export function markPending(range: Range | null): void {
  if (!range) {
    CSS.highlights.delete(PENDING_HIGHLIGHT);
    return;
  }
  const highlight = new Highlight(range);
  highlight.priority = 2;
  CSS.highlights.set(PENDING_HIGHLIGHT, highlight);
}
