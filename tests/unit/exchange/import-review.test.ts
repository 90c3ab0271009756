import { describe, expect, it } from 'vitest';
import { diffImport } from '../../../exchange/import-diff';
import {
  BY_NEWER,
  choiceOf,
  choicesById,
  decideAll,
  decideOne,
  differences,
  resolve,
  tally,
  toConflict,
} from '../../../exchange/import-review';
import type { AnnotationRecord } from '../../../model';
import { annotation } from '../library/fixtures';

const LI = { id: 'urn:uuid:11111111-1111-4111-8111-111111111111', name: '李四' };
const ME = { id: 'urn:uuid:22222222-2222-4222-8222-222222222222', name: '张三' };

/** A stored annotation and the file's version of it, edited at `modified` with `patch`. */
function pair(n: number, modified: string, patch: Partial<AnnotationRecord> = {}) {
  const mine = annotation(n, { creator: ME, note: `我的${n}`, modified: '2024-06-01T10:00:00.000Z' });
  return { mine, theirs: { ...mine, note: `文件的${n}`, creator: LI, modified, ...patch } };
}

describe('the default for each changed annotation', () => {
  it('is the newer edit by `modified`: the file’s when it is later, mine when mine is later or neither is', () => {
    const later = pair(1, '2024-06-02T08:00:00.000Z');
    const earlier = pair(2, '2024-05-30T08:00:00.000Z');
    const same = pair(3, '2024-06-01T10:00:00.000Z');
    expect(toConflict(later.mine, later.theirs).newer).toBe('theirs');
    expect(toConflict(earlier.mine, earlier.theirs).newer).toBe('mine');
    expect(toConflict(same.mine, same.theirs).newer).toBe('mine');
    // Compared as instants, not as text: 09:00 at +08:00 is before 10:00 UTC.
    const offset = pair(4, '2024-06-01T17:00:00+08:00');
    expect(toConflict(offset.mine, offset.theirs).newer).toBe('mine');
  });

  it('keeps, under the default decisions, every newer edit: no newer version is replaced', () => {
    const pairs = [pair(1, '2024-07-01T00:00:00.000Z'), pair(2, '2024-01-01T00:00:00.000Z')];
    const conflicts = pairs.map((p) => toConflict(p.mine, p.theirs));
    const { records, kept } = resolve(pairs.map((p) => p.theirs), choicesById(BY_NEWER, conflicts));
    expect(records).toEqual([pairs[0].theirs]);
    expect(kept).toBe(1);
    expect(tally(BY_NEWER, conflicts)).toEqual({ mine: 1, theirs: 1, both: 0 });
  });

  it('credits the file’s version to the coder it has here when the file names nobody, as the write does', () => {
    const { mine, theirs } = pair(1, '2024-07-01T00:00:00.000Z', { creator: undefined });
    expect(toConflict(mine, theirs).theirs.creator).toEqual(ME);
  });
});

describe('choices', () => {
  const pairs = [pair(1, '2024-07-01T00:00:00.000Z'), pair(2, '2024-01-01T00:00:00.000Z'), pair(3, '2024-07-02T00:00:00.000Z')];
  const conflicts = pairs.map((p) => toConflict(p.mine, p.theirs));

  it('one by one override the shortcut for that annotation only; a shortcut clears them', () => {
    const d = decideOne(decideOne(BY_NEWER, conflicts[0].id, 'mine'), conflicts[1].id, 'both');
    expect(conflicts.map((c) => choiceOf(d, c))).toEqual(['mine', 'both', 'theirs']);
    expect(conflicts.map((c) => choiceOf(BY_NEWER, c))).toEqual(['theirs', 'mine', 'theirs']);
    for (const all of ['mine', 'theirs', 'both'] as const) {
      expect(conflicts.map((c) => choiceOf(decideAll(all), c))).toEqual([all, all, all]);
    }
    expect(conflicts.map((c) => choiceOf(decideOne(decideAll('both'), conflicts[2].id, 'mine'), c))).toEqual(['both', 'both', 'mine']);
    expect(conflicts.map((c) => choiceOf(decideAll('newer'), c))).toEqual(['theirs', 'mine', 'theirs']);
  });

  it('mine leaves the stored version, theirs takes the file’s, both stores the file’s under a new id with its content', () => {
    const fresh = annotation(9);
    const choices = new Map([
      [conflicts[0].id, 'mine' as const],
      [conflicts[1].id, 'theirs' as const],
      [conflicts[2].id, 'both' as const],
    ]);
    const result = resolve([pairs[0].theirs, fresh, pairs[1].theirs, pairs[2].theirs], choices, () => 'urn:uuid:new');
    expect(result.kept).toBe(1);
    expect(result.copies).toBe(1);
    expect(result.records).toEqual([fresh, pairs[1].theirs, { ...pairs[2].theirs, id: 'urn:uuid:new' }]);
    // The original is not touched by the copy.
    expect(pairs[2].theirs.id).toBe(conflicts[2].id);
  });

  it('gives every copy a new id of its own (UUID IRIs by default)', () => {
    const { records } = resolve(pairs.map((p) => p.theirs), choicesById(decideAll('both'), conflicts));
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) {
      expect(id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(conflicts.some((c) => c.id === id)).toBe(false);
    }
    expect(records.map(({ id: _, ...rest }) => rest)).toEqual(pairs.map(({ theirs: { id: _, ...rest } }) => rest));
  });

  it('leaves new and unchanged annotations alone whatever the shortcut', () => {
    const unchanged = annotation(5);
    const stored = new Map([...pairs.map((p) => [p.mine.id, p.mine] as const), [unchanged.id, unchanged]]);
    const fresh = annotation(6);
    const file = [...pairs.map((p) => p.theirs), unchanged, fresh];
    const diff = diffImport(file, stored);
    expect(diff.unchangedIds).toEqual([unchanged.id]);
    const toWrite = file.filter((a) => !diff.unchangedIds.includes(a.id));
    for (const all of ['mine', 'theirs', 'both', 'newer'] as const) {
      const { records } = resolve(toWrite, choicesById(decideAll(all), conflicts));
      expect(records).toContainEqual(fresh);
      expect(records.some((r) => r.id === unchanged.id)).toBe(false);
    }
  });

  it('without choices replaces every changed annotation with the file’s version, as imports did before', () => {
    const file = pairs.map((p) => p.theirs);
    expect(resolve(file, undefined)).toEqual({ records: file, kept: 0, copies: 0 });
  });
});

describe('differences', () => {
  it('names what the two versions differ in, and anything the preview does not show as other', () => {
    const { mine, theirs } = pair(1, '2024-07-01T00:00:00.000Z', { terms: ['urn:t'] });
    expect(differences(toConflict(mine, theirs))).toEqual({ quote: false, terms: true, note: true, creator: true, modified: true, other: false });
    const moved = { ...mine, position: { start: 40, end: 43 } };
    expect(differences(toConflict(mine, moved))).toEqual({ quote: false, terms: false, note: false, creator: false, modified: false, other: true });
    const reworded = { ...mine, note: '改过', foreign: { bodies: [{ body: { type: 'TextualBody', value: '改过' }, role: { note: true as const } }] } };
    expect(differences(toConflict(mine, reworded))).toMatchObject({ note: true, other: false });
    const requoted = { ...mine, quote: { ...mine.quote!, prefix: '另' } };
    expect(differences(toConflict(mine, requoted))).toMatchObject({ quote: true, other: false });
  });
});
