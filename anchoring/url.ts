// The key under which a page's annotations are kept. The same report reached from a WeChat share, a search result,
// a newsletter link or a reload must come out as the same key; two different reports must not. Each rule below
// errs towards keeping what could tell two documents apart.

/**
 * Query parameters that only say how the reader arrived (campaign tags, share and click ids, WeChat's scene
 * markers, Alibaba/Bilibili "spm" trails), compared case-insensitively. `from` is here because Chinese portals and
 * WeChat append from=timeline / from=singlemessage; no government CMS we know of uses it to pick a document.
 */
const TRACKING_PARAMS = new Set([
  'spm',
  'scm',
  'spm_id_from',
  'from',
  'tt_from',
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'bd_vid',
  'isappinstalled',
  'scene',
  'subscene',
  'ascene',
  'clicktime',
  'enterid',
  'sessionid',
  'wxfrom',
  'wxshare_count',
  'pass_ticket',
  // WeChat article URLs carry a per-share checksum; __biz, mid, idx and sn identify the article.
  'chksm',
]);

/** Prefixes of tracking parameters: utm_source…, share_token / shareId / sharer…, vd_source. */
const TRACKING_PREFIXES = ['utm_', 'share', 'vd_'];

/**
 * Cache-busters: a timestamp or random number appended to defeat caching (?_=1520000000000, ?t=0.7341). Dropped
 * only under the names used for that and only with such a value (8 or more digits, or a fraction), so that
 * `t=notice` or `time=2018` are kept.
 */
const CACHE_BUSTERS = new Set([
  '_',
  '_t',
  't',
  'ts',
  '_ts',
  'timestamp',
  '_timestamp',
  'time',
  'rnd',
  'rand',
  'random',
  'r',
  'v',
  'nocache',
]);
const BUSTER_VALUE = /^(?:\d{8,}|0?\.\d+)$/;

function isNoise(name: string, value: string): boolean {
  const key = name.toLowerCase();
  if (TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p))) return true;
  return CACHE_BUSTERS.has(key) && BUSTER_VALUE.test(value);
}

/**
 * Percent-escapes in canonical form (RFC 3986 §6.2.2): hex digits upper case, and escapes of unreserved characters
 * decoded, so that %7e, %7E and ~ are one URL. Other escapes stay escaped: decoding %2F or %26 would change meaning.
 */
function canonicalEscapes(s: string): string {
  return s.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${hex.toUpperCase()}`;
  });
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Normalises a page URL into the key of its annotations. What it does, and what it deliberately does not:
 * - scheme and host are lower-cased, default ports dropped, IDN hosts punycoded (the WHATWG URL parser does this);
 * - the scheme is kept: some county sites serve only http, some only https, and a few serve different pages;
 * - `www.` is kept: www.x.gov.cn and x.gov.cn are different hosts, and some counties run different sites on them;
 * - the path is kept as written (case included; IIS sites are case-insensitive, Linux ones are not), only its
 *   percent-escapes made canonical; a trailing index.html or slash is not stripped, since /list/ and
 *   /list/index.html may be different pages;
 * - the fragment is dropped: it scrolls within the page and never selects another document;
 * - tracking parameters and cache-busters are dropped, everything else (id=, articleId=, docid=…) is kept, with
 *   its value exactly as written;
 * - the remaining parameters are sorted by name (stable, so repeated names keep their order), and empty pieces and
 *   a bare trailing "?" or "#" disappear;
 * - a ;jsessionid= path parameter is dropped.
 * A string that does not parse as an absolute URL is returned trimmed, unchanged otherwise.
 */
export function normalizeUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  parsed.hash = '';
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((piece) => piece !== '')
    .map((piece) => {
      const eq = piece.indexOf('=');
      const name = decodeName(eq === -1 ? piece : piece.slice(0, eq));
      const value = eq === -1 ? '' : decodeName(piece.slice(eq + 1));
      return { name, value, piece: canonicalEscapes(piece) };
    })
    .filter((p) => !isNoise(p.name, p.value))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  parsed.search = kept.map((p) => p.piece).join('&');
  // Java CMSs put the session in the path (/art/2018/3/12/art_1234.html;jsessionid=A1B2…): it names no document.
  parsed.pathname = canonicalEscapes(parsed.pathname.replace(/;jsessionid=[^/;]*/gi, ''));
  return parsed.href;
}
