// Indicators that are the same in different words get one group key: 受理行政复议案件 and 共受理行政复议申请
// both become 受理行政复议案件. The key is made by rule, and the user's own merges (kept by the library) map
// a key to another group on top of that.
//
// The rules, in order, each safe on its own:
// 1. traditional characters folded to simplified (辦理行政復議案件 = 办理行政复议案件);
// 2. Unicode NFKC; white space, quotation and title marks and brackets dropped, their words kept
//    (“证照分离”事项 = 证照分离事项, 社区（村）= 社区(村) = 社区村);
// 3. lead-ins at the start that name no part of the indicator, as the naming drops them: time (2019年,
//    全年), the reporter (全区, 我县), adverbs (共, 累计, 依法, 先后);
// 4. synonyms used for the same count in these reports:
//    - 行政复议申请 → 行政复议案件 (a received application is a received case: 收到/受理行政复议申请 and
//      受理行政复议案件 count the same thing);
//    - 审核 → 审查 in names about documents or decisions (合法性审核 = 合法性审查, 审核规范性文件 = 审查规范性
//      文件); elsewhere 审核 stays (审核通过, 审核发放);
//    - 行政规范性文件 → 规范性文件 (the prefix is written or left out at will);
//    - 审结 → 办结 in names about 行政复议 (审结行政复议案件 = 办结行政复议案件); court cases keep 审结;
//    - 常务会议 → 常务会 (区政府常务会议会前学法 = 区政府常务会会前学法);
//    - 出庭应诉率 → 出庭率 (行政机关负责人出庭应诉率 = 出庭率 of the same people);
// 5. a trailing 的 or 等 dropped.
// Not folded, because reports count them apart: 收到 and 受理 (张店 2017 收到176件, 受理87件), 办理 and
// 办结, 新收 and 受理.

import { foldTraditional } from './folding';
import { stripLeadIns } from './naming';

const MARKS = /[\s“”‘’"'《》〈〉「」『』()（）[\]【】]/g;

export function groupKey(indicatorText: string): string {
  let s = foldTraditional(indicatorText).normalize('NFKC').replace(MARKS, '');
  s = stripLeadIns(s) || s;
  s = s.replace(/行政复议申请/g, '行政复议案件').replace(/复议申请/g, '复议案件');
  if (/文件|合法性|决策/.test(s)) s = s.replace(/审核/g, '审查');
  s = s.replace(/行政规范性文件/g, '规范性文件');
  if (s.includes('复议')) s = s.replace(/审结/g, '办结');
  s = s.replace(/常务会议/g, '常务会').replace(/出庭应诉率/g, '出庭率');
  return s.replace(/[的等]+$/, '');
}

/**
 * The user's merges: a group key (as groupKey makes it) → the group it was put in. Kept by the library; an
 * empty object when the user merged nothing.
 */
export type IndicatorMerges = Readonly<Record<string, string>>;

/** The group an indicator key belongs to: the user's merge if any, else its own key. */
export function groupOf(key: string, merges: IndicatorMerges): string {
  return Object.prototype.hasOwnProperty.call(merges, key) ? merges[key] : key;
}

/**
 * The merges with `keys` put into the group of `into`. Keys that were groups themselves take their members
 * along, so a merge never leaves a chain (a → b → c) behind, and no key is mapped to itself.
 */
export function mergeIndicators(merges: IndicatorMerges, keys: readonly string[], into: string): IndicatorMerges {
  const target = groupOf(into, merges);
  const moving = new Set(keys.map((k) => groupOf(k, merges)));
  moving.delete(target);
  const out: Record<string, string> = {};
  for (const [key, group] of Object.entries(merges)) {
    const next = moving.has(group) ? target : group;
    if (next !== key) out[key] = next;
  }
  for (const key of keys) if (key !== target) out[key] = target;
  for (const group of moving) if (group !== target) out[group] = target;
  return out;
}

/** The merges without the user's merge of `key`: it goes back to the group its own words give it. */
export function unmergeIndicator(merges: IndicatorMerges, key: string): IndicatorMerges {
  if (!Object.prototype.hasOwnProperty.call(merges, key)) return merges;
  const out: Record<string, string> = { ...merges };
  delete out[key];
  return out;
}

/** Items by group, groups in the order their first item comes, items in the order given. */
export function groupIndicators<T>(items: readonly T[], keyOf: (item: T) => string, merges: IndicatorMerges): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groupOf(keyOf(item), merges);
    const list = groups.get(group);
    if (list) list.push(item);
    else groups.set(group, [item]);
  }
  return groups;
}
