// Naming the indicator a figure states: 受理行政复议案件36件 → 受理行政复议案件, 共举办培训班16期 → 举办培训班,
// 精简率达48.6% → 精简率. The name is made of the figure's clause in the report's own words:
//
// - the clause is the text between two of ，,；;。！？：and line breaks; several figures in one clause share
//   it, each taking the words between it and its neighbours (connectors 、和及与 split those words);
// - before the figure: lead-ins that name no part of the indicator are dropped (time: 2019年 全年; the
//   reporter: 全区 我县; adverbs: 共 累计 依法 先后 率先; prepositions 对 将 就 由), and so are qualifiers of
//   the value (约 达 超过 共计 为); the indicator starts after the last 依法/共/累计 of the clause
//   (各级行政复议机关依法办理… → 办理…), since those adverbs stand between a subject and its verb;
// - when that text ends in a verb (推出302个…事项), in 的 (国家推出的132个通办事项) or is empty (1947个市级事项
//   在副中心实现异地可办), the object after the figure completes the name; so do the words after the figure
//   up to the end of the clause (市区两级98%以上事项实现网上办理); otherwise the object came first and the name
//   ends at the figure (审查合同协议26件);
// - figures written back to back count one thing together (9项13条建议, 32件35人) and share one name;
// - a figure whose clause leaves out what is counted inherits the object of the sentence's last figure
//   (收到行政复议申请176件,受理87件 → 受理行政复议申请; 办结22.4万件 → 办结行政复议案件), as does a bare change
//   (实际利用外资1.98亿美元,同比增长149.6% → 实际利用外资同比增长) and an audience (讲座36场受众4万余人 →
//   …讲座受众); one that leaves out its verb takes the verb of the thing listed before it (推出302个…事项、
//   105个告知承诺事项 → 推出告知承诺事项), and a part after a whole takes what was said of the whole before 的
//   (区级保留的政务服务事项515项,行政许可事项218项 → 区级保留的行政许可事项);
// - examples listed before 等 are dropped (组织开展“凤鸣政策通”等17场品牌活动 → 组织开展品牌活动), so are counts
//   inside the name (三批, 7方面) and 实现 (实现规模以上在建工程100%复工 → 规模以上在建工程复工).
//
// One pass over the text: the clause boundaries are found by a cursor that only moves forward, and each
// figure looks at most MAX_LEFT characters back and MAX_RIGHT forward, never past its neighbours.

import type { FigureMatch } from '../recognition/types';
import { CharSet, isInlineSpaceAt, skipInlineSpaces } from '../recognition/chars';
import {
  ACTIONS,
  ADVERBIAL_OPENERS,
  ATTRIBUTES,
  BECOME_VERB_ENDS,
  CHANGE_WORDS,
  CONNECTORS,
  COUNT_NOUNS,
  COUNTABLE_HEADS,
  LEAD_INS,
  NOT_CONNECTORS,
  NOT_LEAD_IN,
  NOT_SHARED_ACTIONS,
  PREDICATE_MARKERS,
  QUALIFIERS_BEFORE,
  SELF_REFERENCES,
} from './vocabulary';

export interface Indicator {
  /** The indicator as the report words it: 办理行政复议案件, 培训执法人员, 精简率. */
  text: string;
  /** The verb it starts with, when it has one (办理), else ''. */
  action: string;
  /** What is counted, without the verb (行政复议案件); the whole text when there is no verb. */
  object: string;
  /**
   * How the name was found: 'before' (object before the figure), 'after' (after it), 'around' (verb before,
   * object after), 'inherited' (what is counted came from an earlier figure of the sentence), 'change' (a
   * rate of change of the previous figure's indicator).
   */
  how: 'before' | 'after' | 'around' | 'inherited' | 'change';
}

const CLAUSE_ENDS = new CharSet('，,；;。！？!?：:\n\r');
const SENTENCE_ENDS = new CharSet('；;。！？!?\n\r');
/** How far a clause may reach before and after its figure: further is prose, not a name. */
const MAX_LEFT = 60;
const MAX_RIGHT = 40;
const OPEN_QUOTES = '“‘"「『';
const CLOSE_QUOTES = '”’"」』';

interface SentenceState {
  start: number;
  /** What the sentence's figures have been counting, for a clause that leaves it out. */
  object: string;
  previous: Indicator | null;
}

/**
 * The indicator of each figure, in the order given (figures sorted by start, as recognizeFigures returns
 * them), or null where the clause names nothing. Linear in the length of the text.
 */
export function nameIndicators(text: string, figures: readonly FigureMatch[]): Array<Indicator | null> {
  const out: Array<Indicator | null> = new Array(figures.length).fill(null);
  let scan = 0;
  let clauseStart = 0;
  let sentenceStart = 0;
  const state: SentenceState = { start: -1, object: '', previous: null };
  let pendingLeft = '';
  let coordinatedWithPrevious = false;
  let k = 0;
  while (k < figures.length) {
    const first = figures[k];
    for (; scan < first.start; scan++) {
      if (!CLAUSE_ENDS.at(text, scan)) continue;
      clauseStart = scan + 1;
      if (SENTENCE_ENDS.at(text, scan)) sentenceStart = scan + 1;
    }
    // Figures written back to back (9项13条, 32件35人) count one thing.
    let last = k;
    while (last + 1 < figures.length && figures[last + 1].start === skipInlineSpaces(text, endOf(figures[last]), 2)) last++;

    if (state.start !== sentenceStart) {
      state.start = sentenceStart;
      state.object = '';
      state.previous = null;
    }
    const prevEnd = k > 0 ? endOf(figures[k - 1]) : -1;
    const sharesClause = prevEnd >= clauseStart;
    if (!sharesClause) coordinatedWithPrevious = false;
    let left = sharesClause ? pendingLeft : text.slice(Math.max(clauseStart, first.start - MAX_LEFT), first.start);
    // 经项目初筛、2轮专家评审: a figure right after 、 starts a new item of a list.
    if (!sharesClause && (left.endsWith('、') || left.endsWith('，'))) left = '';

    const rightStart = endOf(figures[last]);
    const next = last + 1 < figures.length ? figures[last + 1] : null;
    let rightEnd = Math.min(text.length, rightStart + MAX_RIGHT, next ? next.start : Infinity);
    let nextShares = next !== null && next.start === rightEnd;
    for (let i = rightStart; i < rightEnd; i++) {
      if (CLAUSE_ENDS.at(text, i)) {
        rightEnd = i;
        nextShares = false;
        break;
      }
    }
    const between = nextShares ? splitBetween(text.slice(rightStart, rightEnd)) : null;
    const right = between ? between.first : text.slice(rightStart, rightEnd);
    pendingLeft = between ? between.second : '';

    const indicator = compose(left, right, between ? between.firstOwns : true, coordinatedWithPrevious, state);
    coordinatedWithPrevious = between?.connected ?? false;
    for (let j = k; j <= last; j++) out[j] = indicator;
    if (indicator) {
      state.previous = indicator;
      const object = objectToCarry(indicator);
      if (object) state.object = object;
    }
    k = last + 1;
  }
  return out;
}

function endOf(f: FigureMatch): number {
  return f.end + f.after.length;
}

/**
 * The words between two figures of one clause, shared out: what a connector (、和及) follows belongs to the
 * first figure and what it precedes to the second (182项涉企经营事项、16项证明); a verb or 共/累计 starts the
 * second's predicate (11个区实现26项…: 区 | 实现…); with neither, both may claim them (36场受众4万余人), and the
 * first only takes them when its own words end in a verb.
 */
function splitBetween(gap: string): { first: string; second: string; firstOwns: boolean; connected: boolean } {
  let firstConnector = -1;
  let afterLast = -1;
  for (let i = 0; i < gap.length; i++) {
    const w = connectorAt(gap, i);
    if (!w) continue;
    if (firstConnector < 0) firstConnector = i;
    afterLast = i + w.length;
    i += w.length - 1;
  }
  if (firstConnector >= 0) {
    return { first: gap.slice(0, firstConnector), second: gap.slice(afterLast), firstOwns: true, connected: true };
  }
  for (let i = 1; i < gap.length; i++) {
    if (PREDICATE_MARKERS.longestAt(gap, i) || ACTIONS.longestAt(gap, i)) {
      return { first: gap.slice(0, i), second: gap.slice(i), firstOwns: true, connected: false };
    }
  }
  return { first: gap, second: gap, firstOwns: false, connected: false };
}

function compose(
  rawLeft: string,
  rawRight: string,
  rightIsOwn: boolean,
  coordinated: boolean,
  state: SentenceState,
): Indicator | null {
  let left = trimSpaces(rawLeft);
  let right = trimSpaces(rawRight);
  // A figure inside quotes names the thing around it: 区级“12条”措施.
  const quoted = left.length > 0 && right.length > 0 && OPEN_QUOTES.includes(left[left.length - 1])
    && CLOSE_QUOTES.includes(right[0]);
  if (quoted) {
    left = left.slice(0, -1);
    right = right.slice(1);
  }
  left = cleanLeft(left);
  right = cleanRight(right);
  // 将发改、环保…等26个部门: with the noun after the figure, a list ending in 等 gives examples of it.
  if (right && left.endsWith('等')) left = dropExamples(left, true);

  let text: string;
  let how: Indicator['how'];
  const verbFinal = ACTIONS.longestEndingAt(left, left.length) !== '';
  if (quoted) {
    text = left + right;
    how = 'around';
  } else if (!left) {
    text = right;
    how = 'after';
  } else if (left.endsWith('的') || left.endsWith('之')) {
    if (right) {
      text = left + right;
      how = 'around';
    } else if (state.object) {
      text = left + state.object; // 全部履行程序的12项: of the things the sentence counts
      how = 'inherited';
    } else {
      text = left.slice(0, -1);
      how = 'before';
    }
  } else if (right && (verbFinal || rightIsOwn)) {
    text = left + right;
    how = 'around';
  } else {
    text = left;
    how = 'before';
  }
  text = tidy(text);
  // 实现规模以上在建工程100%复工, 党校各主体班次实现法治课程覆盖率: 实现 (bring about) does nothing to what is
  // counted; the name is the state brought about.
  text = text.replace(/^(?:实现|實現)(?=.)/, '').replace(/(?:实现|實現)(?=[^实實]*率$)/, '');

  if (!right && state.previous && CHANGE_WORDS.has(text)) {
    return finish(state.previous.text + text, 'change');
  }
  if (!right && state.object && (text === '' || isActionOnly(text) || ATTRIBUTES.has(text))) {
    const inherited = ATTRIBUTES.has(text) ? state.object + text : text + state.object;
    return finish(inherited, 'inherited');
  }
  // 推出302个…事项、105个告知承诺事项 / 组织开展常务会会前学法5次,法治讲座2次: a thing listed after a counted
  // one, in the same clause after a connector or in the same shape (thing then figure), shares its verb.
  const previous = state.previous;
  const verb = previous ? ACTIONS.longestAt(previous.text, 0) : '';
  if (text && verb && !NOT_SHARED_ACTIONS.has(verb) && isBareThing(text)
    && (coordinated || (how === 'before' && previous?.how === 'before'))) {
    return finish(verb + text, how);
  }
  // 区级保留的政务服务事项515项,行政许可事项218项: a part listed after a thing of the same kind shares what was
  // said of it before 的.
  const of = previous ? previous.text.lastIndexOf('的') : -1;
  if (text && previous && of > 0 && how === 'before' && !verb && isBareThing(text)
    && previous.text[previous.text.length - 1] === text[text.length - 1]) {
    return finish(previous.text.slice(0, of + 1) + text, how);
  }
  return text ? finish(text, how) : null;
}

/** A noun phrase with no verb at either end that ends in a countable thing: 告知承诺事项, 法治讲座. */
function isBareThing(text: string): boolean {
  return !ACTIONS.longestAt(text, 0) && !ACTIONS.longestEndingAt(text, text.length)
    && COUNTABLE_HEADS.longestEndingAt(text, text.length) !== '';
}

function finish(text: string, how: Indicator['how']): Indicator {
  const action = leadingAction(text);
  return { text, action, object: action ? text.slice(action.length) : text, how };
}

/** The verbs at the start of a name (清理取消 counts as one): '' when it starts with no verb. */
function leadingAction(text: string): string {
  let i = 0;
  for (;;) {
    const w = ACTIONS.longestAt(text, i);
    if (!w || i + w.length >= text.length) return text.slice(0, i);
    i += w.length;
  }
}

/** A verb, perhaps after a short scope (区级取消, 不予受理, 办结): the clause leaves out what it counts. */
function isActionOnly(text: string): boolean {
  const verb = ACTIONS.longestEndingAt(text, text.length);
  if (!verb || text.length - verb.length > 4) return false;
  for (let i = 0; i < text.length - verb.length; i++) if (ACTIONS.longestAt(text, i)) return false;
  return true;
}

/**
 * What an indicator counts, for later clauses that leave it out: the text after the verb it starts with,
 * without a trailing count noun or verb (清理政府规范性文件清理总数 → 政府规范性文件). '' when it starts with no
 * verb: 案前化解纠纷 says nothing about what 不予受理 counts.
 */
function objectToCarry(indicator: Indicator): string {
  if (indicator.how === 'inherited' || indicator.how === 'change' || !indicator.action) return '';
  let s = indicator.object;
  const count = COUNT_NOUNS.longestEndingAt(s, s.length);
  if (count) s = s.slice(0, -count.length);
  const trailingVerb = ACTIONS.longestEndingAt(s, s.length);
  if (trailingVerb && trailingVerb.length < s.length) s = s.slice(0, -trailingVerb.length);
  return s;
}

function cleanLeft(s: string): string {
  s = dropListMarker(s);
  s = stripQualifiersAtEnd(s);
  s = fromPredicate(s);
  s = stripLeadIns(s);
  s = dropPlacePhrase(s);
  s = dropAdverbial(s);
  s = dropExamples(s);
  s = stripQualifiersAtEnd(s);
  if (s.endsWith('了')) s = s.slice(0, -1);
  // After the verb, the reporter's scope right before the figure: 推动全区22家部门 → 推动 (but 举办全区领导
  // 干部…研讨班 keeps it: there it is part of the thing).
  const verb = ACTIONS.longestAt(s, 0);
  if (verb && verb.length < s.length && !stripLeadIns(s.slice(verb.length))) s = verb;
  return trimSpaces(s);
}

function cleanRight(s: string): string {
  while (s.startsWith('的') || s.startsWith('之')) s = s.slice(1);
  const bracket = firstUnbalancedBracket(s);
  if (bracket >= 0) s = s.slice(0, bracket);
  // 内设机构3个(综合股…): an aside in brackets after the figure lists its parts.
  if (s.startsWith('(') || s.startsWith('（')) s = '';
  s = dropExamples(s);
  if (s.endsWith('等')) s = s.slice(0, -1);
  // 在全区申报的54个示范项目中: the place word closes the phrase.
  if (s.length > 2 && s.endsWith('中') && !'集其心空途高初居手过過'.includes(s[s.length - 2])) s = s.slice(0, -1);
  return trimSpaces(s);
}

/** Words containing 等 that are no "and so on". */
const NOT_ETC = /等(?:级|級|待|同|于|於)|(?:平|同|均|对|對|高|中|初|相)等/g;

/**
 * Examples listed before 等 name no part of the indicator: 组织开展“凤鸣政策通”等17场品牌活动 → 组织开展…品牌活动,
 * 依法严惩生产销售假口罩、哄抬物价…等各类涉疫情犯罪 → 严惩…涉疫情犯罪. The examples start after the verb
 * before them, or at the start.
 */
function dropExamples(s: string, endsBeforeNoun = false): string {
  if (!s.includes('等')) return s;
  const masked = s.replace(NOT_ETC, (m) => '＿'.repeat(m.length));
  const etc = masked.lastIndexOf('等');
  // 审核决策、文件等295件次: a list that ends the words is what is counted, unless a noun follows the figure;
  // 公共服务等其他事项 names a class.
  if (etc < 0 || (etc === s.length - 1 && !endsBeforeNoun) || /^(?:其他|其它)/.test(s.slice(etc + 1))) return s;
  let from = 0;
  let quoted = 0;
  for (let i = 0; i < etc; i++) {
    if (OPEN_QUOTES.includes(s[i]) && s[i] !== '"') quoted++;
    else if (CLOSE_QUOTES.includes(s[i]) && s[i] !== '"') quoted = Math.max(0, quoted - 1);
    if (quoted) continue;
    const w = ACTIONS.longestAt(s, i);
    if (w && i + w.length <= etc) {
      from = i + w.length;
      break;
    }
  }
  return s.slice(0, from) + s.slice(etc + 1);
}

/** 围绕习近平法治思想开展…: a topic or a means before the verb names nothing counted. */
function dropAdverbial(s: string): string {
  if (!ADVERBIAL_OPENERS.longestAt(s, 0)) return s;
  for (let i = 2; i < s.length; i++) if (ACTIONS.longestAt(s, i)) return s.slice(i);
  return s;
}

/** 在上海市人民政府网站、《…公报》主动公开…: where it was done, before the verb, names nothing counted. */
function dropPlacePhrase(s: string): string {
  if (!s.startsWith('在')) return s;
  for (let i = 1; i < s.length; i++) if (ACTIONS.longestAt(s, i)) return s.slice(i);
  return s;
}

/** 一是 二是, 1. 2、(一): list markers that open a clause. */
function dropListMarker(s: string): string {
  return s.replace(/^(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、])/, '');
}

/** Qualifiers of the value just before it (达, 约, 超过, 共计, 为…), stacked up to three. */
function stripQualifiersAtEnd(s: string): string {
  for (let n = 0; n < 3; n++) {
    const w = QUALIFIERS_BEFORE.longestEndingAt(s, s.length);
    if (!w) break;
    if ((w === '为' || w === '為') && BECOME_VERB_ENDS.includes(s[s.length - 2] ?? '')) break;
    s = s.slice(0, s.length - w.length);
  }
  if (s.endsWith('由') || s.endsWith('从') || s.endsWith('從')) s = s.slice(0, -1);
  return s;
}

/** The text after the clause's last 依法/共/累计 (各级行政复议机关依法办理行政复议案件 → 办理行政复议案件). */
function fromPredicate(s: string): string {
  let cut = -1;
  let word = '';
  for (let i = 0; i < s.length; i++) {
    const w = PREDICATE_MARKERS.longestAt(s, i);
    if (!w) continue;
    const blocker = LEAD_INS.longestAt(s, i);
    if (NOT_LEAD_IN.has(blocker) && blocker.length > w.length) continue;
    if (w === '共' && i > 0 && '公中一总總'.includes(s[i - 1])) continue;
    cut = i;
    word = w;
  }
  if (cut < 0) return s;
  const rest = trimSpaces(s.slice(cut + word.length));
  if (!rest) return s.slice(0, cut);
  // 疫情防控新闻发布会累计举行151场: with a bare verb after it, what comes before is what is counted.
  const before = s.slice(0, cut);
  if (ACTIONS.longestAt(rest, 0) === rest && before && !LEAD_INS.longestAt(before, 0)) return before + rest;
  return rest;
}

/** The text without the lead-ins at its start that name no part of an indicator (2019年, 全区, 共, 依法…). */
export function stripLeadIns(s: string): string {
  for (let n = 0; n < 8; n++) {
    const year = /^[0-9０-９]{4}年度?(?:以来|以來)?/.exec(s);
    if (year) {
      s = s.slice(year[0].length);
      continue;
    }
    if (s.startsWith('(') || s.startsWith('（')) {
      s = s.slice(1);
      continue;
    }
    if ((s[0] === '现' || s[0] === '現') && '区區县縣市省镇鎮'.includes(s[1] ?? '')) {
      s = s.slice(1);
      continue;
    }
    const w = LEAD_INS.longestAt(s, 0);
    if (!w || NOT_LEAD_IN.has(w)) break;
    s = s.slice(w.length);
  }
  return s;
}

function connectorAt(s: string, i: number): string {
  const w = CONNECTORS.longestAt(s, i);
  if (!w) return '';
  // 参与 holds 与, 和谐 holds 和: look at the words that start a character earlier too.
  if (NOT_CONNECTORS.longestAt(s, i) || (i > 0 && NOT_CONNECTORS.longestAt(s, i - 1).length > 1)) return '';
  return w;
}

/** The first bracket of the text that has no partner inside it: 内设机构3个(综合股… or …废止4件). */
function firstUnbalancedBracket(s: string): number {
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '（') {
      if (open < 0) open = i;
    } else if (c === ')' || c === '）') {
      if (open < 0) return i;
      open = -1;
    }
  }
  return open;
}

/** The final form of a name: no 了 after a verb, no reporter, no stray connector or quote at either end. */
function tidy(s: string): string {
  for (const w of SELF_REFERENCES) if (s.includes(w)) s = s.split(w).join('');
  s = s.replace(/(?<![为為除])了(?![解结結])/g, '');
  // 承接三批市级赋权, 完成7方面重点工作: a count inside a name is not part of what is counted.
  s = s.replace(/第?[一二三四五六七八九十两兩0-9０-９]+(?:批次|批|个方面|個方面|方面|部门|部門)/g, '');
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isInlineSpaceAt(s, i)) out += s[i];
  s = out;
  for (;;) {
    const before = s;
    s = s.replace(/^[、，,)）]+/, '').replace(/[、，,(（的]+$/, '');
    if (s.startsWith('”') || s.startsWith('’')) s = s.slice(1);
    if ((s.endsWith('“') || s.endsWith('‘'))) s = s.slice(0, -1);
    if (s === before) break;
  }
  if (count(s, '“') !== count(s, '”')) s = s.replace(/[“”]/g, '');
  return s;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isInlineSpaceAt(s, a)) a++;
  while (b > a && isInlineSpaceAt(s, b - 1)) b--;
  return s.slice(a, b);
}
