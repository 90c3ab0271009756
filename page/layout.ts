// Where the report is on the page: the article body, its title and its metadata block, found in one walk over
// the page's text. The approach is Readability's (paragraphs vote for their parent and grandparent) reduced to
// what a content script can afford on every page: one linear pass, paused in slices, no cloning, and it works on
// the live DOM so that what it finds can be highlighted in place.
import { hanIn } from '../recognition/chars';
import { recognizeDocNumbers } from '../recognition/docno';
import { HAN_ENOUGH } from '../recognition/page-kind';
import { chromeTest } from './chrome';
import { Meter, Slicer, UNSLICED_MS_PER_CHAR } from './slices';
import { TextMapBuilder, isBlockTag, type TextMap } from './text-map';

export interface Segment {
  start: number;
  end: number;
}

/** A block of text (a paragraph, heading, cell…) with its offsets in the page text. */
export interface Block extends Segment {
  tag: string;
}

export interface Layout {
  /** The text of the whole page (chrome left out). */
  map: TextMap;
  /** The article body's container element, or null when the page has none worth the name. */
  article: Element | null;
  /** The title element, if one was found; the title text otherwise comes from the document's metadata. */
  titleElement: Element | null;
  title: string;
  /**
   * When no title element was found: the article's first short line, which on many copied and mirrored pages is the
   * document's title written as a paragraph. '' otherwise.
   */
  firstLine: string;
  /** The main content as segments of map.text, in document order: metadata block, title to end of body. */
  segments: Segment[];
  /** Leaf blocks inside the segments, in document order. */
  blocks: Block[];
  /** Link characters ÷ characters inside the article container. */
  linkDensity: number;
  /** Chinese characters inside the article container, counted up to HAN_ENOUGH (all the page kind asks for). */
  articleHan: number;
  /** Whether a metadata block (索引号 / 文号 / 发布机构 …) was found. */
  hasMetadata: boolean;
  /**
   * Whether the article is a listing's item or holds a listing: one of several like siblings each headed by a link to
   * another page (search results, a column's titles with abstracts), or their container.
   */
  listing: boolean;
}

const NOT_PROSE_MARK = /[^\uff0c,\u3001\uff1b;\u3002]+/g;

/** Chinese characters and prose punctuation (， , 、 ； ; 。) in text[start, end): what a paragraph's vote weighs. */
function proseCounts(text: string, start: number, end: number): { han: number; commas: number } {
  return { han: hanIn(text, start, end), commas: text.slice(start, end).replace(NOT_PROSE_MARK, '').length };
}

const METADATA_LABEL = /索\s*引\s*号|发文字号|文\s*号|發文字號|文\s*號|发布机构|發布機構|成文日期|发文机关|發文機關|主题分类|主題分類|公开方式|组配分类|发文日期|生效日期/g;

// Where a page states its title, for comparison with candidate title elements.
function referenceTitles(doc: Document): string[] {
  const metas = ['ArticleTitle', 'og:title', 'title', 'twitter:title']
    .map((n) => doc.querySelector(`meta[name="${n}"], meta[property="${n}"]`)?.getAttribute('content')?.trim() ?? '')
    .filter(Boolean);
  const docTitle = doc.title.trim();
  // "标题_栏目_站点" and "标题 - 站点": the article title is the longest part.
  const parts = docTitle.split(/\s*(?:[_|｜]|\s[-–—]\s|——)\s*/).filter(Boolean);
  const longest = parts.sort((a, b) => b.length - a.length)[0] ?? '';
  return [...metas, longest, docTitle].filter(Boolean);
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

interface Candidate {
  el: Element;
  start: number;
  end: number;
}

/** The main content's blocks with their text: the input study mode's readers (outline, own number…) take. */
export function blocksWithText(layout: Layout): Array<Block & { text: string }> {
  const { text } = layout.map;
  return layout.blocks.map((b) => ({ ...b, text: text.slice(b.start, b.end) }));
}

const TITLE_TAGS = new Set(['H1', 'H2', 'H3']);
/** Lists whose items are paragraphs of the text around them. */
const LIST_TAGS = new Set(['OL', 'UL']);
/** Words in the class or id of an element that holds a title (many CMS templates: class="title", id="biaoti"). */
const TITLE_WORDS = ['title', 'biaoti'];
/** Read as strings: as a regex it was compiled on every page, for a test of every short block. */
const namesTitle = (el: Element) => {
  const names = `${el.className} ${el.id}`.toLowerCase();
  return TITLE_WORDS.some((w) => names.includes(w));
};
const METADATA_TAGS = new Set(['TABLE', 'DL', 'UL', 'DIV', 'SECTION']);

/** Walks the page in slices that `slicer` sizes (none by default: one go). */
export async function analyzeLayout(doc: Document, slicer: Slicer = Slicer.unsliced()): Promise<Layout> {
  const body = doc.body;
  const scores = new Map<Element, number>();
  const hasBlockChild = new WeakSet<Element>();
  const paragraphs: Array<{ el: Element; start: number; end: number }> = [];
  const links: Link[] = [];
  const titleCandidates: Candidate[] = [];
  const metadataCandidates: Candidate[] = [];
  const spans = new Map<Element, Segment>();

  const skip = chromeTest(doc);
  const builder = new TextMapBuilder(body, {
    skip,
    leave(el, start, end, tag, parent) {
      if (tag === 'A') {
        if (end > start) links.push({ start, end, el });
        return;
      }
      // <br> and <hr> break lines but do not make their parent a container of paragraphs: an article written
      // as one <div> of <br>-separated lines is still one paragraph-holder.
      if (!isBlockTag(tag) || el === body || tag === 'BR' || tag === 'HR') return;
      spans.set(el, { start, end });
      if (parent) hasBlockChild.add(parent);
      if (!hasBlockChild.has(el) && end > start) paragraphs.push({ el, start, end });
      if (end - start >= 4 && end - start <= 160 && (TITLE_TAGS.has(tag) || (el.hasAttributes() && namesTitle(el)))) {
        titleCandidates.push({ el, start, end });
      }
      if (end - start <= 800 && METADATA_TAGS.has(tag)) metadataCandidates.push({ el, start, end });
    },
  });
  // A node costs a few microseconds on a fast machine; the meter learns what it costs here.
  const walk = new Meter(0.01);
  for (let done = false; !done; ) {
    const nodes = await slicer.room(walk, 64);
    done = slicer.measure(walk, nodes, () => builder.step(nodes));
  }
  const map = builder.result();
  const text = map.text;

  const linkCharsIn = linkCounter(links);

  // Paragraphs vote for their parent (full score) and grandparent (half), Readability's way. Commas are a
  // sign of running prose; link text is not prose.
  await slicer.forEach(paragraphs, new Meter(0.01), (p) => {
    // Cells, menu items and captions are too short to vote: no need to count their characters.
    if (p.end - p.start < 12) return;
    const { han, commas } = proseCounts(text, p.start, p.end);
    if (han < 12) return;
    const linkShare = linkCharsIn(p) / (p.end - p.start);
    if (linkShare > 0.5) return;
    const score = (han + commas * 8) * (1 - linkShare);
    // A "paragraph" with line breaks inside is a container of <br>-separated lines: it holds the text itself.
    // (A block's span starts where the walk entered it, before the separator that the walk writes lazily ahead of
    // its first text: that one is the block's own boundary, not a line break in it.)
    const nl = text.indexOf('\n', text.charCodeAt(p.start) === 10 ? p.start + 1 : p.start);
    let parent = nl >= 0 && nl < p.end ? p.el : p.el.parentElement;
    // A list item is a paragraph of the text that holds its list: a notice copied into Markdown is nearly all
    // numbered items (<ol><li>), and were they to vote for their list, its longest list would outscore the article.
    if (parent !== p.el && p.el.tagName === 'LI' && parent && LIST_TAGS.has(parent.tagName)) parent = parent.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent?.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  });
  // Choosing the article and its title reads the page's text in steps that are not sliced.
  await slicer.reserve(text.length * UNSLICED_MS_PER_CHAR);
  let article: Element | null = null;
  let best = 0;
  for (const [el, score] of scores) {
    if (score > best && el !== body && el !== doc.documentElement) {
      best = score;
      article = el;
    }
  }
  // An article split over sibling containers: their common parent scores about as high as the best half.
  while (article?.parentElement && article.parentElement !== body && (scores.get(article.parentElement) ?? 0) >= best * 0.7) {
    article = article.parentElement;
  }
  if (article) article = pagedArticle(article, body, text, spans);
  const articleSpan = article ? spans.get(article) ?? null : null;

  // The title: the candidate that matches what the page says its title is, nearest before the article body.
  const stated = referenceTitles(doc);
  const refs = stated.map(squeeze).filter((r) => r.length >= 4);
  let titleElement: Element | null = null;
  let titleSpan: Segment | null = null;
  let titleRank = 0;
  for (const c of titleCandidates) {
    const t = squeeze(text.slice(c.start, c.end));
    if (hanIn(t, 0, t.length, 4) < 4) continue;
    let rank = 0;
    if (refs.some((r) => r === t)) rank = 3;
    else if (refs.some((r) => r.includes(t) || t.includes(r))) rank = 2;
    else if (/^H1$/i.test(c.el.tagName)) rank = 1;
    if (!rank) continue;
    const before = articleSpan ? c.start <= articleSpan.start + 200 : true;
    if (!before) rank -= 0.5;
    // Later candidates before the article body win ties: the title sits just above the text, a site name above it all.
    if (rank >= titleRank) {
      titleRank = rank;
      titleElement = c.el;
      titleSpan = c;
    }
  }
  const title = titleSpan ? text.slice(titleSpan.start, titleSpan.end).replace(/\s+/g, ' ').trim() : refs.length ? stated[0] : '';
  let firstLine = '';
  if (!titleSpan && articleSpan) {
    for (const p of paragraphs) {
      if (p.start < articleSpan.start) continue;
      if (p.start >= articleSpan.end) break;
      const line = text.slice(p.start, p.end).split('\n').map((l) => l.trim()).find(Boolean) ?? '';
      if (line.length >= 6 && line.length <= 80 && !/[。，,；;:：]/.test(line)) firstLine = line;
      break;
    }
  }

  // The metadata block: a small table-like element carrying two or more of the metadata labels.
  // Assigned in the callback below, which TypeScript's narrowing cannot see into.
  let metadata = null as Segment | null;
  await slicer.forEach(metadataCandidates, new Meter(0.01), (c) => {
    const labels = text.slice(c.start, c.end).match(METADATA_LABEL)?.length ?? 0;
    if (labels >= 2 && (!metadata || (c.start >= metadata.start && c.end <= metadata.end))) metadata = c;
  });

  const segments: Segment[] = [];
  if (articleSpan) {
    const top = titleSpan && titleSpan.start < articleSpan.start ? titleSpan.start : articleSpan.start;
    const start = headStart(text, paragraphs, top, linkCharsIn, refs, metadata);
    const end = Math.max(articleSpan.end, titleSpan && titleSpan.start >= articleSpan.start ? titleSpan.end : 0);
    if (metadata && (metadata.end <= start || metadata.start >= end)) segments.push(metadata);
    segments.push({ start, end: signatureEnd(text, paragraphs, end, linkCharsIn) });
    segments.sort((a, b) => a.start - b.start);
  }

  const blocks: Block[] = [];
  await slicer.forEach(paragraphs, new Meter(0.002), (p) => {
    if (!segments.some((s) => p.start >= s.start && p.end <= s.end)) return;
    // Lines of a <br>-separated paragraph are blocks of their own: headings often stand on such lines.
    const tag = p.el.tagName.toLowerCase();
    let from = p.start;
    for (let nl = text.indexOf('\n', from); nl >= 0 && nl < p.end; nl = text.indexOf('\n', from)) {
      if (nl > from) blocks.push({ start: from, end: nl, tag });
      from = nl + 1;
    }
    if (p.end > from) blocks.push({ start: from, end: p.end, tag });
  });
  return {
    map,
    article,
    titleElement,
    title,
    firstLine,
    segments,
    blocks,
    linkDensity: articleSpan ? linkCharsIn(articleSpan) / Math.max(1, articleSpan.end - articleSpan.start) : 1,
    articleHan: articleSpan ? hanIn(text, articleSpan.start, articleSpan.end, HAN_ENOUGH) : 0,
    hasMetadata: !!metadata,
    listing: !!article && isListing(article, spans, links),
  };
}

/** How far above the article its pages' common container may be: a page's wrapper, then the viewer. */
const MAX_PAGE_DEPTH = 2;
/** The share of the viewer's text its pages hold at least (the rest: a page label, a gap's text). */
const PAGES_SHARE = 0.9;
/** Chinese characters another page's text holds at least, as many as a paragraph needs to vote. */
const MIN_PAGE_HAN = 12;

/** Alike as a page's parts are: the same tag and the same first class (pdf2htmlEX numbers its boxes: pc pc1, pc pc2). */
const classBase = (el: Element) => el.classList[0] ?? '';
const alike = (a: Element, b: Element) => a.tagName === b.tagName && classBase(a) === classBase(b);

/**
 * The whole article when `article` is one page of it: a PDF shown page by page (pdf.js text layers, pdf2htmlEX page
 * boxes), each page a container of its printed lines wrapped with a label or a page number. The lines of a page vote
 * for the page, not for the viewer that holds all the pages, and a last page of a few lines scores far below the
 * first, so the climb over sibling containers above misses them. The pages are the viewer's children alike that make
 * up nearly all its text, each holding a part alike the article (a table's rows, whose cells are a title, a menu and
 * the text, are no pages), and another page's part holds prose. Each level reads each page's children once and one
 * page's text: linear in the page.
 */
function pagedArticle(article: Element, body: Element, text: string, spans: Map<Element, Segment>): Element {
  // The article's ancestors below x, top down: the path by which another page's part is found.
  const path: Element[] = [];
  let x = article;
  for (let up = 0; up < MAX_PAGE_DEPTH; up++) {
    const viewer = x.parentElement;
    if (!viewer || viewer === body) break;
    const whole = spans.get(viewer);
    let pageChars = 0;
    let otherProse = false;
    for (const y of viewer.children) {
      const span = alike(x, y) ? spans.get(y) : undefined;
      if (!span) continue;
      pageChars += span.end - span.start;
      if (y === x || otherProse) continue;
      let part: Element | undefined = y;
      for (const step of path) part = part && childAlike(part, step);
      const partSpan = part && spans.get(part);
      otherProse = !!partSpan && hanIn(text, partSpan.start, partSpan.end, MIN_PAGE_HAN) >= MIN_PAGE_HAN;
    }
    if (whole && otherProse && pageChars >= (whole.end - whole.start) * PAGES_SHARE) return viewer;
    path.unshift(x);
    x = viewer;
  }
  return article;
}

function childAlike(parent: Element, model: Element): Element | undefined {
  for (const c of parent.children) if (alike(c, model)) return c;
  return undefined;
}

/** How many short lines above the title or body can make up the document's head. */
const MAX_HEAD_LINES = 4;
const AGENCY_MARK = /文件$/;
const DOCUMENT_TYPE_END = /(?:通知|通报|通報|意见|意見|决定|決定|报告|報告|办法|辦法|方案|规定|規定|批复|批覆|公告|通告|令|规划|規劃|细则|細則|纲要|綱要|条例|條例|函)$/;

/**
 * The start of the document's head above `start` (the title, or the body when no title was found): the lines an
 * official document prints before its text — the issuing agency's mark (某某县人民政府文件), its own number
 * (国土资发〔2013〕21号), its title — which many sites print in table rows or boxes of their own, apart from the
 * container of the body. Taken while the lines just above are such lines, short and without links; the first other
 * line (navigation, a breadcrumb, a related link, the metadata block) ends the head.
 */
function headStart(
  text: string,
  paragraphs: Segment[],
  start: number,
  linkCharsIn: (s: Segment) => number,
  refs: string[],
  metadata: Segment | null,
): number {
  let at = lastIndexBefore(paragraphs, start);
  let head = start;
  for (let taken = 0; at >= 0 && taken < MAX_HEAD_LINES; at--) {
    const p = paragraphs[at];
    // The metadata block is a segment of its own, and its cells (组配分类: 区政府文件) are no head.
    if (metadata && p.end > metadata.start && p.start < metadata.end) break;
    const line = squeeze(text.slice(p.start, p.end));
    if (!line) continue;
    if (line.length > 80 || linkCharsIn(p) > 0 || !isHeadLine(line, refs)) break;
    head = p.start;
    taken++;
  }
  return head;
}

/** Index of the last paragraph ending at or before `at`, or -1. */
function lastIndexBefore(paragraphs: Segment[], at: number): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function isHeadLine(line: string, refs: string[]): boolean {
  if (AGENCY_MARK.test(line) && line.length <= 30) return true;
  // The document's own number, alone on its line or with its label (文号：…).
  const numbers = recognizeDocNumbers(line);
  if (numbers.length === 1 && numbers[0].text.length >= line.length * 0.6) return true;
  // The title, when the page states it (a good part of a stated title: not the site's name inside "标题_站点"), or a
  // line that ends as a title does.
  if (line.length >= 4 && refs.some((r) => line.includes(r) || (r.includes(line) && line.length * 2 >= r.length))) return true;
  return DOCUMENT_TYPE_END.test(line) && line.length <= 60;
}

// A signature and date sometimes follow the article container instead of closing it. Take up to three short,
// link-free paragraphs right after it when they read as a signature or a date.
function signatureEnd(text: string, paragraphs: Segment[], end: number, linkCharsIn: (s: Segment) => number): number {
  let taken = 0;
  for (const p of paragraphs) {
    if (p.start < end) continue;
    if (taken >= 3) break;
    const t = text.slice(p.start, p.end).trim();
    const signatureLike = t.length <= 40 && linkCharsIn(p) === 0 && /(人民政府|办公室|辦公室|委员会|委員會|局|厅|廳|部|日)$/.test(t);
    if (!signatureLike) break;
    end = p.end;
    taken++;
  }
  return end;
}

interface Link extends Segment {
  el: Element;
}

/** Index of the first link starting at or after `x` in links sorted by start. */
function firstLinkFrom(links: Segment[], x: number): number {
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (links[mid].start < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many items a listing shows at least: two results with abstracts could be a report and its summary. */
const LISTING_ITEMS = 3;
/** Characters before an item's heading link (a number, a bullet, a date) and in its link at least (a title). */
const ITEM_LEAD = 6;
const ITEM_TITLE = 6;

/**
 * Whether the article is a listing: an item (or the paragraph of one) among like siblings headed by links to other
 * pages that make up most of their container, or the container of such items. Search results and column listings with abstracts lend the article vote
 * to one abstract or to the whole list, and their link density stays low, since an abstract is longer than its
 * heading. Looks only at the article's and its parent's siblings and the article's children, through the spans and
 * links the walk recorded.
 */
function isListing(article: Element, spans: Map<Element, Segment>, links: Link[]): boolean {
  const headed = (item: Element): boolean => {
    const span = spans.get(item);
    if (!span) return false;
    const link = links[firstLinkFrom(links, span.start)];
    if (!link || link.start - span.start > ITEM_LEAD || link.end > span.end || link.end - link.start < ITEM_TITLE) return false;
    const href = link.el.getAttribute('href')?.trim() ?? '';
    return !!href && !href.startsWith('#') && !/^javascript:/i.test(href);
  };
  const like = (a: Element, b: Element) => a.tagName === b.tagName && a.className === b.className;
  // Like items headed by links, at least LISTING_ITEMS of them, that hold most of their container's text: a notice's
  // few linked attachments (附件：1.…doc) under its text are no listing.
  const listOf = (parent: Element, model: Element): boolean => {
    const whole = spans.get(parent);
    let n = 0;
    let chars = 0;
    for (const c of parent.children) {
      if (!like(c, model) || !headed(c)) continue;
      n++;
      const span = spans.get(c)!;
      chars += span.end - span.start;
    }
    return n >= LISTING_ITEMS && !!whole && chars * 2 >= whole.end - whole.start;
  };
  for (let x: Element | null = article, up = 0; x?.parentElement && up < 2; x = x.parentElement, up++) {
    if (headed(x) && listOf(x.parentElement, x)) return true;
  }
  const first = [...article.children].find(headed);
  return !!first && listOf(article, first);
}

/** Link characters inside any span, in O(log n): links never nest, so prefix sums over them suffice. */
function linkCounter(links: Segment[]): (seg: Segment) => number {
  links.sort((a, b) => a.start - b.start);
  const before: number[] = [0];
  for (const l of links) before.push(before[before.length - 1] + (l.end - l.start));
  const covered = (x: number) => {
    const lo = firstLinkFrom(links, x);
    if (lo === 0) return 0;
    const last = links[lo - 1];
    return before[lo - 1] + Math.min(x, last.end) - last.start;
  };
  return (seg) => covered(seg.end) - covered(seg.start);
}
