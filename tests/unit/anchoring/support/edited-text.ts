// A text under edit that carries a passage's true location through every change, so the acceptance test knows
// where the passage really is in the variant without asking the code under test.

export interface Span {
  start: number;
  end: number;
}

export class EditedText {
  constructor(
    public text: string,
    public passage: Span,
  ) {}

  /**
   * Replaces [at, at + removed) with `inserted`. Text inserted exactly at either edge of the passage lands outside it;
   * a replacement that overlaps the passage becomes part of it.
   */
  replace(at: number, removed: number, inserted: string): void {
    const end = at + removed;
    const delta = inserted.length - removed;
    const { start: ps, end: pe } = this.passage;
    const start = ps < at ? ps : ps >= end ? ps + delta : at;
    const stop = pe <= at ? pe : pe >= end ? pe + delta : at + inserted.length;
    this.text = this.text.slice(0, at) + inserted + this.text.slice(end);
    this.passage = { start, end: Math.max(start, stop) };
  }
}
