// The formulas behind each figure, as plain text in both languages, for the UI to show beside the table: the field
// has known wrong implementations, so a reader must be able to check ours by hand from the counts shown with it.
// Written without LaTeX: Po/Pe are observed and expected agreement, Do/De observed and expected disagreement,
// n(c,k) and o(c,k) are cells of a table, Σ a sum, × ÷ − the operators.
import type { LocalizedText } from '../model';

export const PERCENT_FORMULA: LocalizedText = {
  en:
    'Percent agreement = the share of coder pairs that agree, averaged over the units. For a unit coded by m ≥ 2 ' +
    'coders: agreeing pairs ÷ (m × (m − 1) ÷ 2). With two coders this is: units both coded alike ÷ units both coded. ' +
    'Units coded by fewer than two coders are left out. Not corrected for chance.',
  zh:
    '百分比一致率 = 意见一致的编码员对所占比例，对各单元求平均。一个单元由 m（≥ 2）名编码员编码时：一致的编码员对数 ÷' +
    '（m ×（m − 1）÷ 2）。两名编码员时即：两人编码相同的单元数 ÷ 两人都编码的单元数。少于两名编码员编码的单元不计。' +
    '未校正偶然一致。',
};

export const COHEN_FORMULA: LocalizedText = {
  en:
    "Cohen's κ = (Po − Pe) ÷ (1 − Pe). Po = the units on the diagonal of the table (both coders chose the same " +
    'category) ÷ n. Pe = Σ over the categories of (row total × column total) ÷ n², the agreement expected if each ' +
    'coder kept their own rates but chose independently of the other. n = the units both coders coded; every unit ' +
    'counts, also those neither coder marked. (Cohen 1960)',
  zh:
    'Cohen κ =（Po − Pe）÷（1 − Pe）。Po = 表中对角线上的单元数（两名编码员选了同一类别）÷ n。Pe = 各类别' +
    '（行合计 × 列合计）之和 ÷ n²，即两名编码员各按自己的比例、彼此独立地编码时预期的一致率。n = 两名编码员都编码的' +
    '单元数；每个单元都计入，两人都未标注的单元也计入。（Cohen 1960）',
};

export const FLEISS_FORMULA: LocalizedText = {
  en:
    "Fleiss' κ = (Po − Pe) ÷ (1 − Pe). For each of the N units coded by all m coders, P(i) = Σ over the categories " +
    'j of n(i,j) × (n(i,j) − 1) ÷ (m × (m − 1)), where n(i,j) is the number of coders who put unit i in category j. ' +
    'Po = the mean of P(i). p(j) = Σ over the units of n(i,j) ÷ (N × m), and Pe = Σ p(j)². Units not coded by all m ' +
    'coders are left out. (Fleiss 1971)',
  zh:
    'Fleiss κ =（Po − Pe）÷（1 − Pe）。对全部 m 名编码员都编码的 N 个单元，P(i) = 对各类别 j 求和 n(i,j) ×' +
    '（n(i,j) − 1）÷（m ×（m − 1）），n(i,j) 为把单元 i 归入类别 j 的编码员人数。Po = P(i) 的平均值。p(j) = 对各单元' +
    '求和 n(i,j) ÷（N × m），Pe = Σ p(j)²。并非全部 m 名编码员都编码的单元不计。（Fleiss 1971）',
};

export const ALPHA_FORMULA: LocalizedText = {
  en:
    "Krippendorff's α (nominal) = 1 − Do ÷ De = 1 − (n − 1) × Σ o(c,k) ÷ Σ n(c) × n(k), both sums over pairs of " +
    'different categories c ≠ k. o(c,k) is the coincidence matrix: in each unit coded by m ≥ 2 coders, every ordered ' +
    'pair of values from two different coders adds 1 ÷ (m − 1) to o(c,k). n(c) = the row total of category c; n = Σ ' +
    'n(c), the number of pairable values. Do = Σ o(c,k) ÷ n is the observed disagreement, De = Σ n(c) × n(k) ÷ ' +
    '(n × (n − 1)) the disagreement expected by chance. Missing values are allowed; units coded by fewer than two ' +
    "coders are left out. (Krippendorff 2011, \"Computing Krippendorff's Alpha-Reliability\")",
  zh:
    'Krippendorff α（名义）= 1 − Do ÷ De = 1 −（n − 1）× Σ o(c,k) ÷ Σ n(c) × n(k)，两个求和都只计不同类别的组合' +
    ' c ≠ k。o(c,k) 为重合矩阵：在每个由 m（≥ 2）名编码员编码的单元里，来自两名不同编码员的每一对有序取值给 o(c,k) ' +
    '加 1 ÷（m − 1）。n(c) = 类别 c 的行合计；n = Σ n(c)，即可配对取值的个数。Do = Σ o(c,k) ÷ n 为观察到的不一致，' +
    'De = Σ n(c) × n(k) ÷（n ×（n − 1））为偶然预期的不一致。允许缺失值；少于两名编码员编码的单元不计。' +
    '（Krippendorff 2011，《Computing Krippendorff’s Alpha-Reliability》）',
};

/** Why a figure has no value: the statistic is 0 ÷ 0 on these data, not a number we may round to 0 or 1. */
export type NoValueReason = 'no-units' | 'no-variation';

export const NO_VALUE: Record<NoValueReason, LocalizedText> = {
  'no-units': {
    en: 'Undefined: no unit was coded by enough coders to compare.',
    zh: '无定义：没有可供比较的单元（编码员人数不足）。',
  },
  'no-variation': {
    en: 'Undefined: every value falls in one category, so agreement expected by chance is complete and the ' +
      'statistic is 0 ÷ 0.',
    zh: '无定义：所有取值都属于同一类别，偶然预期的一致已是完全一致，统计量为 0 ÷ 0。',
  },
};
