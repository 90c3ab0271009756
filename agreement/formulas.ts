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

/** How the row of all terms is made (see agreement/report.ts). */
export const OVERALL_RULE: LocalizedText = {
  en: 'All terms: every unit × term is one decision, applied or not; the figures are computed once on the tables of ' +
    'all terms added together, not averaged over the terms. Units no coder marked with a term count as agreement on ' +
    'that term, which raises percent agreement; κ and α correct for it.',
  zh: '全部编码：每个单元 × 每个编码算一次“用或不用”的判断；各编码的表相加后统一计算，而非对各编码的结果取平均。' +
    '无人用某编码标注的单元计为对该编码的一致，这会抬高百分比一致率；κ 与 α 会对此作校正。',
};

/** Who counts on which page (see agreement/report.ts). */
export const MISSING_RULE: LocalizedText = {
  en: 'A coder coded a page when they made at least one annotation on it. On pages a coder did not code, their values ' +
    'are missing rather than "not applied": Cohen’s κ uses the units both coders coded, Fleiss’ κ those all coders ' +
    'coded, α and percent agreement those at least two coders coded.',
  zh: '编码员在某页面上至少有一条批注，即视为编码了该页面。编码员未编码的页面，其取值为缺失而非“未使用”：Cohen κ 只计两人都' +
    '编码的单元，Fleiss κ 只计全部编码员都编码的单元，α 与百分比一致率计至少两人编码的单元。',
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
