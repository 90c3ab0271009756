// Opening an annotation: the page's URL with a text fragment (`#:~:text=`), which Chrome scrolls to and marks.
// https://wicg.github.io/scroll-to-text-fragment/
//
// Only web pages are opened. An annotation's URL comes from whoever wrote the file it was imported from, and a tab
// opened on data:text/html, file:, chrome: or javascript: would show or run what that file chose; such a URL is
// shown as text instead.

/** Above this many characters the fragment names only the start and the end of the quote (`text=start,end`). */
const LONG_QUOTE = 80;
const EDGE = 24;

// encodeURIComponent leaves '-' alone, but in a text directive '-' marks a prefix/suffix and ',' separates start
// from end, and '&' would start another directive: all three must be percent-encoded inside a term.
function encodeTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

export function textFragmentUrl(pageUrl: string, exact: string): string {
  const base = pageUrl.replace(/#.*$/, '');
  // A fragment cannot match across the white space the page shows as line breaks: squeeze it to one space.
  const quote = exact.replace(/\s+/g, ' ').trim();
  if (!quote) return base;
  const chars = [...quote];
  const directive =
    chars.length > LONG_QUOTE
      ? `${encodeTerm(chars.slice(0, EDGE).join('').trim())},${encodeTerm(chars.slice(-EDGE).join('').trim())}`
      : encodeTerm(quote);
  return `${base}#:~:text=${directive}`;
}

const WEB = new Set(['http:', 'https:']);

/** The URL when it is a web page (http or https), parsed and re-serialised; undefined for anything else. */
export function webPageUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return WEB.has(parsed.protocol) && parsed.hostname !== '' ? parsed.href : undefined;
}
