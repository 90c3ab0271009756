// A stored text's reading, sent from its worker to the reader page in parts: the page takes each message apart
// (structured cloning) in a task of its own, and a megabyte's reading in one message — its thousands of matches,
// lines and outline parts, a few megabytes of objects — would be a long task there.
import type { StoredReading } from '../reading/read';
import type { StudyView } from '../study/view';

/** Items per message: a few milliseconds' cloning each. */
export const READING_BATCH = 1000;

type Lists = {
  matches: StoredReading['matches'];
  lines: StoredReading['lines'];
  outline: StudyView['outline']['nodes'];
  cited: StudyView['cited'];
  notes: StudyView['notes'];
  rows: StudyView['figures']['rows'];
};
type ListName = keyof Lists;

export type ReadingPart =
  | { [K in ListName]: { type: 'items'; list: K; items: Lists[K] } }[ListName]
  /** Everything else, and the sign that the reading is complete. */
  | { type: 'rest'; rest: Omit<StoredReading, 'matches' | 'lines'> };

const LISTS: ListName[] = ['matches', 'lines', 'outline', 'cited', 'notes', 'rows'];

function listsOf(reading: StoredReading): Lists {
  const { study } = reading;
  return { matches: reading.matches, lines: reading.lines, outline: study.outline.nodes, cited: study.cited, notes: study.notes, rows: study.figures.rows };
}

/** The reading as messages: each list in batches, then the rest (whose lists are empty). */
export function readingParts(reading: StoredReading, batch = READING_BATCH): ReadingPart[] {
  const lists = listsOf(reading);
  const parts: ReadingPart[] = [];
  for (const list of LISTS) {
    const items = lists[list] as unknown[];
    for (let i = 0; i < items.length; i += batch) parts.push({ type: 'items', list, items: items.slice(i, i + batch) } as ReadingPart);
  }
  const { study, matches: _m, lines: _l, ...rest } = reading;
  const hollow: StudyView = { ...study, outline: { ...study.outline, nodes: [] }, cited: [], notes: [], figures: { ...study.figures, rows: [] } };
  parts.push({ type: 'rest', rest: { ...rest, study: hollow } });
  return parts;
}

/** Puts the parts together again, in the order they came; the reading once its last part is in. */
export class ReadingAssembly {
  private readonly lists: Lists = { matches: [], lines: [], outline: [], cited: [], notes: [], rows: [] };

  add(part: ReadingPart): StoredReading | undefined {
    if (part.type === 'items') {
      (this.lists[part.list] as unknown[]).push(...part.items);
      return undefined;
    }
    const { matches, lines, outline, cited, notes, rows } = this.lists;
    const { study } = part.rest;
    return {
      ...part.rest,
      matches,
      lines,
      study: { ...study, outline: { ...study.outline, nodes: outline }, cited, notes, figures: { ...study.figures, rows } },
    };
  }
}
