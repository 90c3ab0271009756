// @vitest-environment jsdom
// The Agreement tab's states as a user meets them, rendered with the real locale strings: nobody to compare, one
// coder only, coders without a page in common; and a disagreement's passage with each coder's spans marked, the
// page's text given as text even when it reads like markup.
import fs from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Disagreement } from '../../../agreement';
import { AgreementView } from '../../../components/library/agreement/AgreementView';
import { Ln } from '../../../components/library/agreement/format';
import { PassageSides, segments } from '../../../components/library/agreement/PassageSides';
import type { LibraryData } from '../../../library/load';
import { toRow } from '../../../library/rows';
import type { AnnotationRecord, PageRecord } from '../../../model';
import type { PizhuDB } from '../../../storage/db';
import { annotation, T1 } from '../agreement/helpers';

vi.mock('wxt/testing', async () => ({ fakeBrowser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

function useLocale(locale: 'zh_CN' | 'en') {
  const file = path.resolve(process.cwd(), `public/_locales/${locale}/messages.json`);
  const messages: Record<string, { message: string }> = JSON.parse(fs.readFileSync(file, 'utf8'));
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n) => list[Number(n) - 1] ?? '');
  }) as never);
}

const A = { id: 'https://team.example.cn/people/a', name: '甲' };
const B = { id: 'https://team.example.cn/people/b', name: '乙' };
const P1 = { url: 'https://gov.example.cn/1.html', text: '全面推进依法行政。加快建设法治政府。' };
const P2 = { url: 'https://gov.example.cn/2.html', text: '深化放管服改革，优化营商环境。' };

function libraryOf(annotations: AnnotationRecord[]): LibraryData {
  const pages = new Map<string, PageRecord>([P1, P2].map((p) => [p.url, { url: p.url, title: p.url, kind: 'report', firstSeen: '', lastSeen: '' }]));
  return { rows: annotations.map((a) => toRow(a, pages, new Map())), pages, terms: new Map() };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

async function shows(data: LibraryData, selector: string): Promise<Element> {
  await act(() => render(<AgreementView db={{} as PizhuDB} data={data} onAnnotationsChanged={() => {}} />, root));
  for (let i = 0; i < 50 && !root.querySelector(selector); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  const found = root.querySelector(selector);
  if (!found) throw new Error(`${selector} not shown; the view shows: ${root.textContent}`);
  return found;
}

describe('the Agreement tab’s states', () => {
  it('says so when nobody coded anything, and how to bring a colleague’s work in', async () => {
    useLocale('zh_CN');
    const shown = await shows(libraryOf([]), '[data-state="no-coders"]');
    expect(shown.textContent).toContain('还没有可比较的编码员');
    expect(shown.textContent).toContain('导入同事导出的批注');
  });

  it('names the only coder', async () => {
    useLocale('en');
    const shown = await shows(libraryOf([annotation(P1, A, 0, 4, [T1]), annotation(P2, A, 0, 2, [T1])]), '[data-state="one-coder"]');
    expect(shown.textContent).toContain('Only one coder so far: 甲');
  });

  it('says when the coders have no page in common, and offers both coders to choose', async () => {
    useLocale('zh_CN');
    await shows(libraryOf([annotation(P1, A, 0, 4, [T1]), annotation(P2, B, 0, 2, [T1])]), '[data-state="no-shared-pages"]');
    const coders = [...root.querySelectorAll('.agr-coders label')].map((l) => l.textContent);
    expect(coders).toEqual(['甲1 条批注、1 个页面', '乙1 条批注、1 个页面']);
    // English counts are singular for one.
    useLocale('en');
    expect(Ln('AgrNPages', 1)).toBe('1 page');
    expect(Ln('AgrNPages', 2)).toBe('2 pages');
  });
});

describe('a disagreement’s passage', () => {
  const text = '前文<img src=x onerror=alert(1)>全面推进依法行政，加快建设法治政府。后文';
  const start = text.indexOf('<img');
  const end = text.indexOf('。');
  const item: Disagreement = {
    key: 'k', pageUrl: P1.url, start, end, text: text.slice(start, end), disputed: [T1],
    sides: [
      { coder: A.id, spans: [{ annotationId: 'a1', start, end: text.indexOf('，'), terms: [T1], note: '<b>注</b>' }] },
      { coder: B.id, spans: [] },
    ],
  };

  it('is cut at every span boundary', () => {
    expect(segments(10, 20, [{ annotationId: 'x', start: 12, end: 15, terms: [], note: '' }, { annotationId: 'y', start: 14, end: 30, terms: [], note: '' }])
      .map((s) => [s.start, s.end, s.spans.map((x) => x.annotationId)])).toEqual([
      [10, 12, []], [12, 14, ['x']], [14, 15, ['x', 'y']], [15, 20, ['y']],
    ]);
  });

  it('marks each coder’s spans and shows the text, notes included, as text', async () => {
    useLocale('zh_CN');
    await act(() => render(<PassageSides item={item} text={text} names={new Map([[A.id, '甲'], [B.id, '乙']])} terms={new Map()} />, root));
    const [a, b] = [...root.querySelectorAll('.adj-side')];
    expect(a.querySelector('h4')!.textContent).toBe('甲');
    expect([...a.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([text.slice(start, text.indexOf('，'))]);
    expect(b.querySelectorAll('mark')).toHaveLength(0);
    expect(b.textContent).toContain('此处未标注');
    expect(root.querySelector('img, b')).toBeNull();
    expect(a.textContent).toContain('<b>注</b>');
  });
});
