// The recognition scorer of ../shared/tools/recognition-score/score.mjs, the way the hidden evaluation matches:
// text folded by NFKC without white space; a document number must equal the gold, a figure carry the same digit
// groups and contain or lie within it; one to one in document order, each gold item looking back at most 20 places
// from the previous match; unmatched predictions that overlap a lenient string count neither way. One module for
// every test that scores (unit tests on the DOM, end-to-end tests on the highlights).

export type ScoredKind = 'docNumbers' | 'figures' | 'exact';

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  missed: string[];
  wrong: string[];
}

export const fold = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');
const digitsOf = (s: string): string => (fold(s).match(/\d+(?:[.,]\d+)*/g) ?? []).join('|');

function sameAs(kind: ScoredKind): (p: string, g: string) => boolean {
  if (kind !== 'figures') return (p, g) => fold(p) === fold(g);
  return (p, g) => {
    const a = fold(p);
    const b = fold(g);
    return digitsOf(a) === digitsOf(b) && (a.includes(b) || b.includes(a));
  };
}

/** Scores one page's predictions of one kind; `exact` is the figures matched as exactly as document numbers. */
export function score(pred: string[], gold: string[], kind: ScoredKind, lenient: string[]): Score {
  const same = sameAs(kind);
  const used = new Array<boolean>(pred.length).fill(false);
  const missed: string[] = [];
  let tp = 0;
  let cursor = 0;
  for (const g of gold) {
    let hit = -1;
    for (let i = Math.max(0, cursor - 20); i < pred.length; i++) {
      if (!used[i] && same(pred[i], g)) {
        hit = i;
        break;
      }
    }
    if (hit >= 0) {
      used[hit] = true;
      tp++;
      cursor = hit + 1;
    } else missed.push(g);
  }
  const wrong = pred.filter(
    (p, i) => !used[i] && !lenient.some((l) => fold(l).includes(fold(p)) || fold(p).includes(fold(l))),
  );
  return rates({ tp, fp: wrong.length, fn: missed.length, missed, wrong });
}

/** The scores of many pages added up, as the scorer's last line reports them. */
export function total(scores: Score[]): Score {
  const sum = { tp: 0, fp: 0, fn: 0, missed: [] as string[], wrong: [] as string[] };
  for (const s of scores) {
    sum.tp += s.tp;
    sum.fp += s.fp;
    sum.fn += s.fn;
    sum.missed.push(...s.missed);
    sum.wrong.push(...s.wrong);
  }
  return rates(sum);
}

function rates(s: Omit<Score, 'precision' | 'recall'>): Score {
  return { ...s, precision: s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1, recall: s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1 };
}

/** What a page was labelled with (../shared/fixtures/gold, tests/fixtures/gold). */
export interface GoldPage {
  file: string;
  host: string;
  path: string;
  kind: 'report' | 'document' | 'none';
  docNumbers: string[];
  figures: string[];
  lenient: string[];
  dates: string[];
}

/** What the extension showed on a page, or what a scan found. */
export interface Seen {
  kind: string | null;
  docNumbers: string[];
  figures: string[];
}

export interface PageScore {
  file: string;
  kindRight: boolean;
  docNumbers: Score;
  figures: Score;
  exact: Score;
}

/** One page scored as the scorer scores it: on a `none` page every highlight is wrong. */
export function scorePage(gold: GoldPage, seen: Seen): PageScore {
  const none = gold.kind === 'none';
  const lenient = none ? [] : gold.lenient;
  const want = (k: 'docNumbers' | 'figures') => (none ? [] : gold[k]);
  return {
    file: gold.file,
    kindRight: seen.kind === gold.kind,
    docNumbers: score(seen.docNumbers, want('docNumbers'), 'docNumbers', lenient),
    figures: score(seen.figures, want('figures'), 'figures', lenient),
    exact: score(seen.figures, want('figures'), 'exact', lenient),
  };
}

/** Missed and wrong items of a set of pages, one line each: what a failing assertion should show. */
export function describeMisses(pages: PageScore[]): string {
  const lines: string[] = [];
  for (const p of pages) {
    if (!p.kindRight) lines.push(`${p.file}: wrong kind`);
    for (const k of ['docNumbers', 'figures', 'exact'] as const) {
      if (p[k].missed.length) lines.push(`${p.file} missed ${k}: ${p[k].missed.join(' | ')}`);
      if (p[k].wrong.length && k !== 'exact') lines.push(`${p.file} wrong ${k}: ${p[k].wrong.join(' | ')}`);
    }
  }
  return lines.join('\n');
}
