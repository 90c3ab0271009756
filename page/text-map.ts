// The text of the page as one string, with the way back from string offsets to DOM ranges.
//
// Recognition runs over the text as a whole so that a figure split across inline elements
// (`<span>48</span>.6%`) is one string, while block boundaries and <br> become '\n' so that nothing is
// recognised across two paragraphs or two table cells. The '\n' separators belong to no text node.

export interface TextMap {
  text: string;
  /** Text nodes in document order. */
  nodes: Text[];
  /** starts[i] is the offset in `text` where nodes[i]'s data begins. */
  starts: number[];
}

/** Elements whose boundaries separate text. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
  'OPTION', 'BODY',
]);

/** Subtrees that never hold readable text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'HEAD']);

/** Whether an element of upper-case tag name `tag` separates text. */
export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

/**
 * The walk touches every node of the page, so it reads each element's tag once and hands it on: `tag` is the
 * upper-case tag name.
 */
export interface WalkHooks {
  /** Subtrees to leave out entirely (page chrome). */
  skip?: (el: Element, tag: string) => boolean;
  /**
   * Called when the walk leaves an element, with the text offsets it covered: [start, end), and the element the walk
   * came down through to it (its parent; null for the root), which the walk has at hand and the DOM would be asked for.
   */
  leave?: (el: Element, start: number, end: number, tag: string, parent: Element | null) => void;
}

interface Frame {
  el: Element;
  tag: string;
  next: Node | null;
  start: number;
  block: boolean;
  pre: boolean;
}


/**
 * Builds a TextMap in slices, so that a megabyte page never blocks the main thread for long: `step(n)` walks
 * about n nodes and returns true when the walk is complete. Iterative (explicit stack) so it can pause anywhere.
 * A separator is emitted lazily (at most one in a row) so that nested blocks do not pile up newlines.
 */
export class TextMapBuilder {
  private parts: string[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private length = 0;
  private pendingBreak = false;
  private stack: Frame[] = [];
  /**
   * Frames left, reused for the elements entered next: a page of 100,000 <span>s made as many objects, and the
   * garbage collector's pauses (10 to 50 ms on such a page, for its wrappers of the page's nodes already) fell inside
   * the walk's slices.
   */
  private spare: Frame[] = [];
  /** Open <pre> elements around the walk's position: inside them a line break in the source is one. */
  private preDepth = 0;

  constructor(root: Element, private hooks: WalkHooks = {}) {
    this.stack.push({ el: root, tag: root.tagName.toUpperCase(), next: root.firstChild, start: 0, block: true, pre: false });
  }

  step(budget: number): boolean {
    const { stack } = this;
    while (stack.length && budget-- > 0) {
      const frame = stack[stack.length - 1];
      const node = frame.next;
      if (!node) {
        stack.pop();
        if (frame.pre) this.preDepth--;
        if (frame.block) this.pendingBreak = true;
        this.hooks.leave?.(frame.el, frame.start, this.length, frame.tag, stack.length ? stack[stack.length - 1].el : null);
        this.spare.push(frame);
        continue;
      }
      frame.next = node.nextSibling;
      if (node.nodeType === 3) {
        this.addText(node as Text);
      } else if (node.nodeType === 1) {
        const el = node as Element;
        // HTML documents keep tag names upper case already; toUpperCase returns them as they are.
        const tag = el.tagName.toUpperCase();
        const block = BLOCK_TAGS.has(tag);
        if (block) this.pendingBreak = true;
        if (SKIP_TAGS.has(tag) || this.hooks.skip?.(el, tag)) continue;
        const pre = tag === 'PRE' || tag === 'LISTING' || tag === 'PLAINTEXT';
        if (pre) this.preDepth++;
        const entered = this.spare.pop() ?? ({} as Frame);
        entered.el = el;
        entered.tag = tag;
        entered.next = el.firstChild;
        entered.start = this.length;
        entered.block = block;
        entered.pre = pre;
        stack.push(entered);
      }
    }
    return stack.length === 0;
  }

  private addText(node: Text): void {
    let data = node.data;
    if (data.length === 0) return;
    if (this.pendingBreak && this.length > 0) {
      this.parts.push('\n');
      this.length += 1;
    }
    this.pendingBreak = false;
    this.nodes.push(node);
    this.starts.push(this.length);
    // '\n' in the text stands for a block boundary only: nothing is recognised across it. A source line break
    // between two inline pieces of one number (〔<span>\n2013</span>〕) is a space on screen, and one here; same length,
    // so offsets still index the node's data.
    // Replaced as strings: a regex costs its compile in each fresh renderer process (some 40 µs), and most pages'
    // text nodes hold such breaks.
    if (this.preDepth === 0) data = data.replaceAll('\n', ' ').replaceAll('\r', ' ');
    this.parts.push(data);
    this.length += data.length;
  }

  result(): TextMap {
    return { text: this.parts.join(''), nodes: this.nodes, starts: this.starts };
  }
}

/** The whole walk at once, for small subtrees and tests. */
export function buildTextMap(root: Element, hooks: WalkHooks = {}): TextMap {
  const builder = new TextMapBuilder(root, hooks);
  builder.step(Infinity);
  return builder.result();
}

/** Index of the node holding offset `at` (the last node starting at or before it). */
function nodeIndexAt(map: TextMap, at: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The DOM position of a text offset. A start on a separator moves on to the next node. */
function domPoint(map: TextMap, at: number, bias: 'start' | 'end'): [Text, number] {
  const i = nodeIndexAt(map, bias === 'end' ? Math.max(0, at - 1) : at);
  const node = map.nodes[i];
  const local = at - map.starts[i];
  if (bias === 'start' && local >= node.data.length && i + 1 < map.nodes.length) return [map.nodes[i + 1], 0];
  return [node, Math.max(0, Math.min(node.data.length, local))];
}

/** A live Range covering text[start, end). */
export function rangeFor(map: TextMap, start: number, end: number): Range {
  const [startNode, startOffset] = domPoint(map, start, 'start');
  const [endNode, endOffset] = domPoint(map, end, 'end');
  return liveRange(startNode, startOffset, endNode, endOffset);
}

function liveRange(startNode: Text, startOffset: number, endNode: Text, endOffset: number, doc = startNode.ownerDocument): Range {
  const range = doc.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

/**
 * Ranges for spans that come in document order (a scan's matches): each node is found by stepping on from the one
 * found before instead of searching the whole map, so thousands of ranges cost one pass over the nodes. The same
 * ranges as rangeFor's.
 */
export class TextCursor {
  private i = 0;
  private readonly doc: Document | undefined;
  /**
   * Text nodes the ranges made so far reach into, each range's counted: what drawing them costs the browser, which
   * marks each text node of a highlighted range on its own (a figure split over three <span>s costs three).
   */
  textNodes = 0;

  constructor(private readonly map: TextMap) {
    this.doc = map.nodes[0]?.ownerDocument;
  }

  range(start: number, end: number): Range {
    const from = this.nodeAt(start, 'start');
    const to = this.nodeAt(end, 'end');
    this.textNodes += to - from + 1;
    return liveRange(this.map.nodes[from], this.offsetIn(from, start), this.map.nodes[to], this.offsetIn(to, end), this.doc);
  }

  /** Index of the node a range's start or end at text offset `at` lies in. A start on a separator moves on. */
  private nodeAt(at: number, bias: 'start' | 'end'): number {
    const { starts, nodes } = this.map;
    const target = bias === 'end' ? Math.max(0, at - 1) : at;
    if (target < starts[this.i]) this.i = nodeIndexAt(this.map, target);
    else while (this.i + 1 < starts.length && starts[this.i + 1] <= target) this.i++;
    const atEnd = at - starts[this.i] >= nodes[this.i].data.length;
    return bias === 'start' && atEnd && this.i + 1 < nodes.length ? this.i + 1 : this.i;
  }

  /** Text offset `at` as an offset into node `index`, within its data. */
  private offsetIn(index: number, at: number): number {
    return Math.max(0, Math.min(this.map.nodes[index].data.length, at - this.map.starts[index]));
  }
}

const indexCache = new WeakMap<TextMap, Map<Text, number>>();

/** The text offset of a DOM point (a text node and an offset in it), or -1 when it is outside the map. */
export function offsetOf(map: TextMap, node: Node, offset: number): number {
  if (node.nodeType !== 3) return -1;
  let index = indexCache.get(map);
  if (!index) {
    // Built on first use only: hovering and selecting need it, a plain scan does not.
    index = new Map(map.nodes.map((n, i) => [n, i]));
    indexCache.set(map, index);
  }
  const i = index.get(node as Text);
  return i === undefined ? -1 : map.starts[i] + offset;
}
