// The reader's kinds for misjudged pages: set, replaced, given back, and bounded.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_PAGE_KINDS, pageKindOf, withPageKind, type Settings } from '../../../model';

describe('page kinds set by the reader', () => {
  it('sets, replaces and gives back a page’s kind', () => {
    let s: Settings = withPageKind(DEFAULT_SETTINGS, 'http://a.gov.cn/x', 'report');
    expect(pageKindOf(s, 'http://a.gov.cn/x')).toBe('report');
    s = withPageKind(s, 'http://a.gov.cn/x', 'none');
    expect(pageKindOf(s, 'http://a.gov.cn/x')).toBe('none');
    s = withPageKind(s, 'http://a.gov.cn/x', null);
    expect(pageKindOf(s, 'http://a.gov.cn/x')).toBeUndefined();
    expect(s.categories).toEqual(DEFAULT_SETTINGS.categories);
  });

  it('reads settings stored before there were any', () => {
    const old = { categories: DEFAULT_SETTINGS.categories, disabledSites: [] } as Settings;
    expect(pageKindOf(old, 'http://a.gov.cn/x')).toBeUndefined();
    expect(pageKindOf(withPageKind(old, 'http://a.gov.cn/x', 'document'), 'http://a.gov.cn/x')).toBe('document');
  });

  it('keeps the latest pages only, the page just set among them', () => {
    let s: Settings = DEFAULT_SETTINGS;
    for (let i = 0; i <= MAX_PAGE_KINDS; i++) s = withPageKind(s, `http://a.gov.cn/${i}`, 'report');
    expect(Object.keys(s.pageKinds!)).toHaveLength(MAX_PAGE_KINDS);
    expect(pageKindOf(s, 'http://a.gov.cn/0')).toBeUndefined();
    expect(pageKindOf(s, `http://a.gov.cn/${MAX_PAGE_KINDS}`)).toBe('report');
    s = withPageKind(s, 'http://a.gov.cn/1', 'none');
    expect(Object.keys(s.pageKinds!).at(-1)).toBe('http://a.gov.cn/1');
  });
});
