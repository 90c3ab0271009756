// Constant-time lookup of short words at a position, forwards (units after a number) or backwards
// (qualifiers before it, lead-in words before an agency code). Words are grouped by their first or last
// character and tried longest first, so 个工作日 wins over 个 and 同比增长 over 增长.

export class WordList {
  private readonly byFirst = new Map<number, string[]>();
  private readonly byLast = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const w of new Set(words)) {
      if (!w) continue;
      push(this.byFirst, w.charCodeAt(0), w);
      push(this.byLast, w.charCodeAt(w.length - 1), w);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
    for (const list of this.byLast.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The longest word that starts at text[i], or ''. */
  longestAt(text: string, i: number): string {
    const list = this.byFirst.get(text.charCodeAt(i));
    if (!list) return '';
    for (const w of list) if (text.startsWith(w, i)) return w;
    return '';
  }

  /** The longest word that ends just before text[end] (and starts at or after `floor`), or ''. */
  longestEndingAt(text: string, end: number, floor = 0): string {
    if (end <= floor) return '';
    const list = this.byLast.get(text.charCodeAt(end - 1));
    if (!list) return '';
    for (const w of list) {
      if (end - w.length >= floor && text.startsWith(w, end - w.length)) return w;
    }
    return '';
  }
}

function push(map: Map<number, string[]>, key: number, word: string): void {
  const list = map.get(key);
  if (list) list.push(word);
  else map.set(key, [word]);
}
