// @vitest-environment jsdom
// Study mode on the content side, over the real scan of the fixture pages: what the panel is sent, what is drawn.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { studyInputOf, type ScanResult } from '../../../page/scan';
import { OUTLINE_HIGHLIGHT_NAMES, clearOutline, drawOutline, revealSpan } from '../../../page/study-drawing';
import { studyView, type StudyView } from '../../../study/view';

const studyOf = (scan: ScanResult): StudyView => studyView(studyInputOf(scan));
import type { OutlineNode } from '../../../study/types';
import { fakeHighlights, scanFixture, type HighlightWorld } from './helpers/scan';

function allNodes(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}

describe('studyOf zhangdian-2017-report (a district report with its own number)', () => {
  let scan: ScanResult;
  let view: StudyView;
  beforeAll(async () => {
    ({ scan } = await scanFixture('zhangdian-2017-report'));
    view = studyOf(scan);
  });

  it('outlines the report: title, number, addressee, opening, ten level-1 headings, signature and date', () => {
    expect(view.kind).toBe('report');
    expect(view.title).toBe('张店区人民政府关于2017年度法治政府建设情况的报告');
    const top = view.outline.nodes;
    expect(top.slice(0, 4).map((n) => n.kind)).toEqual(['title', 'docNumber', 'addressee', 'opening']);
    const level1 = top.filter((n) => n.kind === 'heading' && n.level === 1);
    expect(level1.map((h) => h.text.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、']);
    expect(top.slice(-2).map((n) => [n.kind, n.text])).toEqual([['signature', '淄博市张店区人民政府'], ['date', '2018年3月7日']]);
    expect(top.find((n) => n.kind === 'docNumber')?.label.zh).toBe('发文字号');
  });

  it('gives every part offsets into the page text that the scan mapped', () => {
    const { text } = scan.layout.map;
    const nodes = allNodes(view.outline.nodes);
    expect(nodes.length).toBeGreaterThan(40);
    for (const n of nodes.filter((n) => !n.text.includes('\n'))) expect(text.slice(n.start, n.end)).toBe(n.text);
  });

  it('sets its own number 张政字〔2018〕8号 apart, taken into 机关代字, 年份 and 发文顺序号', () => {
    expect(view.own?.text).toBe('张政字〔2018〕8号');
    expect(scan.layout.map.text.slice(view.own!.start, view.own!.end)).toBe('张政字〔2018〕8号');
    expect(view.own!.explanation.fields.map((f) => [f.label.zh, f.text])).toEqual([
      ['机关代字', '张政字'], ['年份', '2018'], ['发文顺序号', '8'],
    ]);
    // 张 could be any place: the code does not say which government, so no issuer is claimed.
    expect(view.own!.explanation.issuer).toBeUndefined();
  });

  it('lists the cited documents apart from the own number, 《title》 paired with number, each explained', () => {
    expect(view.cited.some((c) => c.docno?.text === '张政字〔2018〕8号')).toBe(false);
    const cited = Object.fromEntries(view.cited.filter((c) => c.docno).map((c) => [c.docno!.text, c]));
    expect(cited['淄政办字[2017]5号'].title).toBe('淄博市人民政府办公厅关于加强行政执法监督工作的意见');
    expect(cited['淄政办字[2017]5号'].mentions).toHaveLength(2);
    expect(cited['鲁办发〔2017〕49号'].docno!.explanation.issuer?.zh).toBe('中共山东省委员会办公厅');
    expect(view.cited.filter((c) => !c.docno).map((c) => c.title)).toContain('山东省行政程序规定');
    // Every recognised number is either the own one or cited.
    const numbers = scan.matches.filter((m) => m.category === 'docno').map((m) => m.text);
    expect(new Set([view.own!.text, ...view.cited.flatMap((c) => (c.docno ? [c.docno.text] : []))])).toEqual(new Set(numbers));
  });

  it('notes the half-width colon after the addressee and the [2017] brackets, in document order', () => {
    const rules = view.notes.map((n) => n.rule);
    expect(rules).toContain('addressee-colon');
    expect(rules.filter((r) => r === 'docno-year-brackets')).toHaveLength(2);
    const starts = view.notes.map((n) => n.at.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('counts figures per section: every figure the scan found, in the ten sections', () => {
    const figures = scan.matches.filter((m) => m.category === 'figure').length;
    expect(view.figures.total).toBe(figures);
    const headed = view.figures.rows.filter((r) => r.level === 1);
    expect(headed).toHaveLength(10);
    expect(view.figures.rows.reduce((s, r) => s + r.count, 0) + view.figures.outside).toBe(figures);
    expect(headed[4].children.map((c) => c.text)).toEqual(['(一)严格执法证件管理', '(二)认真落实“三项”制度', '(三)加强执法网工作调度']);
  });

  it('is plain data: it survives structured cloning (the message channel) unchanged', () => {
    expect(structuredClone(view)).toEqual(view);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});

describe('studyOf other pages', () => {
  it('reads the implementation opinion changqing-2018-opinion: number, attachment note, signature', async () => {
    const { scan } = await scanFixture('changqing-2018-opinion');
    const view = studyOf(scan);
    expect(view.kind).toBe('document');
    expect(view.own?.text).toBe('济长政发〔2018〕8号');
    const kinds = allNodes(view.outline.nodes).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['attachment', 'attachmentItem', 'signature', 'date']));
    expect(view.notes.map((n) => n.rule)).toContain('attachment-colon');
  });

  it('reads a report without a number of its own (jingzhou-2017-report): three levels, no own number', async () => {
    const { scan } = await scanFixture('jingzhou-2017-report');
    const view = studyOf(scan);
    expect(view.own).toBeUndefined();
    const levels = new Set(allNodes(view.outline.nodes).filter((n) => n.kind === 'heading').map((n) => n.level));
    expect([...levels].sort()).toEqual([1, 2, 3]);
  });

  it.each([
    ['jingzhou-2017-report', '来源'],
    ['datong-2023-report', '发布时间'],
  ])('leaves the site’s own line under the title of %s (%s…) out of the addressee and the opening', async (name, word) => {
    const { scan } = await scanFixture(name);
    const parts = allNodes(studyOf(scan).outline.nodes);
    for (const kind of ['addressee', 'opening'] as const) {
      for (const n of parts.filter((x) => x.kind === kind)) expect(n.text).not.toContain(word);
    }
    expect(parts.some((n) => n.kind === 'opening')).toBe(true);
  });

  it('gives a page that is not a report an empty view', async () => {
    const { scan } = await scanFixture('shop-promo');
    const view = studyOf(scan);
    expect(view).toMatchObject({ kind: 'none', outline: { nodes: [] }, cited: [], notes: [], figures: { total: 0, rows: [] } });
    expect(view.own).toBeUndefined();
  });
});

describe('drawing the outline and revealing a part', () => {
  let scan: ScanResult;
  let view: StudyView;
  let world: HighlightWorld;
  beforeAll(async () => {
    let doc: Document;
    ({ scan, doc } = await scanFixture('zhangdian-2017-report'));
    view = studyOf(scan);
    world = fakeHighlights(doc);
    return () => world.restore();
  });
  afterEach(() => clearOutline());

  const texts = (name: string) => [...(world.registry.get(name) ?? [])].map((r) => r.toString());

  it('registers one highlight per kind and heading level, each range over its part’s text', () => {
    const drawn = drawOutline(scan.layout.map, view, true);
    expect(drawn).toBe(allNodes(view.outline.nodes).length);
    expect(texts('pizhu-outline-heading-1').map((s) => s.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、']);
    expect(texts('pizhu-outline-docno')).toEqual(['张政字〔2018〕8号']);
    expect(texts('pizhu-outline-signature')).toEqual(['淄博市张店区人民政府']);
    expect(texts('pizhu-outline-heading-2')).toContain('(一)严格执法证件管理');
    expect(texts('pizhu-outline-enumeration')[0]).toBe('一是建立指标动态完善机制,做到简政放权到位');
    expect([...world.registry.keys()].every((name) => OUTLINE_HIGHLIGHT_NAMES.includes(name))).toBe(true);
  });

  it('takes every outline highlight off again, and leaves the recognition highlights alone', () => {
    world.registry.set('pizhu-docno', new Set());
    drawOutline(scan.layout.map, view, true);
    expect(drawOutline(scan.layout.map, view, false)).toBe(0);
    expect([...world.registry.keys()]).toEqual(['pizhu-docno']);
    world.registry.delete('pizhu-docno');
  });

  it('scrolls to a part’s element and marks the part', () => {
    const heading = view.outline.nodes.find((n) => n.kind === 'heading' && n.text.startsWith('五、'))!;
    world.scrolled.length = 0;
    expect(revealSpan(scan.layout.map, heading.start, heading.end)).toBe(true);
    expect(world.scrolled).toHaveLength(1);
    expect(world.scrolled[0].textContent).toContain('五、坚持严格规范行政执法');
    expect(texts('pizhu-study-focus')).toEqual([heading.text]);
  });

  it('scrolls to an empty span (where a missing part would stand) without marking it; refuses a span off the text', () => {
    world.scrolled.length = 0;
    world.registry.clear();
    const at = view.outline.nodes.find((n) => n.kind === 'signature')!.start;
    expect(revealSpan(scan.layout.map, at, at)).toBe(true);
    expect(world.scrolled).toHaveLength(1);
    expect(world.registry.has('pizhu-study-focus')).toBe(false);
    expect(revealSpan(scan.layout.map, -1, 3)).toBe(false);
    expect(revealSpan(scan.layout.map, 0, scan.layout.map.text.length + 1)).toBe(false);
    expect(world.scrolled).toHaveLength(1);
  });
});
