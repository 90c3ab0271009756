// Tagged passages drawn with the CSS Custom Highlight API in their term's colour. Term colours are the user's
// (a codebook can be recoloured), so their ::highlight rules are made at run time, in a constructed stylesheet
// adopted by the document: no element is added to the page. `pizhu-annotation` holds every tagged range (tests and
// other tools read it). In a team, a teammate's annotations are told apart from one's own: a wavy underline in the
// term's colour instead of the fill (`pizhu-annotation-others` holds them).
import { HIGHLIGHT_ALPHA } from '../taxonomy/palette';

export const ANNOTATION_HIGHLIGHT = 'pizhu-annotation';
export const OTHERS_HIGHLIGHT = 'pizhu-annotation-others';
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
  const rules = [`::highlight(${ANNOTATION_HIGHLIGHT}) { text-decoration: underline 2px rgba(90, 90, 90, .55); }`];
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
