// The stored text laid out in the reader page: one element per line (a heading, a paragraph, a table cell…), built
// from text nodes only — the text is the page's, never markup — and in chunks with a pause between them, so that a
// megabyte text keeps the page responsive while it is laid out. The TextMap it returns maps offsets of the stored
// text to those text nodes, so that the page side's helpers (ranges, highlights, hit tests) work here as on a page.
import type { TextMap } from '../../page/text-map';
import type { ReaderLine } from '../../reading/read';

/**
 * A chunk is one task's work, and one box the browser may skip laying out while it is off screen; but the one on
 * screen is laid out whole, so a chunk holds at most about this many characters (and this many lines).
 */
export const CHUNK_CHARS = 4000;
export const CHUNK_LINES = 200;

function elementFor(doc: Document, line: ReaderLine): HTMLElement {
  switch (line.role) {
    case 'title':
      return doc.createElement('h1');
    case 'heading':
      return doc.createElement(`h${Math.min(4, (line.level ?? 1) + 1)}`);
    default: {
      const p = doc.createElement('p');
      if (line.role !== 'paragraph') p.className = line.role;
      return p;
    }
  }
}

export interface RenderOptions {
  /** Awaited between chunks. */
  pause: () => Promise<void>;
  onProgress?: (lines: number, total: number) => void;
  /** Set when the reader moves on (another page): the rest is not laid out. */
  signal?: AbortSignal;
}

/** Lays `lines` of `text` out into `container` (emptied first) and returns the text's map onto what was made. */
export async function renderText(container: HTMLElement, text: string, lines: readonly ReaderLine[], options: RenderOptions): Promise<TextMap> {
  const doc = container.ownerDocument;
  container.replaceChildren();
  const map: TextMap = { text, nodes: [], starts: [] };
  const addText = (parent: Element, start: number, end: number) => {
    if (end <= start) return;
    const node = doc.createTextNode(text.slice(start, end));
    parent.append(node);
    map.nodes.push(node);
    map.starts.push(start);
  };
  for (let from = 0; from < lines.length; ) {
    if (options.signal?.aborted) break;
    const chunk = doc.createElement('div');
    chunk.className = 'chunk';
    let to = from;
    for (let chars = 0; to < lines.length && to - from < CHUNK_LINES && (chars < CHUNK_CHARS || to === from); to++) {
      chars += lines[to].end - lines[to].start;
    }
    for (const line of lines.slice(from, to)) {
      const el = elementFor(doc, line);
      if (line.runInEnd !== undefined) {
        const head = doc.createElement('strong');
        head.className = 'run-in';
        addText(head, line.start, line.runInEnd);
        el.append(head);
        addText(el, line.runInEnd, line.end);
      } else {
        addText(el, line.start, line.end);
      }
      chunk.append(el);
    }
    container.append(chunk);
    from = to;
    options.onProgress?.(from, lines.length);
    await options.pause();
  }
  return map;
}
