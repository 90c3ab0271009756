// The user's merges of indicators (indicators/grouping.ts IndicatorMerges: an indicator's group key → the group
// it was put in), kept for the library's Indicators view. The grouping functions return a whole new set of
// merges each time; it is written back whole, in one transaction, so that a merge or its undo is never half kept.
import type { IndicatorMerges } from '../indicators/grouping';
import type { PizhuDB } from './db';
import { guard } from './errors';

export interface IndicatorMergeRecord {
  /** An indicator's group key, as groupKey makes it: 主动公开政府信息. */
  key: string;
  /** The group the user put it in: 主动公开信息. */
  group: string;
}

export class IndicatorMergeRepository {
  constructor(private readonly db: PizhuDB) {}

  get(): Promise<IndicatorMerges> {
    return guard(async () => Object.fromEntries((await this.db.indicatorMerges.toArray()).map((r) => [r.key, r.group])));
  }

  set(merges: IndicatorMerges): Promise<void> {
    return guard(() =>
      this.db.transaction('rw', this.db.indicatorMerges, async () => {
        await this.db.indicatorMerges.clear();
        await this.db.indicatorMerges.bulkPut(Object.entries(merges).map(([key, group]) => ({ key, group })));
      }),
    );
  }
}
