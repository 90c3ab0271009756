// The vocabulary of figures in government reports: units and measure words, magnitudes, and the qualifier
// words around a figure. Simplified and traditional forms side by side; WordList tries longer words first,
// so 个工作日 beats 个, 人次 beats 人, 个百分点 beats 个. Units are composed where writers compose them: metric
// prefixes on a base (毫克, 兆瓦时), areas and volumes (平方公里), and rates with a slash (微克/立方米).

import { CharSet, digitAt } from './chars';
import { WordList } from './words';

// Words that count things and people, and how often something happened.
const COUNT_WORDS = [
  '个', '個', '项', '項', '件', '名', '人', '位', '家', '户', '戶', '次', '台', '臺', '条', '條', '期', '场', '場', '所',
  '份', '篇', '册', '冊', '本', '套', '部', '辆', '輛', '批', '类', '類', '种', '種', '起', '宗', '处', '處', '座', '支',
  '队', '隊', '块', '塊', '张', '張', '幅', '副', '组', '組', '团', '團', '间', '間', '栋', '棟', '幢', '层', '層', '门',
  '門', '轮', '輪', '卷', '例', '单', '單', '笔', '筆', '株', '棵', '头', '頭', '只', '隻', '匹', '艘', '架', '堂', '封',
  '箱', '袋', '瓶', '盒', '包', '桶', '面', '枚', '颗', '顆', '盏', '盞', '片', '段', '节次', '票', '根', '粒', '尾', '羽', '把',
  '双', '雙', '对', '對', '顶', '頂', '列', '遍', '趟', '回', '章', '节', '節', '款', '首', '集', '届', '屆',
  // Seats (占4席, 5席位), wells (50口, 20眼), spans (3孔), doses (180万剂, 剂次), grades of a scale (3档), lectures (12讲).
  '席', '席位', '口', '眼', '孔', '剂', '劑', '剂次', '劑次', '针', '針', '针次', '針次', '档', '檔', '讲', '講',
  '人次', '户次', '戶次', '家次', '场次', '場次', '批次', '件次', '项次', '項次', '个次', '個次', '台次', '臺次', '辆次',
  '輛次', '艘次', '架次', '车次', '車次', '班次', '人天', '人日',
];

// Durations. A time unit followed by 内 is a time limit, and the 内 is part of the span (30日内, rules: Figures).
const TIME_UNITS = [
  '个工作日', '個工作日', '工作日', '个月', '個月', '个小时', '個小時', '小时', '小時', '天', '日', '周', '週', '个星期',
  '個星期', '星期', '分钟', '分鐘', '秒', '秒钟', '秒鐘', '个季度', '個季度', '学时', '學時', '课时', '課時', '学分', '學分',
  '岁', '歲', '周岁', '週歲',
  // Periods counted with 个, a noun in 期 or 年度 (以1个季度为1个纳税期, 连续2个考核期, 跨3个年度).
  '个纳税期', '個納稅期', '个申报期', '個申報期', '个考核期', '個考核期', '个结算期', '個結算期', '个周期', '個週期', '个学期',
  '個學期', '个年度', '個年度',
];

const MONEY = ['元', '美元', '港元', '欧元', '歐元', '日元', '英镑', '英鎊', '澳门元', '澳門元', '新台币', '新台幣', '分钱', '分錢', '角钱'];

// A change of a per-mille rate is written in 个千分点 (自然增长率比上年下降3.18个千分点), as one of a percentage in 个百分点.
const RATIOS = ['%', '％', '‰', '个百分点', '個百分點', '百分点', '百分點', '个千分点', '個千分點', '千分点', '千分點', '倍'];

// Grades and scales: 6.5级 (a magnitude), 8级 (wind), 5星级, 95分 (a score), 30度 / 30℃.
const GRADES = ['级', '級', '星级', '星級', '分', '度', '摄氏度', '攝氏度', '℃', '°C', '分贝', '分貝'];

/**
 * Metric units, each base with the prefixes it is written with (千米 毫克 兆瓦 千瓦时…). Listed as base and prefixes
 * rather than word by word so that every prefixed form is known; a prefix a base does not take stays a magnitude
 * (5千吨 is 5 000 吨).
 */
const METRIC: Array<[base: string, prefixes: string]> = [
  ['米', '千分厘毫微纳納'], ['克', '千毫微纳納公'], ['升', '千毫微公分'], ['瓦', '千兆吉太'], ['瓦时', '千兆吉太'],
  ['瓦時', '千兆吉太'], ['伏', '千毫'], ['伏特', '千'], ['帕', '千兆百'], ['焦', '千兆吉'], ['焦耳', '千兆吉'], ['赫', '千兆吉'],
  ['赫兹', '千兆吉'], ['卡', '千大'], ['吨', ''], ['噸', ''], ['公里', ''], ['公顷', ''], ['公頃', ''], ['海里', ''],
  ['英里', ''], ['亩', ''], ['畝', ''], ['斤', '公'], ['立方', ''], ['平米', ''], ['方', ''],
];
const AREA_VOLUME_BASES = ['米', '千米', '公里', '厘米', '分米', '毫米'];

function metricWords(): string[] {
  const words: string[] = [];
  for (const [base, prefixes] of METRIC) {
    words.push(base);
    for (const p of prefixes) words.push(p + base);
  }
  for (const base of AREA_VOLUME_BASES) words.push(`平方${base}`, `立方${base}`);
  // Units of energy that carry what they measure: 万吨标准煤.
  words.push('吨标准煤', '噸標準煤', '吨标煤', '吨油当量', '度电', '度電');
  return words;
}

/**
 * Unit symbols in Latin letters (35μg/m³, 120km/h, 2.5GW). Only these: a letter run that is not one of them is a
 * name (5G, 3D, 4K). Single letters that are words or grades elsewhere (h, s, L, t) only stand as denominators.
 */
const LATIN_UNITS = [
  'km', 'm', 'cm', 'mm', 'μm', 'nm', 'm²', 'm³', 'm2', 'm3', 'km²', 'km2', 'kg', 'g', 'mg', 'μg', 'ug', 'mL', 'ml', 'kW',
  'kWh', 'MW', 'MWh', 'GW', 'GWh', 'kV', 'Hz', 'kHz', 'MHz', 'GHz', 'dB', 'ha', 'kPa', 'MPa', 'GB', 'TB', 'MB', 'Mbps',
  'Gbps', '㎡', '㎞', '㎏', '㎎', '㎖', '㎥',
];
const LATIN_DENOMINATORS = ['h', 's', 'L', 't', 'd', 'a'];

/**
 * Words that begin like a unit but are not one: 70周年 is an anniversary, 3人民… is a name, 2分局 an office, 8部门
 * a count of departments written without a measure word, 0 分享至 a page's comment count beside its share button.
 * The longest match wins, so listing them here blocks the shorter unit inside them.
 */
const NOT_UNITS = [
  '周年', '週年', '人民', '天津', '日报', '日報', '日前', '名单', '名單', '次日', '面向', '包括', '只有', '只要', '台账', '台帳',
  '分局', '分院', '分行', '分公司', '分队', '分隊', '分中心', '分会', '分會', '分所', '分社', '分站', '分厂', '分廠', '分部',
  '分校', '分区', '分區', '分之', '分店', '分场', '分場', '分享', '分配', '分类', '分類', '分析', '分布', '分佈', '分工',
  '分解', '分担', '分擔', '分管', '分批', '分期', '度假', '口号', '口號', '方面', '方案', '方式', '方法', '方向',
  '方针', '方針', '米兰', '卡车', '卡片', '门户', '門戶', '层面', '層面', '部门', '部門', '对于', '對於', '对外', '對外', '对象',
  '對象', '对接', '對接', '对照', '對照', '双方', '雙方', '把握', '回应', '回應', '回复', '回覆', '回收', '节约', '節約', '节能',
  '節能', '节点', '節點', '首次', '首批', '首届', '首屆', '首先', '集中', '集团', '集團', '集体', '集體', '集聚', '列入', '列为',
  '列為', '章程', '尾矿', '尾礦', '款项', '款項', '届时', '屆時', '根据', '根據', '根本', '粒子', '针对', '針對', '口岸',
  '口径', '口徑', '档案', '檔案', '讲话', '講話',
];

const SIMPLE_UNITS = [...COUNT_WORDS, ...TIME_UNITS, ...MONEY, ...RATIOS, ...GRADES, ...metricWords(), ...LATIN_UNITS];
const UNIT_WORDS = new WordList([...SIMPLE_UNITS, ...NOT_UNITS]);
const notUnits = new Set(NOT_UNITS);
const timeUnits = new Set(TIME_UNITS);
const latinUnits = new Set([...LATIN_UNITS, ...LATIN_DENOMINATORS]);
/**
 * What may stand after the slash of a compound unit besides any unit: single-letter symbols (120km/h, 500m³/d) and the
 * year (万元/年). A list of their own rather than a second copy of the units (a WordList is built on every page the
 * content script runs on): each is one character, so a unit word found at the same place is never shorter.
 */
const DENOMINATOR_ONLY = new WordList([...LATIN_DENOMINATORS, '年']);

const SLASH = 0x2f;
const FULLWIDTH_SLASH = 0xff0f;
const NEI = '内'.charCodeAt(0);
const NEI_TRADITIONAL = '內'.charCodeAt(0);

/** A unit word at text[i] (no compound), or ''. Latin symbols must end where the letters do (5kg, not 5kgx). */
function simpleUnitAt(text: string, i: number, afterSlash = false): string {
  const w = UNIT_WORDS.longestAt(text, i) || (afterSlash ? DENOMINATOR_ONLY.longestAt(text, i) : '');
  if (!w || notUnits.has(w)) return '';
  if (latinUnits.has(w) && isLatinAt(text, i + w.length)) return '';
  return w;
}

function isLatinAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 0x20;
  return (c >= 0x61 && c <= 0x7a) || text.charCodeAt(i) === 0x3bc;
}

/**
 * The unit at text[i], or '': a measure word or unit, and a compound unit written with a slash after it — a rate
 * or a concentration (35微克/立方米, 1.2万元/人, 0.45吨标准煤/万元, 120km/h). The denominator may carry a magnitude.
 */
export function unitAt(text: string, i: number): string {
  const unit = simpleUnitAt(text, i);
  if (!unit) return '';
  const slash = i + unit.length;
  const c = text.charCodeAt(slash);
  if (c !== SLASH && c !== FULLWIDTH_SLASH) return unit;
  let d = slash + 1;
  const mag = MAGNITUDE_WORDS.longestAt(text, d);
  const denominator = simpleUnitAt(text, d + mag.length, true);
  // 3项/5项 are two counts, not a rate: a slash before a digit is no compound.
  if (!denominator) return unit;
  d += mag.length + denominator.length;
  return text.slice(i, d);
}

/** Parts of the day after a day: 19日晚8时 is the 19th, not nineteen days. */
const TIMES_OF_DAY = new WordList(['晚', '晚上', '上午', '下午', '中午', '凌晨', '早上', '早晨', '傍晚', '夜', '夜间', '夜間', '深夜']);
const HOUR_MARKS = new CharSet('时時点點');

/**
 * Whether a number with this unit is a point in time rather than a quantity: the minutes or seconds of a clock time
 * (8时40分, 20时35分), or a day of the month followed by the time of day (19日晚8时40分).
 */
export function isPointInTime(text: string, start: number, unit: string, end: number): boolean {
  if (unit === '分' || unit === '秒') {
    const mark = unit === '秒' && text[start - 1] === '分' ? true : HOUR_MARKS.at(text, start - 1);
    return mark && digitAt(text, start - 2) >= 0;
  }
  if (unit === '日') return TIMES_OF_DAY.longestAt(text, end) !== '' || (digitAt(text, end) >= 0 && /^\d{1,2}[时時点點]/.test(text.slice(end, end + 3)));
  return false;
}

/** A time limit's 内 right after a time unit (30日内, 3个工作日内), or ''. */
export function limitAfter(text: string, unit: string, i: number): '' | '内' {
  if (!timeUnits.has(unit)) return '';
  const c = text.charCodeAt(i);
  return c === NEI || c === NEI_TRADITIONAL ? '内' : '';
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

/** Whether a magnitude ends just before text[end] (…高标准农田 13 万 at the end of a printed line). */
export function isMagnitudeBefore(text: string, end: number): boolean {
  return MAGNITUDE_WORDS.longestEndingAt(text, end) !== '';
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

/**
 * Whether a figure ends just before text[end]: a unit after digits, with a magnitude and 余/多 between them as a figure
 * may have them (6.5%, 1.2万元, 3个, 300余万元). A hyphen there opens the range's second figure (6.5%-7%), no minus.
 */
export function isFigureEndBefore(text: string, end: number): boolean {
  const unit = UNIT_WORDS.longestEndingAt(text, end);
  if (!unit || notUnits.has(unit)) return false;
  let k = end - unit.length;
  k -= MAGNITUDE_WORDS.longestEndingAt(text, k).length;
  if (approxAt(text, k - 1)) k--;
  k -= MAGNITUDE_WORDS.longestEndingAt(text, k).length;
  return digitAt(text, k - 1) >= 0;
}

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
