// A document number read piece by piece for a trainee: 机关代字, 年份, 发文顺序号, and what the agency code itself
// says about the issuer — no more than it says (张政字 tells "a 人民政府", not which one) — plus the list of
// documents a report cites, each 《title》 paired with its number where the text gives both.
import type { DocNumberMatch } from '../recognition/types';
import {
  BODY_PARTS, CENTRAL_CODES, CENTRAL_PREFIXES, DECREE_ISSUERS, LOCAL_PLACE, PROVINCES, SERIES_PARTS, UNDECODED, type Province,
} from './agency-codes';
import { foldDigits } from '../recognition/chars';
import { CODE_PART_KIND_LABELS, DOC_NUMBER_ROLE_LABELS, type CodePartKind, type DocNumberRole } from './labels';
import { findOwnDocNumber } from './own-docno';
import type { Block, LocalizedText, Span } from './types';

export interface DocNumberField extends Span {
  role: DocNumberRole;
  label: LocalizedText;
  text: string;
}

export interface CodePart {
  text: string;
  kind: CodePartKind;
  kindLabel: LocalizedText;
  meaning: LocalizedText;
}

export interface Explanation {
  number: string;
  form: DocNumberMatch['form'];
  /** 机关代字, 年份 (when written) and 发文顺序号, with their offsets in the page text. */
  fields: DocNumberField[];
  agencyParts: CodePart[];
  /** The issuing body, only when the code names it (国办发, 鲁政发, 国家税务总局公告). */
  issuer?: LocalizedText;
  /** The parts in one line: "鲁（山东省的简称） · 办（办公厅或办公室） · 发（发文）". */
  reading: LocalizedText;
}

const ISSUER_END = /(?:部|委员会|委員會|总局|總局|局|署|院|办公厅|辦公廳|政府|银行|銀行|会|會)$/;

function part(text: string, kind: CodePartKind, meaning: LocalizedText): CodePart {
  return { text, kind, kindLabel: CODE_PART_KIND_LABELS[kind], meaning };
}

function splitSeries(code: string): [string, CodePart | null] {
  for (const s of Object.keys(SERIES_PARTS).sort((a, b) => b.length - a.length)) {
    if (code.length > s.length && code.endsWith(s)) return [code.slice(0, -s.length), part(s, 'series', SERIES_PARTS[s])];
  }
  return [code, null];
}

/** Body parts left to right, longest first; characters that are not one stay together as undecoded. */
function bodyParts(middle: string): CodePart[] {
  const keys = Object.keys(BODY_PARTS).sort((a, b) => b.length - a.length);
  const out: CodePart[] = [];
  let unknown = '';
  for (let i = 0; i < middle.length;) {
    const k = keys.find((key) => middle.startsWith(key, i));
    if (k) {
      if (unknown) out.push(part(unknown, 'unknown', UNDECODED));
      unknown = '';
      out.push(part(k, 'body', BODY_PARTS[k]));
      i += k.length;
    } else {
      unknown += middle[i++];
    }
  }
  if (unknown) out.push(part(unknown, 'unknown', UNDECODED));
  return out;
}

// 府 stands for the government in the codes of these provinces only; elsewhere 苏府 is Suzhou's, not Jiangsu's.
const GOVERNMENT_AS_FU = new Set(['川', '黔', '琼', '瓊']);

/** Province-level codes follow fixed patterns: 鲁发 中共山东省委, 鲁办发 its office, 鲁政发 the government… */
function provincialIssuer(abbr: string, p: Province, middle: string): LocalizedText | undefined {
  const gov = GOVERNMENT_AS_FU.has(abbr) ? '府' : '政';
  const office = (m: string) => m === '办' || m === '辦';
  if (middle === '') return { zh: `中共${p.name}委员会`, en: `CPC ${p.en} Committee` };
  if (office(middle)) return { zh: `中共${p.name}委员会办公厅`, en: `General Office of the CPC ${p.en} Committee` };
  if (middle === gov) return { zh: `${p.name}人民政府`, en: `${p.en} People's Government` };
  if (middle.startsWith(gov) && office(middle.slice(1))) {
    return { zh: `${p.name}人民政府办公厅`, en: `General Office of the ${p.en} People's Government` };
  }
  return undefined;
}

interface Decoded {
  parts: CodePart[];
  issuer?: LocalizedText;
}

function decodeDocumentCode(code: string): Decoded {
  const [rest, series] = splitSeries(code);
  const tail = series ? [series] : [];
  if (CENTRAL_CODES[code]) {
    const prefix = Object.keys(CENTRAL_PREFIXES).sort((a, b) => b.length - a.length).find((p) => rest.startsWith(p));
    const head = prefix
      ? [part(prefix, 'issuer', CENTRAL_PREFIXES[prefix]), ...bodyParts(rest.slice(prefix.length))]
      : [part(rest, 'issuer', CENTRAL_CODES[code])];
    return { parts: [...head, ...tail], issuer: CENTRAL_CODES[code] };
  }
  const ministry = ['工信部', '人社部'].find((p) => rest.startsWith(p));
  if (ministry) {
    return { parts: [part(ministry, 'issuer', CENTRAL_PREFIXES[ministry]), ...bodyParts(rest.slice(ministry.length)), ...tail] };
  }
  const province = PROVINCES[rest[0]];
  if (province) {
    const also = province.alsoUsedBy;
    const meaning: LocalizedText = {
      zh: `${province.name}的简称${also ? `（也是${also.zh}的简称）` : ''}`,
      en: `abbreviation of ${province.en}${also ? ` (also used by ${also.en})` : ''}`,
    };
    const middle = rest.slice(1);
    const issuer = also ? undefined : provincialIssuer(rest[0], province, middle);
    return { parts: [part(rest[0], 'place', meaning), ...bodyParts(middle), ...tail], issuer: series ? issuer : undefined };
  }
  // A local code: the place is whatever comes before the first part we can read, at least its first character
  // unless that character is itself a body (厅发).
  const keys = Object.keys(BODY_PARTS);
  let placeEnd = BODY_PARTS[rest[0]] ? 0 : 1;
  while (placeEnd < rest.length && !keys.some((k) => rest.startsWith(k, placeEnd))) placeEnd++;
  const place = rest.slice(0, placeEnd);
  return { parts: [...(place ? [part(place, 'localPlace', LOCAL_PLACE)] : []), ...bodyParts(rest.slice(placeEnd)), ...tail] };
}

function decodeIssuerName(agency: string): Decoded {
  const known = DECREE_ISSUERS[agency];
  if (known) return { parts: [part(agency, 'issuer', known)], issuer: known };
  if (ISSUER_END.test(agency)) {
    const issuer = { zh: agency, en: agency };
    return { parts: [part(agency, 'issuer', issuer)], issuer };
  }
  return { parts: [part(agency, 'unknown', UNDECODED)] };
}

function fieldsOf(m: DocNumberMatch): DocNumberField[] {
  // The year comes folded to ASCII digits; look for it in the number folded the same way (２０１８ → 2018).
  const folded = foldDigits(m.text);
  const field = (role: DocNumberRole, from: number, length: number): DocNumberField => ({
    role, label: DOC_NUMBER_ROLE_LABELS[role], text: m.text.slice(from, from + length),
    start: m.start + from, end: m.start + from + length,
  });
  const fields = [field('agency', 0, m.agency.length)];
  let cursor = m.agency.length;
  if (m.year) {
    const at = folded.indexOf(m.year, cursor);
    fields.push(field('year', at, m.year.length));
    cursor = at + m.year.length;
  }
  fields.push(field('serial', folded.indexOf(foldDigits(m.serial), cursor), m.serial.length));
  return fields;
}

export function explainDocNumber(m: DocNumberMatch): Explanation {
  const decoded = m.form === 'document' ? decodeDocumentCode(m.agency) : decodeIssuerName(m.agency);
  const reading = (lang: 'zh' | 'en') => decoded.parts
    .map((p) => (lang === 'zh' ? `${p.text}（${p.meaning.zh}）` : `${p.text} (${p.meaning.en})`))
    .join(' · ');
  return {
    number: m.text,
    form: m.form,
    fields: fieldsOf(m),
    agencyParts: decoded.parts,
    issuer: decoded.issuer,
    reading: { zh: reading('zh'), en: reading('en') },
  };
}

export interface CitedDocument {
  /** The title without its 《》, when the text gives one. */
  title?: string;
  /** The document number, when the text gives one. */
  docno?: DocNumberMatch;
  /** Every place the document is cited: the 《title》 and number together where they are written together. */
  mentions: Span[];
}

export interface Citations {
  /** The page's own number, which is not a citation. */
  own?: DocNumberMatch;
  cited: CitedDocument[];
}

// Titles of documents end in the name of a kind of document; 《古城荆州网》 names a website, not a document.
const DOCUMENT_TITLE_END = /(?:法|条例|條例|规定|規定|办法|辦法|细则|細則|意见|意見|通知|决定|決定|纲要|綱要|方案|规划|規劃|计划|計畫|計劃|要点|要點|报告|報告|批复|批覆|函|令|公告|通告|标准|標準|指南|目录|目錄|清单|清單|规则|規則|制度|表|名单|名單|决议|決議|章程|纪要|紀要|指引|实施意见|實施意見)$/;
const TITLE = /《([^《》]+)》/g;
// A number belongs to a title when nothing but an opening bracket stands between them: 《…》(淄政办字[2017]5号).
const TITLE_THEN_NUMBER = /^\s*[(（]?\s*$/;
const NUMBER_THEN_TITLE = /^\s*$/;

/** The part of a title from 关于 on, which a report may cite without the issuer's name in front. */
function subject(title: string): string {
  const i = title.indexOf('关于') >= 0 ? title.indexOf('关于') : title.indexOf('關於');
  return i >= 0 ? title.slice(i) : title;
}

export function citedDocuments(text: string, blocks: Block[], docnos: DocNumberMatch[]): Citations {
  const own = findOwnDocNumber(blocks, docnos);
  const others = docnos.filter((d) => d !== own).sort((a, b) => a.start - b.start);
  const paired = new Set<DocNumberMatch>();
  const found: Array<{ title?: string; docno?: DocNumberMatch; span: Span }> = [];

  for (const block of blocks) {
    const inner = text.slice(block.start, block.end);
    for (const m of inner.matchAll(TITLE)) {
      const start = block.start + m.index!;
      const end = start + m[0].length;
      const after = others.find((d) => !paired.has(d) && d.start >= end && TITLE_THEN_NUMBER.test(text.slice(end, d.start)));
      const before = others.find((d) => !paired.has(d) && d.end <= start && NUMBER_THEN_TITLE.test(text.slice(d.end, start)));
      const docno = after ?? before;
      if (!docno && !DOCUMENT_TITLE_END.test(m[1].replace(/[(（][^()（）]*[)）]$/, ''))) continue;
      if (docno) paired.add(docno);
      const span = docno ? { start: Math.min(start, docno.start), end: Math.max(end, docno.end) } : { start, end };
      found.push({ title: m[1], docno, span });
    }
  }
  for (const d of others) if (!paired.has(d)) found.push({ docno: d, span: { start: d.start, end: d.end } });
  found.sort((a, b) => a.span.start - b.span.start);

  // One entry per document: the same number, or a title cited again (with or without its issuer's name).
  const cited: CitedDocument[] = [];
  for (const f of found) {
    const same = cited.find((c) =>
      (f.docno && c.docno && c.docno.text === f.docno.text) ||
      (f.title && c.title && (c.title === f.title || (!f.docno && subject(c.title) === f.title) || (!c.docno && subject(f.title) === c.title))));
    if (same) {
      same.mentions.push(f.span);
      if (f.docno && !same.docno) same.title = f.title ?? same.title;
      same.title ??= f.title;
      same.docno ??= f.docno;
    } else {
      cited.push({ title: f.title, docno: f.docno, mentions: [f.span] });
    }
  }
  return { own, cited };
}
