// Notes on how a document's writing compares with GB/T 9704-2012 (党政机关公文格式), offered as information for
// a trainee: each says what the standard provides and how this page writes it, and claims nothing more. The one
// note that rests on writing practice rather than on the standard (the closing of a 报告) says so.
import type { DocNumberMatch } from '../recognition/types';
import { chineseNumeralValue } from '../recognition/chinese-numerals';
import { foldDigits } from '../recognition/chars';
import { headingMarker, isStandardMarker } from './heading-markers';
import type { ConventionRule } from './labels';
import type { Outline, OutlineNode, Span } from './types';

export interface ConventionNote {
  rule: ConventionRule;
  at: Span;
  zh: string;
  en: string;
}

const STD = 'GB/T 9704-2012';

function note(rule: ConventionRule, at: Span, zh: string, en: string): ConventionNote {
  return { rule, at: { start: at.start, end: at.end }, zh, en };
}

function walk(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children)]);
}

function docNumberNotes(m: DocNumberMatch): ConventionNote[] {
  if (m.form !== 'document') return [];
  const notes: ConventionNote[] = [];
  // The year comes folded to ASCII digits; find it and the serial in the number folded the same way.
  const folded = foldDigits(m.text);
  const yearAt = folded.indexOf(m.year, m.agency.length);
  const serialAt = folded.lastIndexOf(foldDigits(m.serial));
  const open = m.text.slice(m.agency.length, yearAt).trim();
  const between = m.text.slice(yearAt + m.year.length, serialAt);
  const close = between.replace(/[\s第]/g, '');
  if (open !== '〔' || close !== '〕') {
    const from = m.text.indexOf(open, m.agency.length);
    const to = yearAt + m.year.length + between.indexOf(close) + close.length;
    const written = m.text.slice(from, to);
    notes.push(note('docno-year-brackets', { start: m.start + from, end: m.start + to },
      `按 ${STD}，发文字号中的年份用六角括号“〔〕”括入；此处写作“${written}”。`,
      `Under ${STD} the year in a document number is enclosed in hexagonal brackets 〔〕; here it is written ${written}.`));
  }
  const di = between.indexOf('第');
  if (di >= 0) {
    const at = m.start + yearAt + m.year.length + di;
    notes.push(note('docno-serial-di', { start: at, end: at + 1 },
      `按 ${STD}，发文顺序号不加“第”字。`,
      `Under ${STD} the serial number is written without 第.`));
  }
  const serialSpan = { start: m.start + serialAt, end: m.start + serialAt + m.serial.length };
  const digits = foldDigits(m.serial);
  if (!/^[0-9]+$/.test(digits)) {
    notes.push(note('docno-serial-arabic', serialSpan,
      `按 ${STD}，发文顺序号用阿拉伯数字标注；此处写作“${m.serial}”。`,
      `Under ${STD} the serial number is written in Arabic numerals; here it is ${m.serial}.`));
  } else if (/^0/.test(digits)) {
    notes.push(note('docno-serial-padding', serialSpan,
      `按 ${STD}，发文顺序号不编虚位（即 1 不编为 01）；此处写作“${m.serial}”。`,
      `Under ${STD} the serial number has no leading zeros (1, not 01); here it is ${m.serial}.`));
  }
  return notes;
}

const CN_DATE = /^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;
const AR_DATE = /^([0-9０-９]{4})\s*年\s*([0-9０-９]{1,2})\s*月\s*([0-9０-９]{1,2})\s*日$/;

function dateNotes(date: OutlineNode): ConventionNote[] {
  const cn = CN_DATE.exec(date.text);
  if (cn) {
    const arabic = `${chineseNumeralValue(cn[1])}年${chineseNumeralValue(cn[2])}月${chineseNumeralValue(cn[3])}日`;
    return [note('date-arabic', date,
      `按 ${STD}，成文日期用阿拉伯数字将年、月、日标全（此处即“${arabic}”）；用汉字书写是该标准施行前的写法。`,
      `Under ${STD} the date of writing is given in Arabic numerals (here ${arabic}); Chinese numerals are the style from before the standard.`)];
  }
  const ar = AR_DATE.exec(date.text);
  if (ar && (/^[0０]/.test(ar[2]) || /^[0０]/.test(ar[3]))) {
    const plain = `${foldDigits(ar[1])}年${Number(foldDigits(ar[2]))}月${Number(foldDigits(ar[3]))}日`;
    return [note('date-padding', date,
      `按 ${STD}，成文日期的月、日不编虚位（此处即“${plain}”）。`,
      `Under ${STD} month and day in the date of writing have no leading zeros (here ${plain}).`)];
  }
  return [];
}

function addresseeNotes(a: OutlineNode): ConventionNote[] {
  if (a.text.endsWith('：')) return [];
  const last = { start: a.end - 1, end: a.end };
  const half = a.text.endsWith(':');
  return [note('addressee-colon', half ? last : a,
    `按 ${STD}，主送机关最后一个机关名称后标全角冒号“：”；此处${half ? '是半角冒号“:”' : '没有冒号'}。`,
    `Under ${STD} the last name in the addressee line is followed by a full-width colon “：”; here ${half ? 'the colon is half-width' : 'there is none'}.`)];
}

function attachmentNotes(a: OutlineNode): ConventionNote[] {
  const head = /^附\s*件\s*([:：]?)/.exec(a.text);
  // 附件1 labels an attached document itself; the note below the body is 附件：….
  if (!head || /^附\s*件\s*[0-9０-９一二三四五六七八九十]/.test(a.text)) return [];
  const notes: ConventionNote[] = [];
  if (head[1] !== '：') {
    const at = head[1] ? { start: a.start + head[0].length - 1, end: a.start + head[0].length } : a;
    notes.push(note('attachment-colon', at,
      `按 ${STD}，附件说明在“附件”二字后标全角冒号和附件名称；此处${head[1] ? '是半角冒号' : '没有冒号'}。`,
      `Under ${STD} the attachment note puts a full-width colon after 附件, then the title; here ${head[1] ? 'the colon is half-width' : 'there is none'}.`));
  }
  const items = a.children;
  if (items.length > 1) {
    const bad = items.find((it) => !/^[0-9０-９]+\s*[.．]/.test(it.text));
    if (bad) {
      notes.push(note('attachment-numbering', bad,
        `按 ${STD}，有多个附件时用阿拉伯数字标注附件顺序号（如“附件：1. XXXXX”）；此处写作“${bad.text.slice(0, 3)}…”。`,
        `Under ${STD} several attachments are numbered with Arabic numerals (附件：1. XXXXX); here the item begins ${bad.text.slice(0, 3)}…`));
    }
  }
  for (const it of items) {
    const p = /[。．.，,；;：:、]$/.exec(it.text);
    if (p) {
      notes.push(note('attachment-name-punctuation', { start: it.end - 1, end: it.end },
        `按 ${STD}，附件名称后不加标点符号；此处以“${p[0]}”结尾。`,
        `Under ${STD} an attachment title ends without punctuation; here it ends with ${p[0]}.`));
    }
  }
  return notes;
}

/** One note per way of numbering that is not in the standard's sequence, at its first use. */
function headingNotes(headings: OutlineNode[]): ConventionNote[] {
  const seen = new Set<string>();
  const notes: ConventionNote[] = [];
  for (const h of headings) {
    const marker = headingMarker(h.text);
    if (!marker || isStandardMarker(marker)) continue;
    const form = marker.text.trim().replace(/[0-9０-９]+/g, '1').replace(/[一二三四五六七八九十]+/g, '一');
    if (seen.has(form)) continue;
    seen.add(form);
    const written = marker.text.trim();
    notes.push(note('heading-numbering', { start: h.start, end: h.start + written.length },
      `按 ${STD}，文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注；此处写作“${written}”。`,
      `Under ${STD} heading levels may be numbered 一、 （一） 1. （1） in turn; here the numbering is written ${written}.`));
  }
  return notes;
}

function publicationNotes(n: OutlineNode): ConventionNote[] {
  if (!/^此件/.test(n.text)) return [];
  return [note('note-parentheses', n,
    `按 ${STD}，附注（如“此件公开发布”）加圆括号编排在成文日期下一行。`,
    `Under ${STD} a note such as 此件公开发布 is put in parentheses on the line below the date of writing.`)];
}

const REPORT_TITLE = /(?:报告|報告)$/;
const REPORT_CLOSING = /^(?:特此报告|特此報告|以上报告|以上報告)/;

/** Where a missing closing would stand: just before the end matter, or after the last part of the body. */
function closingPlace(outline: Outline): Span {
  const end = outline.nodes.find((n) => ['attachment', 'signature', 'date', 'publicationNote'].includes(n.kind));
  if (end) return { start: end.start, end: end.start };
  const last = outline.nodes[outline.nodes.length - 1];
  const at = last ? (last.section?.end ?? last.end) : 0;
  return { start: at, end: at };
}

function reportClosingNotes(outline: Outline): ConventionNote[] {
  if (!REPORT_TITLE.test(outline.title)) return [];
  const closing = outline.nodes.find((n) => n.kind === 'closing');
  if (closing && REPORT_CLOSING.test(closing.text)) return [];
  const practice = `这是公文写作惯例，${STD} 规定格式，不规定结束语`;
  if (closing) {
    return [note('report-closing', closing,
      `报告的结束语常用“特此报告”（${practice}）；此处写作“${closing.text}”。`,
      `A report usually closes with 特此报告 (a writing practice; ${STD} sets the layout, not the closing words); here it reads ${closing.text}.`)];
  }
  return [note('report-closing', closingPlace(outline),
    `报告的结束语常用“特此报告”（${practice}）；此处正文后没有结束语。`,
    `A report usually closes with 特此报告 (a writing practice; ${STD} sets the layout, not the closing words); this text has no closing formula.`)];
}

/**
 * Convention notes for a page: its outline, and every document number in its text (cited ones included, since a
 * trainee reads those too). Notes come in document order.
 */
export function conventionNotes(outline: Outline, docnos: DocNumberMatch[]): ConventionNote[] {
  const nodes = walk(outline.nodes);
  const of = (kind: OutlineNode['kind']) => nodes.filter((n) => n.kind === kind);
  const notes = [
    ...docnos.flatMap(docNumberNotes),
    ...of('date').flatMap(dateNotes),
    ...of('addressee').flatMap(addresseeNotes),
    ...of('attachment').flatMap(attachmentNotes),
    ...headingNotes(of('heading')),
    ...of('publicationNote').flatMap(publicationNotes),
    ...reportClosingNotes(outline),
  ];
  return notes.sort((a, b) => a.at.start - b.at.start || a.at.end - b.at.end);
}
