// @vitest-environment jsdom
// A study view a part at a time: the reader shows a megabyte report's first few hundred items per list at once.
import { beforeAll, describe, expect, it } from 'vitest';
import { studyInputOf } from '../../../page/scan';
import { studyPart, studySize } from '../../../reading/study-part';
import type { OutlineNode } from '../../../study/types';
import { studyView, type StudyView } from '../../../study/view';
import { scanFixture } from '../study-ui/helpers/scan';

const parts = (nodes: OutlineNode[]): number => nodes.reduce((n, x) => n + 1 + parts(x.children), 0);

describe('studyPart', () => {
  let view: StudyView;
  beforeAll(async () => {
    view = studyView(studyInputOf((await scanFixture('zhangdian-2017-report')).scan));
  });

  it('measures a view by its longest list, and gives the view itself when the budget holds it', () => {
    expect(studySize(view)).toBe(Math.max(parts(view.outline.nodes), view.cited.reduce((n, c) => n + 1 + c.mentions.length, 0),
      view.notes.length, view.figures.rows.reduce((n, r) => n + 1 + r.children.length, 0)));
    expect(studyPart(view, studySize(view))).toBe(view);
  });

  it('cuts each list after whole top-level parts, entries and rows once the budget is reached', () => {
    const part = studyPart(view, 10);
    expect(part.outline.nodes).toEqual(view.outline.nodes.slice(0, part.outline.nodes.length));
    expect(parts(part.outline.nodes)).toBeGreaterThanOrEqual(10);
    expect(parts(part.outline.nodes.slice(0, -1))).toBeLessThan(10);
    expect(part.outline.nodes.length).toBeLessThan(view.outline.nodes.length);
    expect(part.cited).toEqual(view.cited.slice(0, part.cited.length));
    const cited = (list: StudyView['cited']) => list.reduce((n, c) => n + 1 + c.mentions.length, 0);
    expect(cited(part.cited)).toBeGreaterThanOrEqual(Math.min(10, cited(view.cited)));
    expect(cited(part.cited.slice(0, -1))).toBeLessThan(10);
    expect(part.figures.rows.length).toBeLessThanOrEqual(view.figures.rows.length);
    // What the view says of the whole stays: its title, own number, totals.
    expect(part.title).toBe(view.title);
    expect(part.own).toEqual(view.own);
    expect(part.figures.total).toBe(view.figures.total);
  });
});
