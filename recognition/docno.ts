// Document numbers (发文字号 张政字〔2018〕8号), decree numbers (国务院令第699号) and announcement numbers
// (国家税务总局公告2026年第6号).
//
// One pass over the text, anchored on the characters that every such number contains: an opening bracket
// before the year, 令, or 公告. From an anchor the year and serial are parsed forwards over a bounded
// number of characters, and the agency code backwards over a bounded run of Han characters, so the scan
// is linear whatever the input. Numbers without a bracketed year or a 令/公告 (2018年8号文件, 中央1号文件,
// 1号线, 人民路88号, ICP备案号) never reach an anchor; court case numbers put their year first
// (（2021）粤0111民初30063号) and fail the forward parse.

import type { DocNumberMatch } from './types';
import {
  afterLineWrap,
  beforeLineWrap,
  CLOSE_BRACKETS,
  nextIn,
  CharSet,
  OPEN_BRACKETS,
  OPEN_BRACKET_CHARS,
  digitAt,
  foldedDigits,
  isHanAt,
  isInlineSpaceAt,
  oneOf,
  skipInlineSpaces,
  skipInlineSpacesBack,
} from './chars';
import { CHINESE_DIGITS, CHINESE_NUMERALS, chineseNumeralValue } from './chinese-numerals';
import { WordList } from './words';

/** Spaces tolerated between two parts of a number (中国保险监督管理委员会令 2018 年 第 5 号). */
const MAX_GAP = 2;

/**
 * Where the next part of a number starts after i: past spaces, and past the end of a printed line that wrapped
 * between two parts (a report converted from PDF prints every line in a block of its own: …印发了国办发〔2016〕 /
 * 12号…). The scorer and a reader fold the break away, as they do a space.
 */
function partAfter(text: string, i: number): number {
  const j = skipInlineSpaces(text, i, MAX_GAP);
  const k = afterLineWrap(text, j);
  return k === j ? j : skipInlineSpaces(text, k, MAX_GAP);
}

/** Where the part before i ends: back over spaces, and over a wrapped line's end (…国发 / 〔2015〕68号). */
function partBefore(text: string, i: number): number {
  const j = skipInlineSpacesBack(text, i, MAX_GAP);
  const k = beforeLineWrap(text, j);
  return k === j ? j : skipInlineSpacesBack(text, k, MAX_GAP);
}
/** Longest run of Han characters looked at before a bracket; agency codes are 1–12 characters. */
const MAX_CODE_RUN = 16;
/** Issuers of decrees and announcements are written out in full (中国保险监督管理委员会). */
const MAX_ISSUER_RUN = 24;
const MAX_SERIAL_DIGITS = 7;
const MAX_SERIAL_NUMERALS = 8;

/**
 * Words that end a lead-in before the agency code: 按照淄政办字[2017]5号, 市政府办公室印发淄政办字….
 * Besides the words of the rules, verbs and particles that introduce a cited document in report prose, and
 * characters that end a previous clause (年 月 号). Single characters that begin place names used as codes
 * (依安 依政发, 日照 日政发) are left out; 和 stays because the rules name it.
 */
const LEAD_INS = new WordList([
  '根据', '按照', '依据', '依照', '参照', '经', '及', '和', '与', '印发', '转发', '落实', '其中', '以及', '等',
  '根據', '參照', '依據', '經', '與', '印發', '轉發', '落實', '以及',
  '贯彻', '貫徹', '执行', '執行', '下发', '下發', '出台', '制定', '制发', '制發', '发布', '發布', '發佈', '颁布',
  '頒布', '详见', '詳見', '见', '見', '参见', '參見', '请看', '請看', '参看', '參看', '查看', '即', '是', '为', '為', '由', '对', '對', '将', '將', '把', '在', '向',
  '于', '於', '以', '按', '据', '據', '并', '並', '或', '的', '了', '之', '文号', '文號', '字号',
  '字號', '号', '號', '年', '月', '附件', '文件', '檔案', '精神', '要求',
  // a decree's note: …常务会议审议通过市人民政府令第45号公布
  '通过', '通過',
  // the end of a cited title written without 《》: …监督工作的意见淄政办字[2017]5号
  '通知', '意见', '意見', '办法', '辦法', '方案', '决定', '決定', '规定', '規定', '批复', '批覆', '报告', '報告', '规划',
  '規劃', '细则', '細則', '纲要', '綱要', '条例', '條例',
]);

/**
 * Full names that may precede an abbreviated code in prose (区政府办公室张政办字…): the code starts after
 * them. Only for bracketed document numbers; decree and announcement issuers are such full names.
 */
/** Where a number can be: the opening brackets of OPEN_BRACKETS, 令, 公(告). */
const ANCHORS = oneOf(`${OPEN_BRACKET_CHARS}令公`);
const LING = '令'.charCodeAt(0);
const GONG = '公'.charCodeAt(0);
const GAO = '告'.charCodeAt(0);

const ISSUER_NAMES = new WordList([
  '人民政府', '政府', '办公室', '辦公室', '办公厅', '辦公廳', '委员会', '委員會', '党委', '黨委', '省委', '市委', '区委',
  '區委', '县委', '縣委', '州委', '盟委',
]);

/** The characters a date ends with: 2015年3月2日, 3月2号, 2015年3月, 2017年(度). */
const DATE_ENDS = new CharSet('日号號月年度');

/** Characters after 经 that make it part of a code (鲁经信字, 经贸), not the lead-in 经 (经国务院…). */
const JING_IN_CODES = new CharSet('信济濟贸貿委管开開营營发發');

/** An issuer written jointly with another one, space-separated (财政部 税务总局公告…), ends with one of these. */
const ISSUER_SUFFIXES = new CharSet('部局署委会會院行厅廳办辦府');

/** Characters before 令 that make a word other than a decree issuer (责令, 命令, 法令, 号令…). */
const NOT_DECREE_BEFORE = new CharSet('命责責法指口禁政号號司律勒下传傳军軍通明发發严嚴条條月时時冬夏酒辞辭使');

export function recognizeDocNumbers(text: string): DocNumberMatch[] {
  const out: DocNumberMatch[] = [];
  let floor = 0;
  let i = 0;
  while ((i = nextIn(ANCHORS, text, i)) >= 0) {
    const c = text.charCodeAt(i);
    let m: DocNumberMatch | null = null;
    if (OPEN_BRACKETS.at(text, i)) m = bracketed(text, i, floor);
    else if (c === LING) m = decree(text, i, floor);
    else if (c === GONG && text.charCodeAt(i + 1) === GAO) m = announcement(text, i, floor);
    if (m) {
      out.push(m);
      floor = m.end;
      i = m.end;
    } else {
      i++;
    }
  }
  return out;
}

interface Part {
  end: number;
}
interface YearPart extends Part {
  year: string;
}
interface SerialPart extends Part {
  serial: string;
  serialValue: number;
}

/** A four-digit year 1900–2099 at exactly text[i..i+4). */
function yearAt(text: string, i: number): string | null {
  for (let k = 0; k < 4; k++) if (digitAt(text, i + k) < 0) return null;
  if (digitAt(text, i + 4) >= 0) return null;
  const year = foldedDigits(text, i, i + 4);
  return year.startsWith('19') || year.startsWith('20') ? year : null;
}

/** 〔2018〕 with any bracket pair and spaces inside, starting at the opening bracket. */
function bracketYear(text: string, open: number): YearPart | null {
  let j = partAfter(text, open + 1);
  const year = yearAt(text, j);
  if (!year) return null;
  j = partAfter(text, j + 4);
  if (!CLOSE_BRACKETS.at(text, j)) return null;
  return { year, end: j + 1 };
}

/** 2018 年 (of 令2018年第5号 and 公告2026年第6号). */
function yearNian(text: string, i: number): YearPart | null {
  const year = yearAt(text, i);
  if (!year) return null;
  const j = partAfter(text, i + 4);
  if (text[j] !== '年') return null;
  return { year, end: j + 1 };
}

/** [第] serial 号: 8号, 137 號, 第00600号, 第 5 号, 第三十二号. */
function serialTail(text: string, i: number, needOrdinal: boolean): SerialPart | null {
  let j = partAfter(text, i);
  const hasOrdinal = text[j] === '第';
  if (hasOrdinal) j = partAfter(text, j + 1);
  else if (needOrdinal) return null;
  const start = j;
  let serial: string;
  let serialValue: number;
  if (digitAt(text, j) >= 0) {
    while (j < text.length && digitAt(text, j) >= 0) j++;
    if (j - start > MAX_SERIAL_DIGITS) return null;
    serial = foldedDigits(text, start, j);
    serialValue = Number(serial);
  } else {
    while (j < text.length && j - start <= MAX_SERIAL_NUMERALS && CHINESE_NUMERALS.at(text, j)) j++;
    if (j === start || j - start > MAX_SERIAL_NUMERALS) return null;
    serial = text.slice(start, j);
    serialValue = chineseNumeralValue(serial);
    if (Number.isNaN(serialValue)) return null;
  }
  j = partAfter(text, j);
  if (text[j] !== '号' && text[j] !== '號') return null;
  return { serial, serialValue, end: j + 1 };
}

function bracketed(text: string, open: number, floor: number): DocNumberMatch | null {
  const year = bracketYear(text, open);
  if (!year) return null;
  const serial = serialTail(text, year.end, false);
  if (!serial) return null;
  const codeEnd = partBefore(text, open);
  const start = agencyStart(text, codeEnd, floor, MAX_CODE_RUN, 2, true);
  if (start < 0) return null;
  const agency = text.slice(start, codeEnd);
  // Law-firm letters (律函字〔2024〕第001号) carry the same shape but are no government document.
  if (agency.includes('律函')) return null;
  return build(text, 'document', start, agency, year.year, serial);
}

function decree(text: string, ling: number, floor: number): DocNumberMatch | null {
  const tail = yearAndSerialAfter(text, ling + 1, true);
  if (!tail) return null;
  const start = agencyStart(text, ling, floor, MAX_ISSUER_RUN, 1, false);
  if (start < 0) return null;
  if (NOT_DECREE_BEFORE.at(text, ling - 1)) return null;
  return build(text, 'decree', start, text.slice(start, ling), tail.year, tail.serial);
}

function announcement(text: string, gong: number, floor: number): DocNumberMatch | null {
  const tail = yearAndSerialAfter(text, gong + 2, false);
  if (!tail) return null;
  const start = agencyStart(text, gong, floor, MAX_ISSUER_RUN, 2, false);
  if (start < 0) return null;
  return build(text, 'announcement', start, text.slice(start, gong), tail.year, tail.serial);
}

/**
 * What follows 令 or 公告: 第699号, 2018 年 第 5 号, 〔2018〕第5号; after 令 also a serial in digits printed without its 第
 * (济南市人民政府令19号发布, 聊城市人民政府令38號公布), which `bareSerial` allows. An announcement's serial keeps its 第:
 * 公告 is also a plain noun (张贴公告3号…), while 令 after an issuer's name is a decree.
 */
function yearAndSerialAfter(text: string, i: number, bareSerial: boolean): { year: string; serial: SerialPart } | null {
  const j = partAfter(text, i);
  if (OPEN_BRACKETS.at(text, j)) {
    const year = bracketYear(text, j);
    const serial = year && serialTail(text, year.end, false);
    return serial ? { year: year.year, serial } : null;
  }
  const year = digitAt(text, j) >= 0 ? yearNian(text, j) : null;
  if (year) {
    const serial = serialTail(text, year.end, true);
    return serial ? { year: year.year, serial } : null;
  }
  const serial = serialTail(text, j, !(bareSerial && digitAt(text, j) >= 0));
  return serial ? { year: '', serial } : null;
}

/**
 * Where the agency code ending at `end` starts, or -1 when there is none. The code is the run of Han
 * characters before `end` (stopping at punctuation, brackets, 《》, digits, `floor`), shortened to what
 * follows its last lead-in word. A cut that would leave fewer than `minLength` characters is not made:
 * it would be a lead-in word inside the code itself (农经发).
 */
function agencyStart(
  text: string,
  end: number,
  floor: number,
  maxRun: number,
  minLength: number,
  abbreviated: boolean,
): number {
  let start = hanRunStart(text, end, floor, maxRun);
  if (!abbreviated) start = jointIssuersStart(text, start, floor, maxRun);
  if (start === end) return -1;
  let cut = dateEnd(text, start, end);
  for (let t = start; t < end; t++) {
    for (const words of abbreviated ? [LEAD_INS, ISSUER_NAMES] : [LEAD_INS]) {
      const w = words.longestAt(text, t);
      if (!w) continue;
      // A run that ends in a lead-in word holds no code at all (发布公告第1号).
      if (t + w.length === end) return -1;
      if (t + w.length > end - minLength) continue;
      if (w === '经' || w === '經') {
        if (JING_IN_CODES.at(text, t + 1)) continue;
      }
      if (!abbreviated && (w === '和' || w === '与' || w === '與' || w === '及') && t > start) continue;
      if (t + w.length > cut) cut = t + w.length;
    }
  }
  return end - cut >= minLength ? cut : -1;
}

/**
 * Where a date written straight before the code ends inside the run text[start, end), or `start` when none does:
 * （2015年3月2日市人民政府令第45号公布）, 二〇〇三年七月一日国务院令…. The run holds only Han characters, so a date in
 * Arabic digits can only leave its last mark (日 号 月 年 度) at the run's start; one in Chinese numerals lies
 * inside it, each mark after a numeral. A mark after anything else belongs to the code (日照: 日政发).
 */
function dateEnd(text: string, start: number, end: number): number {
  let cut = start;
  if (DATE_ENDS.at(text, start) && (digitAt(text, start - 1) >= 0 || afterYear(text, start))) cut = start + 1;
  for (let t = start + 1; t < end; t++) {
    if (DATE_ENDS.at(text, t) && (CHINESE_NUMERALS.at(text, t - 1) || afterYear(text, t))) cut = t + 1;
  }
  return cut;
}

/** 度 of 2017年度 / 二〇一七年度. */
function afterYear(text: string, i: number): boolean {
  return text[i] === '度' && text[i - 1] === '年' && (digitAt(text, i - 2) >= 0 || CHINESE_DIGITS.at(text, i - 2));
}

function hanRunStart(text: string, end: number, floor: number, maxRun: number): number {
  let s = end;
  while (s > floor && end - s < maxRun && isHanAt(text, s - 1)) s--;
  return s;
}

/** 财政部 税务总局 海关总署公告…: issuers joined by single spaces, each ending like an agency name. */
function jointIssuersStart(text: string, start: number, floor: number, maxRun: number): number {
  let s = start;
  for (let k = 0; k < 3; k++) {
    if (s - 2 < floor || !isInlineSpaceAt(text, s - 1) || !ISSUER_SUFFIXES.at(text, s - 2)) break;
    const prev = hanRunStart(text, s - 1, floor, maxRun);
    if (prev === s - 1) break;
    s = prev;
  }
  return s;
}

function build(
  text: string,
  form: DocNumberMatch['form'],
  start: number,
  agency: string,
  year: string,
  serial: SerialPart,
): DocNumberMatch {
  return {
    category: 'docno',
    start,
    end: serial.end,
    text: text.slice(start, serial.end),
    form,
    agency,
    year,
    serial: serial.serial,
    serialValue: serial.serialValue,
  };
}
