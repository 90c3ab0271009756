// @vitest-environment jsdom
// The study panel as a trainee sees it, rendered with the real locale strings over the real study view of a
// fixture report; the container's messages go to a stand-in for the content script.
import fs from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { StudyContent, StudyPanel } from '../../../components/study/StudyPanel';
import type { Envelope } from '../../../messaging/channel';
import { studyInputOf } from '../../../page/scan';
import { studyView, type StudyView } from '../../../study/view';
import { scanFixture } from './helpers/scan';

// In tests `browser` from #imports is WXT's fake browser, reached through wxt/testing, whose index also loads WXT's
// build tooling (esbuild), which cannot start under jsdom; the fake browser alone is all the panel needs.
vi.mock('wxt/testing', async () => ({ fakeBrowser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

function useLocale(locale: 'zh_CN' | 'en') {
  const file = path.resolve(process.cwd(), `public/_locales/${locale}/messages.json`);
  const messages: Record<string, { message: string }> = JSON.parse(fs.readFileSync(file, 'utf8'));
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n) => list[Number(n) - 1] ?? '');
  }) as never);
}

let view: StudyView;
let root: HTMLElement;
beforeAll(async () => {
  view = studyView(studyInputOf((await scanFixture('zhangdian-2017-report')).scan));
});
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const texts = (selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent ?? '');

describe('StudyContent', () => {
  it('lists the parts under their conventional names, ten 一级标题 among them', () => {
    useLocale('zh_CN');
    render(<StudyContent view={view} lang="zh" drawn={false} onDraw={() => {}} reveal={() => {}} />, root);
    const labels = texts('.outline .part-label');
    expect(labels.slice(0, 4)).toEqual(['标题', '发文字号', '主送机关', '正文开头']);
    expect(labels.filter((l) => l === '一级标题')).toHaveLength(10);
    expect(labels).toEqual(expect.arrayContaining(['二级标题', '发文机关署名（落款）', '成文日期']));
    expect(root.querySelector('h1')?.textContent).toBe('张店区人民政府关于2017年度法治政府建设情况的报告');
    expect(root.textContent).toContain('在页面上标出结构');
  });

  it('asks the page to scroll to a part, a cited document, a note or a chart row when clicked', () => {
    useLocale('zh_CN');
    const reveal = vi.fn();
    render(<StudyContent view={view} lang="zh" drawn={false} onDraw={() => {}} reveal={reveal} />, root);
    const heading = view.outline.nodes.find((n) => n.kind === 'heading' && n.text.startsWith('三、'))!;
    const button = [...root.querySelectorAll<HTMLButtonElement>('.outline .part')].find((b) => b.textContent?.includes('三、严格'))!;
    button.click();
    expect(reveal).toHaveBeenLastCalledWith(heading.start, heading.end);

    const cited = view.cited.find((c) => c.docno?.text === '张发〔2016〕22号')!;
    [...root.querySelectorAll<HTMLButtonElement>('.cited')].find((b) => b.textContent?.includes('张发〔2016〕22号'))!.click();
    expect(reveal).toHaveBeenLastCalledWith(cited.mentions[0].start, cited.mentions[0].end);

    root.querySelector<HTMLButtonElement>('.note')!.click();
    expect(reveal).toHaveBeenLastCalledWith(view.notes[0].at.start, view.notes[0].at.end);

    root.querySelector<HTMLButtonElement>('.bar-row.depth-0 .bar-name')!.click();
    expect(reveal).toHaveBeenCalledTimes(4);
  });

  it('explains the own number apart from the cited ones', () => {
    useLocale('zh_CN');
    render(<StudyContent view={view} lang="zh" drawn={false} onDraw={() => {}} reveal={() => {}} />, root);
    const own = root.querySelector('.own-number')!;
    expect(own.querySelector('.docno-text')?.textContent).toBe('张政字〔2018〕8号');
    expect(texts('.own-number .docno-fields .field')).toEqual(['机关代字张政字', '年份2018', '发文顺序号8']);
    expect(texts('.cited-number')).not.toContain('张政字〔2018〕8号');
    expect(texts('.cited-title')).toContain('《山东省行政程序规定》');
    // The issuing body is named only when the code says it: 鲁办发 is the CPC Shandong committee's general office.
    const lu = [...root.querySelectorAll('.cited-entry')].find((li) => li.textContent?.includes('鲁办发〔2017〕49号'))!;
    expect(lu.querySelector('.docno-issuer')?.textContent).toBe('发文机关：中共山东省委员会办公厅');
    // The later mention of the same document is one click away.
    const zi = [...root.querySelectorAll('.cited-entry')].find((li) => li.textContent?.includes('淄政办字[2017]5号'))!;
    expect(zi.querySelector('.mentions')?.textContent).toContain('提到 2 次');
  });

  it('draws bars in proportion to the figures of each section, the largest full width', () => {
    useLocale('zh_CN');
    render(<StudyContent view={view} lang="zh" drawn={false} onDraw={() => {}} reveal={() => {}} />, root);
    const rows = [...root.querySelectorAll<HTMLElement>('.bar-row')];
    const counts = rows.map((r) => Number(r.querySelector('.bar-count')!.textContent));
    const widths = rows.map((r) => parseFloat(r.querySelector<HTMLElement>('.bar')!.style.width));
    const max = Math.max(...counts);
    rows.forEach((_, i) => expect(widths[i]).toBeCloseTo((100 * counts[i]) / max, 5));
    expect(root.querySelector('figcaption')?.textContent).toBe(`共 ${view.figures.total} 个数字，其中正文以外 ${view.figures.outside} 个`);
  });

  it('switches the drawing with its checkbox', () => {
    useLocale('zh_CN');
    const onDraw = vi.fn();
    render(<StudyContent view={view} lang="zh" drawn={false} onDraw={onDraw} reveal={() => {}} />, root);
    root.querySelector<HTMLInputElement>('.study-draw input')!.click();
    expect(onDraw).toHaveBeenCalledWith(true);
  });

  it('speaks English with the English locale, names included', () => {
    useLocale('en');
    render(<StudyContent view={view} lang="en" drawn={false} onDraw={() => {}} reveal={() => {}} />, root);
    expect(texts('.outline .part-label').slice(0, 3)).toEqual(['Title', 'Document number', 'Addressee']);
    expect(root.textContent).toContain('Draw the structure on the page');
    expect(texts('.own-number .docno-fields dt')).toEqual(['Issuing-agency code', 'Year', 'Serial number']);
  });

  it('has an empty state for a page that is not a report, and for a site Pizhu is off on', () => {
    useLocale('zh_CN');
    render(<StudyContent view={{ ...view, kind: 'none' }} lang="zh" drawn={false} onDraw={() => {}} reveal={() => {}} />, root);
    expect(root.textContent).toBe('这一页不是报告或公文，没有可供学习的结构。');
    render(<StudyContent view={null} lang="zh" drawn={false} onDraw={() => {}} reveal={() => {}} />, root);
    expect(root.textContent).toContain('本扩展在此网站已关闭');
  });
});

/** A content script's reply as it travels back through messaging/channel.ts. */
const reply = (value: unknown) => ({ ok: true, value });

describe('StudyPanel', () => {
  beforeEach(() => {
    // Study mode's page script is injected before the first ask.
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
  });

  it('shows a loading state, then the view; the checkbox and clicks become messages to the tab', async () => {
    useLocale('zh_CN');
    let answer!: (v: unknown) => void;
    const sent: Array<[number, string, unknown]> = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number, envelope: Envelope) => {
      sent.push([tabId, envelope.name, envelope.data]);
      if (envelope.name === 'study:get') return new Promise((r) => { answer = r; });
      return Promise.resolve(reply(envelope.name === 'study:draw' ? 57 : true));
    }) as never);
    await act(() => render(<StudyPanel tab={{ id: 7, url: 'http://www.zhangdian.gov.cn/a.html' }} />, root));
    expect(root.querySelector('[aria-busy="true"]')?.textContent).toBe('正在读取报告的结构…');
    expect(fakeBrowser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/content-scripts/study.js'] });

    // The reply passes through the channel's promises before the panel sets it.
    await act(async () => {
      answer(reply(view));
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(texts('.outline .part-label').filter((l) => l === '一级标题')).toHaveLength(10);

    await act(() => root.querySelector<HTMLInputElement>('.study-draw input')!.click());
    expect(root.querySelector<HTMLInputElement>('.study-draw input')!.checked).toBe(true);
    await act(() => root.querySelector<HTMLButtonElement>('.outline .part')!.click());
    const title = view.outline.nodes[0];
    expect(sent).toEqual([
      [7, 'study:get', undefined],
      [7, 'study:draw', { on: true }],
      [7, 'study:reveal', { start: title.start, end: title.end }],
    ]);

    // Leaving study mode takes the drawing off the page.
    await act(() => render(null, root));
    expect(sent.at(-1)).toEqual([7, 'study:draw', { on: false }]);
  });

  it('asks again while a page just navigated to has no listener yet, then says so if none comes', async () => {
    useLocale('zh_CN');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
      await act(async () => render(<StudyPanel tab={{ id: 8, url: 'chrome://extensions' }} />, root));
      expect(root.textContent).toBe('正在读取报告的结构…');
      await act(async () => { await vi.advanceTimersByTimeAsync(1000); });
      expect(root.textContent).toBe('正在读取报告的结构…');
      await act(async () => { await vi.advanceTimersByTimeAsync(2000); });
      expect(send).toHaveBeenCalledTimes(5);
      expect(root.textContent).toContain('本扩展不能在这个页面上运行');

      // A content script that starts listening in time is heard.
      render(null, root);
      send.mockRejectedValueOnce(new Error('Receiving end does not exist.')).mockResolvedValue(reply(view));
      await act(async () => render(<StudyPanel tab={{ id: 9, url: 'http://www.zhangdian.gov.cn/a.html' }} />, root));
      await act(async () => { await vi.advanceTimersByTimeAsync(300); });
      expect(root.querySelector('.own-number .docno-text')?.textContent).toBe('张政字〔2018〕8号');
    } finally {
      vi.useRealTimers();
    }
  });
});
