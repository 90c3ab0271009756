// Every name study mode shows, in Chinese and English, kept together so that the two languages stay in step and
// the names follow the terms of GB/T 9704-2012 (党政机关公文格式) wherever the standard has one.
import type { LocalizedText, OutlineKind } from './types';

const OUTLINE_LABELS: Record<Exclude<OutlineKind, 'heading'>, LocalizedText> = {
  title: { zh: '标题', en: 'Title' },
  docNumber: { zh: '发文字号', en: 'Document number' },
  addressee: { zh: '主送机关', en: 'Addressee' },
  opening: { zh: '正文开头', en: 'Opening' },
  enumeration: { zh: '分项列举（一是、二是）', en: 'Enumerated point' },
  closing: { zh: '结束语', en: 'Closing formula' },
  attachment: { zh: '附件说明', en: 'Attachment note' },
  attachmentItem: { zh: '附件名称', en: 'Attachment title' },
  signature: { zh: '发文机关署名（落款）', en: 'Signature (issuing body)' },
  date: { zh: '成文日期', en: 'Date of writing' },
  publicationNote: { zh: '附注与版记', en: 'Publication note' },
};

const LEVEL_ZH = ['一', '二', '三', '四', '五', '六'];

export function outlineLabel(kind: OutlineKind, level = 1): LocalizedText {
  if (kind !== 'heading') return OUTLINE_LABELS[kind];
  return { zh: `${LEVEL_ZH[level - 1] ?? level}级标题`, en: `Level-${level} heading` };
}

export type DocNumberRole = 'agency' | 'year' | 'serial';

export const DOC_NUMBER_ROLE_LABELS: Record<DocNumberRole, LocalizedText> = {
  agency: { zh: '机关代字', en: 'Issuing-agency code' },
  year: { zh: '年份', en: 'Year' },
  serial: { zh: '发文顺序号', en: 'Serial number' },
};

/** What a piece of an agency code stands for. */
export type CodePartKind = 'issuer' | 'place' | 'localPlace' | 'body' | 'series' | 'unknown';

export const CODE_PART_KIND_LABELS: Record<CodePartKind, LocalizedText> = {
  issuer: { zh: '发文机关', en: 'Issuing body' },
  place: { zh: '地名简称', en: 'Place abbreviation' },
  localPlace: { zh: '地方简称', en: 'Local abbreviation' },
  body: { zh: '机关', en: 'Body' },
  series: { zh: '文种或文号类别', en: 'Series' },
  unknown: { zh: '未能解读', en: 'Not decoded' },
};

export type ConventionRule =
  | 'docno-year-brackets'
  | 'docno-serial-di'
  | 'docno-serial-padding'
  | 'docno-serial-arabic'
  | 'date-arabic'
  | 'date-padding'
  | 'addressee-colon'
  | 'attachment-colon'
  | 'attachment-numbering'
  | 'attachment-name-punctuation'
  | 'heading-numbering'
  | 'note-parentheses'
  | 'report-closing';

export const CONVENTION_RULE_LABELS: Record<ConventionRule, LocalizedText> = {
  'docno-year-brackets': { zh: '发文字号年份用六角括号', en: 'Year of a document number in 〔〕' },
  'docno-serial-di': { zh: '发文顺序号不加“第”字', en: 'No 第 before the serial' },
  'docno-serial-padding': { zh: '发文顺序号不编虚位', en: 'No leading zeros in the serial' },
  'docno-serial-arabic': { zh: '发文顺序号用阿拉伯数字', en: 'Serial in Arabic numerals' },
  'date-arabic': { zh: '成文日期用阿拉伯数字', en: 'Date of writing in Arabic numerals' },
  'date-padding': { zh: '成文日期月、日不编虚位', en: 'No leading zeros in month and day' },
  'addressee-colon': { zh: '主送机关后标全角冒号', en: 'Full-width colon after the addressee' },
  'attachment-colon': { zh: '“附件”后标全角冒号', en: 'Full-width colon after 附件' },
  'attachment-numbering': { zh: '多个附件用阿拉伯数字标注顺序号', en: 'Several attachments numbered 1. 2.' },
  'attachment-name-punctuation': { zh: '附件名称后不加标点', en: 'No punctuation after an attachment title' },
  'heading-numbering': { zh: '结构层次序数', en: 'Numbering of heading levels' },
  'note-parentheses': { zh: '附注加圆括号', en: 'Note in parentheses' },
  'report-closing': { zh: '报告的结束语', en: 'Closing formula of a report' },
};

export const FIGURE_CHART_LABELS: Record<'opening' | 'body' | 'outside', LocalizedText> = {
  opening: OUTLINE_LABELS.opening,
  /** The whole body, for a text without headings. */
  body: { zh: '正文', en: 'Body' },
  outside: { zh: '正文以外', en: 'Outside the body' },
};
