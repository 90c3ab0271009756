// @vitest-environment jsdom
// The reader's layout of a stored text: elements by the lines' parts, text nodes only (the page's markup stays
// text), in chunks of bounded size with a pause after each, and a TextMap whose ranges cover exactly the stored text.
import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, CHUNK_LINES, renderText } from '../../../components/reader/render-text';
import { rangeFor } from '../../../page/text-map';
import type { ReaderLine } from '../../../reading/read';
import { forEachLine, hasInk } from '../../../reading/structure';

function linesOf(text: string, role: (i: number) => Partial<ReaderLine> = () => ({})): ReaderLine[] {
  const lines: ReaderLine[] = [];
  forEachLine(text, (start, end) => {
    if (hasInk(text, start, end)) lines.push({ start, end, role: 'paragraph', ...role(lines.length) });
  });
  return lines;
}

describe('renderText', () => {
  it('makes headings, paragraphs and cells of text nodes, the page’s markup staying text', async () => {
    const text = '报告标题\n一、总体情况\n一是做法。<img src=x onerror=alert(1)>正文\n索引号';
    const lines = linesOf(text, (i) => [{ role: 'title' as const }, { role: 'heading' as const, level: 1 }, { runInEnd: text.indexOf('。') }, { role: 'cell' as const }][i]);
    const container = document.createElement('div');
    const map = await renderText(container, text, lines, { pause: async () => {} });
    const chunk = container.firstElementChild!;
    expect([...chunk.children].map((e) => `${e.tagName.toLowerCase()}.${e.className}`)).toEqual(['h1.', 'h2.', 'p.', 'p.cell']);
    expect(container.querySelector('img')).toBeNull();
    expect(chunk.children[2].innerHTML).toBe('<strong class="run-in">一是做法</strong>。&lt;img src=x onerror=alert(1)&gt;正文');
    const at = text.indexOf('做法');
    expect(rangeFor(map, at, at + 8).toString()).toBe(text.slice(at, at + 8));
    expect(map.nodes.map((n) => n.data).join('')).toBe(text.replace(/\n/g, ''));
  });

  it('lays a megabyte out in chunks of bounded size, pausing after each', async () => {
    const paragraph = '　　一是建立指标动态完善机制，将全区177项行政审批事项压缩至92项，精简率达48.6%。'.repeat(4);
    const text = Array.from({ length: Math.ceil(1_000_000 / (paragraph.length + 1)) }, () => paragraph).join('\n');
    const lines = linesOf(text);
    const container = document.createElement('div');
    let pauses = 0;
    let reported = 0;
    const map = await renderText(container, text, lines, { pause: async () => void pauses++, onProgress: (done) => (reported = done) });
    const chunks = [...container.children];
    expect(chunks.length).toBe(pauses);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(text.length / (CHUNK_CHARS + paragraph.length)));
    for (const chunk of chunks) {
      expect(chunk.childElementCount).toBeLessThanOrEqual(CHUNK_LINES);
      expect(chunk.textContent!.length).toBeLessThan(CHUNK_CHARS + paragraph.length);
    }
    expect(reported).toBe(lines.length);
    expect(map.nodes.length).toBe(lines.length);
    const last = lines[lines.length - 1];
    expect(rangeFor(map, last.start + 2, last.end).toString()).toBe(text.slice(last.start + 2, last.end));
  });

  it('stops when the reader moves on', async () => {
    const text = Array.from({ length: 2000 }, (_, i) => `第${i}段。`).join('\n');
    const abort = new AbortController();
    const container = document.createElement('div');
    await renderText(container, text, linesOf(text), { pause: async () => abort.abort(), signal: abort.signal });
    expect(container.childElementCount).toBe(1);
  });
});
