// The vocabulary of figures in government reports: units and measure words, magnitudes, and the qualifier
// words around a figure. Simplified and traditional forms side by side; WordList tries longer words first,
// so 个工作日 beats 个, 人次 beats 人, 个百分点 beats 个.

import { WordList } from './words';

const MEASURE_WORDS = [
  // things and people counted
  '个', '個', '项', '項', '件', '名', '人', '位', '家', '户', '戶', '次', '台', '臺', '条', '條', '期', '场', '場', '所',
  '份', '篇', '册', '冊', '本', '套', '部', '辆', '輛', '批', '类', '類', '种', '種', '起', '宗', '处', '處', '座', '支',
  '队', '隊', '块', '塊', '张', '張', '幅', '副', '组', '組', '团', '團', '间', '間', '栋', '棟', '幢', '层', '層', '门',
  '門', '轮', '輪', '卷', '例', '单', '單', '笔', '筆', '株', '棵', '头', '頭', '只', '隻', '匹', '艘', '架', '堂', '封',
  '箱', '袋', '瓶', '盒', '包', '桶', '面', '枚', '颗', '顆', '盏', '盞', '棵', '片', '段', '节次',
  // counts of occurrences
  '人次', '户次', '戶次', '家次', '场次', '場次', '批次', '件次', '项次', '項次', '个次', '個次', '台次', '臺次', '辆次',
  '輛次', '艘次', '架次', '车次', '車次', '班次', '人天',
  // time
  '个工作日', '個工作日', '工作日', '个月', '個月', '个小时', '個小時', '小时', '小時', '天', '日', '周', '週',
  '个星期', '個星期', '星期', '分钟', '分鐘', '秒', '学时', '學時', '课时', '課時', '学分', '學分', '岁', '歲', '周岁',
  '週歲',
  // money
  '元', '美元', '港元', '欧元', '歐元',
  // ratios
  '%', '％', '‰', '个百分点', '個百分點', '百分点', '百分點', '倍',
  // length, area, volume, weight, energy
  '米', '千米', '公里', '厘米', '毫米', '平方米', '平米', '平方公里', '平方千米', '亩', '畝', '公顷', '公頃',
  '立方米', '吨', '噸', '公斤', '千克', '克', '斤', '升', '毫升', '千瓦', '千瓦时', '千瓦時', '兆瓦', '蒸吨', '蒸噸',
  '㎡', '㎞', 'km', 'kg',
];

/**
 * Words that begin like a unit but are not one: 70周年 is an anniversary, 3人民… is a name, 8部门 a count
 * of departments written without a measure word. The longest
 * match wins, so listing them here blocks the shorter unit inside them.
 */
const NOT_UNITS = [
  '周年', '週年', '人民', '天津', '日报', '日報', '日前', '名单', '名單', '次日', '面向', '包括', '只有', '只要', '台账', '台帳',
  '部门', '部門',
];

export const UNIT_WORDS = new WordList([...MEASURE_WORDS, ...NOT_UNITS]);
const notUnits = new Set(NOT_UNITS);

/** The unit at text[i], or ''. */
export function unitAt(text: string, i: number): string {
  const w = UNIT_WORDS.longestAt(text, i);
  return notUnits.has(w) ? '' : w;
}

/** Magnitudes after the digits, with their multipliers. */
const MAGNITUDE_VALUES: Record<string, number> = {
  万亿: 1e12, 萬億: 1e12, 千万: 1e7, 千萬: 1e7, 百万: 1e6, 百萬: 1e6, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8, 千: 1e3, 百: 1e2,
};
const MAGNITUDE_WORDS = new WordList(Object.keys(MAGNITUDE_VALUES));

export function magnitudeAt(text: string, i: number): { word: string; factor: number } | null {
  const word = MAGNITUDE_WORDS.longestAt(text, i);
  return word ? { word, factor: MAGNITUDE_VALUES[word] } : null;
}

/** A magnitude that is a quantity on its own (人口3万, 投资1.2亿), without a unit after it. */
export function isStandaloneMagnitude(word: string): boolean {
  return MAGNITUDE_VALUES[word] >= 1e4;
}

/** 余/多 between the number and its unit: 480余名, 1400多名, 2万余份, 300余万元. */
export function approxAt(text: string, i: number): '' | '余' | '多' {
  const c = text.charCodeAt(i);
  if (c === YU || c === YU_TRADITIONAL) return '余';
  return c === DUO ? '多' : '';
}
const YU = '余'.charCodeAt(0);
const YU_TRADITIONAL = '餘'.charCodeAt(0);
const DUO = '多'.charCodeAt(0);

/** Qualifiers before a figure, outside its span. Several may stack: 累计超过53亿元. */
export const BEFORE_QUALIFIERS = new WordList([
  '超过', '超過', '近', '约', '約', '大约', '大約', '约为', '約為', '达', '達', '达到', '達到', '共', '共计', '共計', '累计',
  '累計', '同比', '同比增长', '同比增長', '同比下降', '同比上升', '同比减少', '同比減少', '同比提高', '环比增长', '環比增長',
  '增长', '增長', '下降', '提高', '减少', '減少', '降低', '上升', '增加', '多达', '多達', '高达', '高達', '仅', '僅',
  '不少于', '不少於', '不低于', '不低於', '不足', '不到', '至少', '逾', '将近', '將近', '接近', '突破', '总计', '總計',
  '合计', '合計', '计', '計', '为', '為', '占', '佔', '分别为', '分別為', '分别', '分別', '总数', '總數', '总数为',
]);

/** Qualifiers after a figure, outside its span: 70%以上, 3个工作日以内, 30人左右. */
export const AFTER_QUALIFIERS = new WordList([
  '以上', '以下', '以内', '以內', '左右', '上下', '之多', '之内', '之內', '之上', '有余', '有餘',
]);
