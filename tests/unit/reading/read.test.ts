// @vitest-environment jsdom
// Reading a stored report: the stored text of a fixture page, as the content script keeps it (its scan's text and
// structure), read again without the page — recognition, study view and anchors as on the live page — and the
// same text kept without its structure (older records, imports), read from its lines.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeRange } from '../../../anchoring/describe';
import { studyInputOf, type ScanResult } from '../../../page/scan';
import { readStoredText, readerLines, type StoredReading } from '../../../reading/read';
import { structureToKeep } from '../../../reading/structure';
import { studyView } from '../../../study/view';
import type { OutlineNode } from '../../../study/types';
import { scanFixture } from '../study-ui/helpers/scan';

const flat = (nodes: OutlineNode[]): OutlineNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
const REPORTS = ['zhangdian-2017-report', 'jingzhou-2017-report', 'datong-2023-report', 'changqing-2018-opinion', 'duolun-2012-report'];

function kept(scan: ScanResult) {
  return { text: scan.layout.map.text, structure: structureToKeep(scan.layout.segments, scan.layout.blocks) };
}

describe('a stored text read with the structure kept at annotation time', () => {
  for (const name of REPORTS) {
    it(`${name}: the same matches and study view as the live page`, async () => {
      const { scan } = await scanFixture(name);
      const { text, structure } = kept(scan);
      expect(structure).toBeDefined();
      const reading = await readStoredText({ title: scan.layout.title, kind: scan.kind, text, structure, selectors: [] });
      expect(reading.structureKept).toBe(true);
      expect(reading.kind).toBe(scan.kind);
      expect(reading.matches).toEqual(scan.matches);
      expect(reading.study).toEqual(studyView(studyInputOf(scan)));
    });
  }
});

describe('the lines of zhangdian-2017-report as the reader shows them', () => {
  let scan: ScanResult;
  let reading: StoredReading;
  let text: string;
  beforeAll(async () => {
    ({ scan } = await scanFixture('zhangdian-2017-report'));
    ({ text } = kept(scan));
    reading = await readStoredText({ title: scan.layout.title, kind: scan.kind, text, structure: kept(scan).structure, selectors: [] });
  });
  const lineText = (l: { start: number; end: number }) => text.slice(l.start, l.end).trim();

  it('names the title, the ten level-1 headings, the metadata cells, the signature and date, and the page around', () => {
    const { lines } = reading;
    expect(lines.filter((l) => l.role === 'title').map(lineText)).toEqual(['张店区人民政府关于2017年度法治政府建设情况的报告']);
    const level1 = lines.filter((l) => l.role === 'heading' && l.level === 1).map(lineText);
    expect(level1.map((t) => t.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、']);
    expect(lines.filter((l) => l.role === 'cell').map(lineText)).toEqual(expect.arrayContaining(['索引号:', '370303000-A/2018-00650']));
    expect(lines.filter((l) => l.role === 'closing').map(lineText)).toEqual(['淄博市张店区人民政府', '2018年3月7日']);
    const asides = lines.filter((l) => l.role === 'aside').map(lineText);
    expect(asides).toContain('淄博市张店区人民政府');
    expect(asides.join()).toContain('打印本页');
    // No line is left out, none is shown twice, and each is one line of the text.
    expect(lines.map(lineText).join('')).toBe(text.split('\n').map((l) => l.trim()).join(''));
    for (const l of lines) expect(text.slice(l.start, l.end)).not.toContain('\n');
  });

  it('keeps a heading that runs into its paragraph inside the paragraph, its words marked', () => {
    const runIn = reading.lines.filter((l) => l.runInEnd !== undefined);
    for (const l of runIn) {
      expect(l.role).toBe('paragraph');
      expect(l.runInEnd!).toBeGreaterThan(l.start);
      expect(l.runInEnd!).toBeLessThan(l.end);
    }
    // Every heading of the outline is a heading line or a run-in one.
    const headings = flat(reading.study.outline.nodes).filter((n) => n.kind === 'heading');
    for (const h of headings) {
      const line = reading.lines.find((l) => l.start <= h.start && h.start < l.end)!;
      expect(line.role === 'heading' || line.runInEnd === h.end, h.text).toBe(true);
    }
  });
});

describe('a stored text kept without its structure (an older record, an import)', () => {
  it('reads the outline from the lines: title, own number, the ten level-1 headings, signature and date', async () => {
    const { scan } = await scanFixture('zhangdian-2017-report');
    const { text } = kept(scan);
    const reading = await readStoredText({ title: scan.layout.title, kind: 'report', text, selectors: [] });
    expect(reading.structureKept).toBe(false);
    const nodes = reading.study.outline.nodes;
    expect(reading.study.title).toBe('张店区人民政府关于2017年度法治政府建设情况的报告');
    expect(reading.study.own?.text).toBe('张政字〔2018〕8号');
    expect(nodes.filter((n) => n.kind === 'heading' && n.level === 1)).toHaveLength(10);
    expect(nodes.slice(-2).map((n) => n.kind)).toEqual(['signature', 'date']);
    // Every number and figure of the live page is recognised; the whole text is read, so nothing is an aside.
    for (const m of scan.matches) expect(reading.matches).toContainEqual(m);
    expect(reading.lines.some((l) => l.role === 'aside')).toBe(false);
  });

  it('reads a text that came as kind none (an import’s default) as what it is', async () => {
    const { scan } = await scanFixture('zhangdian-2017-report');
    const { text, structure } = kept(scan);
    expect((await readStoredText({ title: scan.layout.title, kind: 'none', text, selectors: [] })).kind).toBe('report');
    // The live reading's verdict stands where the page's structure was kept with it.
    const live = await readStoredText({ title: scan.layout.title, kind: 'none', text, structure, selectors: [] });
    expect(live.kind).toBe('none');
    expect(live.matches).toEqual([]);
  });

  it('does not trust a structure that does not fit the text', async () => {
    const { scan } = await scanFixture('zhangdian-2017-report');
    const { text, structure } = kept(scan);
    const wrong = { ...structure!, blocks: [...structure!.blocks, { start: text.length, end: text.length + 9, tag: 'p' }] };
    const reading = await readStoredText({ title: scan.layout.title, kind: 'report', text, structure: wrong, selectors: [] });
    expect(reading.structureKept).toBe(false);
    expect(reading.study.outline.nodes.filter((n) => n.kind === 'heading' && n.level === 1)).toHaveLength(10);
  });
});

describe('annotations in the stored text', () => {
  it('anchors each where it was made, and gives null for one whose passage the text does not hold', async () => {
    const { scan } = await scanFixture('zhangdian-2017-report');
    const { text, structure } = kept(scan);
    const at = text.indexOf('将全区177项行政审批事项压缩至92项');
    const here = describeRange(text, at, at + 18);
    const gone = { quote: { exact: '这一段文字从未出现在这份报告里', prefix: '', suffix: '' } };
    const reading = await readStoredText({ title: scan.layout.title, kind: scan.kind, text, structure, selectors: [here, gone] });
    expect(reading.anchors).toEqual([{ start: at, end: at + 18, method: 'exact' }, null]);
  });
});

describe('readerLines', () => {
  it('skips blank lines and names lines outside the main content asides', () => {
    const text = '站点名\n\n  \n一、总体情况\n正文一段。\n页脚';
    const body = { start: text.indexOf('一、'), end: text.indexOf('\n页脚') };
    const heading: OutlineNode = { kind: 'heading', level: 1, label: { zh: '', en: '' }, text: '一、总体情况', start: body.start, end: body.start + 6, children: [] };
    const lines = readerLines(text, [body], [], [heading]);
    expect(lines.map((l) => [text.slice(l.start, l.end), l.role, l.level])).toEqual([
      ['站点名', 'aside', undefined], ['一、总体情况', 'heading', 1], ['正文一段。', 'paragraph', undefined], ['页脚', 'aside', undefined],
    ]);
  });
});
