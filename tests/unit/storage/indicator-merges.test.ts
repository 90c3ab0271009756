import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { mergeIndicators, unmergeIndicator } from '../../../indicators/grouping';
import { PizhuDB } from '../../../storage/db';
import { IndicatorMergeRepository } from '../../../storage/indicator-merges';
import { freshName } from './fixtures';

describe('the user’s indicator merges', () => {
  it('are kept whole: a merge, a second one, and an undo each replace what was kept', async () => {
    const db = new PizhuDB(freshName());
    const repo = new IndicatorMergeRepository(db);
    expect(await repo.get()).toEqual({});
    const once = mergeIndicators({}, ['主动公开政府信息'], '主动公开信息');
    await repo.set(once);
    expect(await repo.get()).toEqual({ 主动公开政府信息: '主动公开信息' });
    // The group itself merged into a third: its member follows, nothing is left behind.
    const twice = mergeIndicators(once, ['主动公开信息'], '公开信息');
    await repo.set(twice);
    expect(await repo.get()).toEqual({ 主动公开政府信息: '公开信息', 主动公开信息: '公开信息' });
    await repo.set(unmergeIndicator(twice, '主动公开政府信息'));
    expect(await repo.get()).toEqual({ 主动公开信息: '公开信息' });
    await repo.set({});
    expect(await db.indicatorMerges.count()).toBe(0);
    db.close();
  });
});
