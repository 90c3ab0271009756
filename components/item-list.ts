// The side panel's list of recognised items: narrowed by what the reader types, grouped under the section headings
// the page's outline gives them. Plain logic (no DOM), so it is tested on its own.

export interface ListedItem {
  category: string;
  text: string;
  before: string;
  after: string;
  sentence: string;
  heading: string;
  indicator?: { name: string | null };
}

export interface ItemGroup<T> {
  /** '' for the items before the first heading. */
  heading: string;
  items: T[];
}

// Full- and half-width forms and white space should not decide a match: ４８．６％ is found by typing 48.6%.
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** The items whose text, sentence, indicator or section heading contain every word of `query` (split on spaces). */
export function filterItems<T extends ListedItem>(items: T[], query: string): T[] {
  const words = query.split(/\s+/).map(fold).filter(Boolean);
  if (!words.length) return items;
  return items.filter((item) => {
    const hay = fold([item.text, item.sentence, item.heading, item.indicator?.name ?? ''].join('\n'));
    return words.every((w) => hay.includes(w));
  });
}

/** Runs of consecutive items under the same heading, in document order (a heading that comes back later after
 * another one starts a new group, as it does on the page). */
export function groupBySection<T extends ListedItem>(items: T[]): ItemGroup<T>[] {
  const groups: ItemGroup<T>[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.heading === item.heading) last.items.push(item);
    else groups.push({ heading: item.heading, items: [item] });
  }
  return groups;
}

/** What "copy value" puts on the clipboard: the item as the page writes it (48.6%, 张政字〔2018〕8号). */
export const copyValue = (item: ListedItem) => item.text;

/** What "copy with its sentence" puts there: the item and its sentence a tab apart, two cells in a spreadsheet. */
export const copyWithSentence = (item: ListedItem) => `${item.text}\t${item.sentence}`;
