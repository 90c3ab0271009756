import { describe, expect, it } from 'vitest';
import { applyQuery, EMPTY_QUERY, filterRows, isFiltered, sortRows } from '../../../library/query';
import { toRow } from '../../../library/rows';
import type { PageRecord, Term } from '../../../model';
import { annotation, PAGE } from './fixtures';

const OTHER: PageRecord = { ...PAGE, url: 'http://www.gov.cn/notice.html', title: '纲要', kind: 'document', issuer: '国务院', docNumber: undefined };
const pages = new Map([PAGE, OTHER].map((p) => [p.url, p]));
const term = (id: string, zh: string, en: string): Term => ({ id, taxonomyId: 't', scheme: 's', notation: '1', label: { zh, en }, color: '#aa3300', order: 0 });
const terms = new Map([term('T1', '行政复议', 'Administrative review'), term('T2', '营商环境', 'Business environment')].map((t) => [t.id, t]));

const rows = [
  toRow(annotation(1, { terms: ['T1'], note: '纠错率' }), pages, terms),
  toRow(annotation(2, { terms: ['T2'], pageUrl: OTHER.url, quote: { exact: '优化营商环境', prefix: '', suffix: '' } }), pages, terms),
  toRow(annotation(3, { terms: ['T1', 'T2'], created: '2024-05-10T08:00:00.000Z' }), pages, terms),
  toRow(annotation(4, { pageUrl: 'http://unknown.example/x' }), pages, terms),
];
const ids = (list: { annotation: { id: string } }[]) => list.map((r) => Number(r.annotation.id.slice(-2)));

describe('library query', () => {
  it('searches quote, note, title, issuer, document number and term labels in both languages, all words', () => {
    const search = (text: string) => ids(filterRows(rows, { ...EMPTY_QUERY, text }));
    expect(search('营商')).toEqual([2, 3]);
    expect(search('纠错率')).toEqual([1]);
    expect(search('张政字〔2024〕3号')).toEqual([1, 3]);
    expect(search('国务院')).toEqual([2]);
    expect(search('administrative REVIEW')).toEqual([1, 3]);
    expect(search('行政复议 营商')).toEqual([3]);
    expect(search('不存在')).toEqual([]);
  });

  it('filters by coder', () => {
    const coded = [
      toRow(annotation(5, { creator: { id: 'urn:uuid:li', name: '李四' } }), pages, terms),
      toRow(annotation(6, { creator: { id: 'urn:uuid:wang', name: '王五' } }), pages, terms),
      ...rows,
    ];
    expect(ids(filterRows(coded, { ...EMPTY_QUERY, coder: 'urn:uuid:wang' }))).toEqual([6]);
    expect(filterRows(coded, EMPTY_QUERY)).toHaveLength(6);
    expect(isFiltered({ ...EMPTY_QUERY, coder: 'urn:uuid:li' })).toBe(true);
  });

  it('filters by term, page, page kind (a page not stored counts as none) and creation date', () => {
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, term: 'T2' }))).toEqual([2, 3]);
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, page: OTHER.url }))).toEqual([2]);
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, kind: 'document' }))).toEqual([2]);
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, kind: 'none' }))).toEqual([4]);
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, from: '2024-04-02', to: '2024-04-30' }))).toEqual([2, 4]);
    expect(ids(filterRows(rows, { ...EMPTY_QUERY, from: '2024-05-01' }))).toEqual([3]);
    expect(isFiltered(EMPTY_QUERY)).toBe(false);
    expect(isFiltered({ ...EMPTY_QUERY, kind: 'report' })).toBe(true);
  });

  it('sorts by any column either way, ties in creation order, without touching the input', () => {
    expect(ids(applyQuery(rows, EMPTY_QUERY))).toEqual([3, 4, 2, 1]);
    expect(ids(sortRows(rows, 'created', false))).toEqual([1, 2, 4, 3]);
    // Titles: the unknown page sorts as '' first; equal titles (1 and 3) keep creation order.
    expect(ids(sortRows(rows, 'title', false))).toEqual([4, 1, 3, 2]);
    // Code-point order: 引 (U+5F15) after 优 (U+4F18).
    expect(ids(sortRows(rows, 'quote', true))).toEqual([4, 3, 1, 2]);
    expect(ids(rows)).toEqual([1, 2, 3, 4]);
  });
});
