// The value a figure states, normalised for a table of indicators across reports: 2万余份 → 20000 份, more
// than; 近300人 → 300 人, less than; 约14.7% → 14.7 %, about. The magnitude (万, 亿) is applied, the unit folded
// to its simplified form (項 → 项), and the qualifiers around the figure kept as written and as one bound.

import type { FigureMatch } from '../recognition/types';
import { foldTraditional } from './folding';

/**
 * How the true number stands to the stated one: 'exact' (36件), 'more' (480余名, 70%以上, 超过53亿元),
 * 'less' (近3年, 不足10%), 'about' (约3万件, 30人左右).
 */
export type Bound = 'exact' | 'more' | 'less' | 'about';

export interface IndicatorValue {
  /** The number with its magnitude applied: 2万余份 → 20000; 48.6% → 48.6. */
  value: number;
  /** The number as written, digits folded to ASCII: '2', '48.6'. */
  number: string;
  /** 万, 亿… as written ('' when none). */
  magnitude: string;
  /** The unit in simplified form: 份, 项, %, 个百分点. */
  unit: string;
  /** The qualifiers as written, in text order: ['超过'], ['余'], ['以上'], ['约', '左右']. */
  qualifiers: string[];
  bound: Bound;
}

const MORE = new Set(['余', '多', '以上', '超过', '超過', '逾', '多达', '多達', '不少于', '不少於', '不低于', '不低於', '至少', '突破', '之多', '有余', '有餘', '高达', '高達']);
const LESS = new Set(['近', '将近', '將近', '接近', '不足', '不到', '以下', '以内', '以內', '之内', '之內']);
const ABOUT = new Set(['约', '約', '大约', '大約', '约为', '約為', '左右', '上下']);
/** Qualifier words that stand before a figure, longest first, for splitting a stack like 累计超过. */
const BEFORE_WORDS = [...MORE, ...LESS, ...ABOUT].sort((a, b) => b.length - a.length);

export function indicatorValue(figure: FigureMatch): IndicatorValue {
  const qualifiers = [...qualifierWords(figure.before), ...(figure.approx ? [figure.approx] : []), ...(figure.after ? [figure.after] : [])];
  let bound: Bound = 'exact';
  for (const q of qualifiers) {
    if (ABOUT.has(q)) bound = 'about';
    else if (bound === 'exact' && MORE.has(q)) bound = 'more';
    else if (bound === 'exact' && LESS.has(q)) bound = 'less';
  }
  const unit = figure.unit === '％' ? '%' : foldTraditional(figure.unit);
  return { value: figure.value, number: figure.number, magnitude: foldTraditional(figure.magnitude), unit, qualifiers, bound };
}

/** The bounding words inside the stack of words before a figure (累计超过 → 超过; 达 and 共 bound nothing). */
function qualifierWords(before: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < before.length) {
    const w = BEFORE_WORDS.find((q) => before.startsWith(q, i));
    if (w) {
      out.push(w);
      i += w.length;
    } else {
      i++;
    }
  }
  return out;
}
