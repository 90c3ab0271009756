// Tagged passages drawn with the CSS Custom Highlight API in their term's colour. Term colours are the user's
// (a codebook can be recoloured), so their ::highlight rules are made at run time, in a constructed stylesheet
// adopted by the document: no element is added to the page. `pizhu-annotation` holds every tagged range (tests and
// other tools read it).
import { HIGHLIGHT_ALPHA } from '../taxonomy/palette';

export const ANNOTATION_HIGHLIGHT = 'pizhu-annotation';
/** The passage the tag picker is open for (its style is in highlights.css): marked while focus is in the picker. */
export const PENDING_HIGHLIGHT = 'pizhu-pending';
const PREFIX = 'pizhu-term-';

export interface PaintedAnnotation {
  range: Range;
  /** The colour of the annotation's first term, `#rrggbb`; undefined for an annotation without terms. */
  color?: string;
}

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

let sheet: CSSStyleSheet | null = null;
let fallback: HTMLStyleElement | null = null;
let painted: string[] = [];

function setRules(css: string): void {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    sheet.replaceSync(css);
  } catch {
    // Firefox does not let a content script adopt its own sheets: a <style> in <head> is the fallback there.
    fallback ??= document.head.appendChild(document.createElement('style'));
    fallback.textContent = css;
  }
}

export function paintAnnotations(items: PaintedAnnotation[]): void {
  const registry = CSS.highlights;
  for (const name of painted) registry.delete(name);
  const byColor = new Map<string, Highlight>();
  const all = new Highlight();
  for (const item of items) {
    all.add(item.range);
    if (!item.color) continue;
    let highlight = byColor.get(item.color);
    if (!highlight) byColor.set(item.color, (highlight = new Highlight()));
    highlight.add(item.range);
  }
  painted = [ANNOTATION_HIGHLIGHT];
  registry.set(ANNOTATION_HIGHLIGHT, all);
  const rules = [`::highlight(${ANNOTATION_HIGHLIGHT}) { text-decoration: underline 2px rgba(90, 90, 90, .55); }`];
  let i = 0;
  for (const [color, highlight] of byColor) {
    const name = `${PREFIX}${i++}`;
    // Drawn under the recognition highlights: a tagged figure still shows as a figure.
    highlight.priority = -1;
    registry.set(name, highlight);
    painted.push(name);
    rules.push(`::highlight(${name}) { background-color: ${rgba(color, HIGHLIGHT_ALPHA)}; }`);
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
