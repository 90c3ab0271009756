// A study view a part at a time. A megabyte report's view holds thousands of items (outline parts, mentions of cited
// documents, figure rows), and laying them all out at once holds the page for most of a second; the reader shows
// the view growing by a budget of items per list, each step a short task.
import type { OutlineNode } from '../study/types';
import type { StudyView } from '../study/view';

const partsIn = (nodes: readonly OutlineNode[]): number => nodes.reduce((n, node) => n + 1 + partsIn(node.children), 0);

/** The first items of `list` whose sizes add up to at least `budget` (all of them when they fit). */
function upTo<T>(list: readonly T[], budget: number, size: (item: T) => number): T[] {
  let used = 0;
  let i = 0;
  while (i < list.length && used < budget) used += size(list[i++]);
  return i === list.length ? (list as T[]) : list.slice(0, i);
}

type Sized<T> = { list: readonly T[]; size: (item: T) => number };

function lists(view: StudyView): [Sized<OutlineNode>, Sized<StudyView['cited'][number]>, Sized<StudyView['notes'][number]>, Sized<StudyView['figures']['rows'][number]>] {
  return [
    { list: view.outline.nodes, size: (n) => 1 + partsIn(n.children) },
    { list: view.cited, size: (c) => 1 + c.mentions.length },
    { list: view.notes, size: () => 1 },
    { list: view.figures.rows, size: (r) => 1 + r.children.length },
  ];
}

/** How many items the longest list of the view holds: a budget this large shows the whole view. */
export function studySize(view: StudyView): number {
  return Math.max(0, ...lists(view).map(({ list, size }) => (list as unknown[]).reduce<number>((n, item) => n + (size as (x: unknown) => number)(item), 0)));
}

/** The view with each of its lists cut after about `budget` items (whole top-level parts, entries and rows). */
export function studyPart(view: StudyView, budget: number): StudyView {
  if (budget >= studySize(view)) return view;
  const [outline, cited, notes, rows] = lists(view);
  return {
    ...view,
    outline: { ...view.outline, nodes: upTo(outline.list, budget, outline.size) },
    cited: upTo(cited.list, budget, cited.size),
    notes: upTo(notes.list, budget, notes.size),
    figures: { ...view.figures, rows: upTo(rows.list, budget, rows.size) },
  };
}
