import { describe, expect, it } from 'vitest';
import { mergeAnnotations, settlePage } from '../../../sync/conflicts';
import { annotation } from '../storage/fixtures';

describe('merging versions of an annotation', () => {
  it('keeps every term once, in order, and every different note', () => {
    const base = annotation('urn:uuid:1', 'https://gov.example/r', '2024-03-01T08:00:00.000Z');
    const mine = { ...base, terms: ['t1', 't2'], note: '精简率' };
    const theirs = { ...base, terms: ['t3', 't1'], note: '另见第三部分', creator: { name: 'bob' } };
    const merged = mergeAnnotations([mine, theirs], '2024-04-01T00:00:00.000Z');
    expect(merged.terms).toEqual(['t1', 't2', 't3']);
    expect(merged.note).toBe('精简率\n\n另见第三部分');
    expect(merged.modified).toBe('2024-04-01T00:00:00.000Z');
    expect(merged.creator).toBeUndefined();
    expect(mergeAnnotations([mine, { ...mine, note: ' 精简率 ' }], 'x').note).toBe('精简率');
  });
});

describe('settling versions of a page', () => {
  it('keeps the one whose text was stored first, the same on every machine', () => {
    const v = (rev: string, snapshotAt?: string) => ({ rev, data: { url: 'u', title: 't', kind: 'report' as const, snapshotAt } });
    const versions = [v('2-b', '2024-03-02T00:00:00.000Z'), v('2-a', '2024-03-01T00:00:00.000Z'), v('2-c')];
    expect(settlePage(versions).rev).toBe('2-a');
    expect(settlePage([...versions].reverse()).rev).toBe('2-a');
    expect(settlePage([v('2-z', 'same'), v('2-y', 'same')]).rev).toBe('2-y');
  });
});
