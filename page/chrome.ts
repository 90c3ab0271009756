// Page chrome: navigation, footers, feedback forms and the like, which surround a report but are not part of it, and
// the furniture of printed pages that a converted PDF keeps between its lines.
// The walk leaves these subtrees out, so that a footer's ICP number or a form's prompt never reaches recognition.

const CHROME_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'BUTTON', 'MENU']);

// Class and id words that CMS templates of government and news sites use for chrome. Matched as whole words
// (split on - _ space and camel case) so that `article-content` is not caught by accident.
const CHROME_WORDS = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'menubar', 'footer', 'foot', 'copyright', 'crumb', 'crumbs', 'breadcrumb',
  'breadcrumbs', 'sidebar', 'share', 'sharebar', 'pagination', 'pager', 'toolbar', 'comment', 'comments', 'related',
  'prevnext', 'login', 'search', 'advert', 'ads', 'banner', 'qrcode', 'feedback', 'friendlink', 'xgwz', 'xgxx',
]);

/**
 * A printed page's furniture as PDF conversions and document viewers keep it between the lines of a text: the page's
 * number (- 3 -, — 3 —, as GB/T 9704 prints it) or the viewer's page label (第 3 页, 第 3 页 共 12 页). Left out, a
 * document number or a figure that a page break cut in two reads on across the break as across a line's end.
 */
const PAGE_COUNTER = /^\s*(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?)\s*$/;
/** The longest text a page counter has, spaces and all: longer elements are not read at all. */
const MAX_PAGE_COUNTER = 24;
/** What a page counter begins with, past its spaces. */
const PAGE_COUNTER_STARTS = '-－—–第';

/** Whether el holds nothing but a page counter: one short text node, read where it is (no string is built). */
function isPageCounter(el: Element): boolean {
  const only = el.firstChild;
  if (!only || only.nextSibling || only.nodeType !== 3) return false;
  const text = (only as Text).data;
  if (text.length > MAX_PAGE_COUNTER) return false;
  // Every short menu item and label comes here: the regex is only compiled (some 40 µs in a fresh renderer) for a page
  // that has a text beginning as a counter does.
  const first = text.trimStart()[0];
  return !!first && PAGE_COUNTER_STARTS.includes(first) && PAGE_COUNTER.test(text);
}

/**
 * Whether el's own style attribute hides it: anti-copy templates scatter hidden characters through a text
 * (12<span style="display:none">8</span>6件), and Word marks text it hides with mso-hide:all. Only the inline style is
 * read: a computed style for every element would cost a style recalculation, and stylesheets rarely hide text. Read as
 * strings, not with a regex, which would be compiled on nearly every page for it.
 */
function hiddenByStyle(el: Element): boolean {
  const style = el.getAttribute('style');
  if (!style) return false;
  const declared = style.toLowerCase().replaceAll(' ', '');
  return HIDING_DECLARATIONS.some((d) => declared.includes(d));
}
const HIDING_DECLARATIONS = ['display:none', 'mso-hide:all'];

function words(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
}

/**
 * A predicate for chrome subtrees of `doc`. Guessed chrome (by class, id or a <form>) that holds a large share of
 * the page's text is kept: ASP.NET sites wrap whole pages in <form>, and a body class like `nav-open` is no footer.
 */
export function chromeTest(doc: Document): (el: Element, tag?: string) => boolean {
  // The page's whole text is a long string on a big page: only read when some chrome is guessed.
  let total = -1;
  const small = (el: Element) => {
    if (total < 0) total = doc.body?.textContent?.length ?? 0;
    return (el.textContent?.length ?? 0) < total * 0.3;
  };
  // A page repeats its class names (every paragraph a MsoNormal, every cell a td_xx): each is split into words once.
  const verdicts = new Map<string, boolean>();
  const namesChrome = (value: string): boolean => {
    let verdict = verdicts.get(value);
    if (verdict === undefined) verdicts.set(value, (verdict = words(value).some((w) => CHROME_WORDS.has(w))));
    return verdict;
  };
  return (el, tag = el.tagName.toUpperCase()) => {
    if (CHROME_TAGS.has(tag) || isPageCounter(el)) return true;
    // Most elements of a page carry no attribute at all (a <span> of a run of text): one call tells.
    if (!el.hasAttributes()) return tag === 'FORM' && small(el);
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden') || hiddenByStyle(el)) return true;
    const role = el.getAttribute('role');
    if (role === 'navigation' || role === 'contentinfo' || role === 'search') return true;
    if (tag === 'FORM') return small(el);
    const cls = el.getAttribute('class');
    const id = el.getAttribute('id');
    const guessed = (cls && namesChrome(cls)) || (id && namesChrome(id));
    return !!guessed && small(el);
  };
}
