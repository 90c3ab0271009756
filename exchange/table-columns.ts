// The tables that CSV and Excel share, defined once so that both formats carry the same columns in the same
// order under the same headers.
import type { AgreementTableRow } from '../agreement/table';
import type { AnnotationRecord, LocalizedText, PageRecord, Term } from '../model';
import type { ExportContext, Lang } from './export-context';
import type { Bound } from '../indicators/value';
import type { DocNumberRow, FigureRow, IndicatorLongRow, IndicatorWideRow } from './rows';
import { creatorName } from './w3c-render';

/** How a cell is written: Excel stores numbers and dates natively; CSV writes them as plain text. */
export type CellKind = 'text' | 'number' | 'datetime' | 'date';

export interface Column<R> {
  header: LocalizedText;
  kind: CellKind;
  /** Excel column width, in characters. */
  width: number;
  value: (row: R, lang: Lang) => string | number;
}

export function headers<R>(columns: readonly Column<R>[], lang: Lang): string[] {
  return columns.map((c) => c.header[lang]);
}

/** An annotation with what it refers to already looked up. */
export interface AnnotationRow {
  annotation: AnnotationRecord;
  page: PageRecord | undefined;
  /** Same order as annotation.terms; undefined where a term is no longer in the codebook. */
  terms: (Term | undefined)[];
  /** Who made it: the coder's current name, else the name the file gave, else the IRI. */
  creator: string;
}

export function annotationRow(annotation: AnnotationRecord, ctx: ExportContext): AnnotationRow {
  return {
    annotation,
    page: ctx.pages.get(annotation.pageUrl),
    terms: annotation.terms.map((id) => ctx.terms.get(id)),
    creator: annotation.creator ? creatorName(annotation.creator, { coderName: (id) => ctx.coders?.get(id) }) || annotation.creator.id || '' : '',
  };
}

export const TERM_SEPARATOR = '; ';

/** A label in the wanted language, falling back on the other one and then on the IRI. */
export function termLabel(term: Term | undefined, id: string, lang: Lang): string {
  if (!term) return id;
  return term.label[lang] || term.label[lang === 'zh' ? 'en' : 'zh'] || id;
}

export const annotationColumns: readonly Column<AnnotationRow>[] = [
  { header: { zh: '创建时间', en: 'Created' }, kind: 'datetime', width: 20, value: (r) => r.annotation.created },
  { header: { zh: '修改时间', en: 'Modified' }, kind: 'datetime', width: 20, value: (r) => r.annotation.modified },
  { header: { zh: '批注人', en: 'Creator' }, kind: 'text', width: 12, value: (r) => r.creator },
  { header: { zh: '页面标题', en: 'Page title' }, kind: 'text', width: 40, value: (r) => r.page?.title ?? '' },
  { header: { zh: '网址', en: 'URL' }, kind: 'text', width: 40, value: (r) => r.annotation.sourceUrl },
  { header: { zh: '发布机构', en: 'Issuing body' }, kind: 'text', width: 20, value: (r) => r.page?.issuer ?? '' },
  { header: { zh: '发文字号', en: 'Document number' }, kind: 'text', width: 20, value: (r) => r.page?.docNumber ?? '' },
  { header: { zh: '发布日期', en: 'Publication date' }, kind: 'date', width: 12, value: (r) => r.page?.published ?? '' },
  { header: { zh: '引文', en: 'Quote' }, kind: 'text', width: 50, value: (r) => r.annotation.quote?.exact ?? '' },
  { header: { zh: '前文', en: 'Prefix' }, kind: 'text', width: 20, value: (r) => r.annotation.quote?.prefix ?? '' },
  { header: { zh: '后文', en: 'Suffix' }, kind: 'text', width: 20, value: (r) => r.annotation.quote?.suffix ?? '' },
  // In code points, as the W3C export counts; empty while no position is known.
  { header: { zh: '起始位置', en: 'Start' }, kind: 'number', width: 9, value: (r) => r.annotation.position?.start ?? '' },
  { header: { zh: '结束位置', en: 'End' }, kind: 'number', width: 9, value: (r) => r.annotation.position?.end ?? '' },
  {
    header: { zh: '编码', en: 'Terms' },
    kind: 'text',
    width: 30,
    value: (r, lang) => r.annotation.terms.map((id, i) => termLabel(r.terms[i], id, lang)).join(TERM_SEPARATOR),
  },
  {
    header: { zh: '编码标识', en: 'Term IDs' },
    kind: 'text',
    width: 30,
    value: (r) => r.annotation.terms.join(TERM_SEPARATOR),
  },
  { header: { zh: '备注', en: 'Note' }, kind: 'text', width: 40, value: (r) => r.annotation.note },
  { header: { zh: '批注标识', en: 'Annotation ID' }, kind: 'text', width: 20, value: (r) => r.annotation.id },
  { header: { zh: '批注人标识', en: 'Creator ID' }, kind: 'text', width: 20, value: (r) => r.annotation.creator?.id ?? '' },
];

const PAGE_KIND_LABELS: Record<PageRecord['kind'], LocalizedText> = {
  report: { zh: '报告', en: 'report' },
  document: { zh: '文件', en: 'document' },
  none: { zh: '其他', en: 'other' },
};

export interface PageRow {
  page: PageRecord;
  annotationCount: number;
}

export const pageColumns: readonly Column<PageRow>[] = [
  { header: { zh: '页面标题', en: 'Title' }, kind: 'text', width: 40, value: (r) => r.page.title },
  { header: { zh: '网址', en: 'URL' }, kind: 'text', width: 40, value: (r) => r.page.url },
  { header: { zh: '类型', en: 'Kind' }, kind: 'text', width: 8, value: (r, lang) => PAGE_KIND_LABELS[r.page.kind][lang] },
  { header: { zh: '发布机构', en: 'Issuing body' }, kind: 'text', width: 20, value: (r) => r.page.issuer ?? '' },
  { header: { zh: '发文字号', en: 'Document number' }, kind: 'text', width: 20, value: (r) => r.page.docNumber ?? '' },
  { header: { zh: '发布日期', en: 'Publication date' }, kind: 'date', width: 12, value: (r) => r.page.published ?? '' },
  { header: { zh: '批注数', en: 'Annotations' }, kind: 'number', width: 9, value: (r) => r.annotationCount },
  { header: { zh: '首次访问', en: 'First seen' }, kind: 'datetime', width: 20, value: (r) => r.page.firstSeen },
  { header: { zh: '最近访问', en: 'Last seen' }, kind: 'datetime', width: 20, value: (r) => r.page.lastSeen },
];

export const termColumns: readonly Column<Term>[] = [
  { header: { zh: '编号', en: 'Number' }, kind: 'text', width: 8, value: (t) => t.notation },
  { header: { zh: '中文名称', en: 'Label (zh)' }, kind: 'text', width: 24, value: (t) => t.label.zh },
  { header: { zh: '英文名称', en: 'Label (en)' }, kind: 'text', width: 24, value: (t) => t.label.en },
  { header: { zh: '说明（中文）', en: 'Scope note (zh)' }, kind: 'text', width: 30, value: (t) => t.scopeNote?.zh ?? '' },
  { header: { zh: '说明（英文）', en: 'Scope note (en)' }, kind: 'text', width: 30, value: (t) => t.scopeNote?.en ?? '' },
  { header: { zh: '颜色', en: 'Colour' }, kind: 'text', width: 9, value: (t) => t.color },
  { header: { zh: '快捷键', en: 'Shortcut' }, kind: 'text', width: 7, value: (t) => t.shortcut ?? '' },
  { header: { zh: '已停用', en: 'Retired' }, kind: 'text', width: 7, value: (t, lang) => (t.retired ? (lang === 'zh' ? '是' : 'yes') : '') },
  { header: { zh: '排序', en: 'Order' }, kind: 'number', width: 6, value: (t) => t.order },
  { header: { zh: '编码标识', en: 'Term ID' }, kind: 'text', width: 30, value: (t) => t.id },
  { header: { zh: '上级编码', en: 'Parent ID' }, kind: 'text', width: 30, value: (t) => t.parent ?? '' },
  { header: { zh: '类目', en: 'Scheme' }, kind: 'text', width: 30, value: (t) => t.scheme },
  { header: { zh: '编码表', en: 'Taxonomy' }, kind: 'text', width: 30, value: (t) => t.taxonomyId },
];

/** How the true number stands to the stated one, as the per-page exports word it. */
const BOUND_LABELS: Record<Bound, LocalizedText> = {
  exact: { zh: '确数', en: 'exact' },
  more: { zh: '多于', en: 'more than' },
  less: { zh: '少于', en: 'less than' },
  about: { zh: '大约', en: 'about' },
};

export const figureColumns: readonly Column<FigureRow>[] = [
  { header: { zh: '数字', en: 'Figure' }, kind: 'text', width: 14, value: (f) => f.text },
  { header: { zh: '数值', en: 'Value' }, kind: 'number', width: 14, value: (f) => f.value },
  { header: { zh: '单位', en: 'Unit' }, kind: 'text', width: 8, value: (f) => f.unit },
  { header: { zh: '约数', en: 'Approximate' }, kind: 'text', width: 6, value: (f) => f.approx },
  { header: { zh: '前置限定', en: 'Qualifier before' }, kind: 'text', width: 10, value: (f) => f.before },
  { header: { zh: '后置限定', en: 'Qualifier after' }, kind: 'text', width: 10, value: (f) => f.after },
  { header: { zh: '所在句子', en: 'Sentence' }, kind: 'text', width: 60, value: (f) => f.sentence },
  { header: { zh: '所在章节', en: 'Section' }, kind: 'text', width: 30, value: (f) => f.heading },
  // What the figure counts and its value normalised (indicators/): after the columns scripts already read.
  { header: { zh: '指标', en: 'Indicator' }, kind: 'text', width: 30, value: (f) => f.indicator },
  { header: { zh: '规范单位', en: 'Unit (normalised)' }, kind: 'text', width: 8, value: (f) => f.normalisedUnit },
  { header: { zh: '数值界限', en: 'Bound' }, kind: 'text', width: 8, value: (f, lang) => (f.bound ? BOUND_LABELS[f.bound][lang] : '') },
];

export const docNumberColumns: readonly Column<DocNumberRow>[] = [
  { header: { zh: '文号', en: 'Document number' }, kind: 'text', width: 24, value: (d) => d.text },
  { header: { zh: '机关代字', en: 'Agency code' }, kind: 'text', width: 14, value: (d) => d.agency },
  { header: { zh: '年份', en: 'Year' }, kind: 'number', width: 6, value: (d) => (d.year === '' ? '' : Number(d.year)) },
  { header: { zh: '序号', en: 'Serial' }, kind: 'text', width: 8, value: (d) => d.serial },
  { header: { zh: '所在句子', en: 'Sentence' }, kind: 'text', width: 60, value: (d) => d.sentence },
  { header: { zh: '所在章节', en: 'Section' }, kind: 'text', width: 30, value: (d) => d.heading },
];

// The agreement table's headers are the same in both languages: they are the column names the export promises
// (term, unit, coders, agreement, kappa, alpha) for scripts that read the file, not captions.
const fixed = (name: string): LocalizedText => ({ zh: name, en: name });

export const agreementColumns: readonly Column<AgreementTableRow>[] = [
  { header: fixed('term'), kind: 'text', width: 50, value: (r) => r.term },
  { header: fixed('unit'), kind: 'text', width: 10, value: (r) => r.unit },
  { header: fixed('coders'), kind: 'text', width: 30, value: (r) => r.coders },
  { header: fixed('agreement'), kind: 'number', width: 10, value: (r) => r.agreement ?? '' },
  { header: fixed('kappa'), kind: 'number', width: 10, value: (r) => r.kappa ?? '' },
  { header: fixed('alpha'), kind: 'number', width: 10, value: (r) => r.alpha ?? '' },
];

// The Indicators view's exports (library/indicator-table.ts): like the agreement table, headers that are the
// variable names a script reads (valid names in Stata and R), the same in both languages.
export const indicatorLongColumns: readonly Column<IndicatorLongRow>[] = [
  { header: fixed('issuer'), kind: 'text', width: 24, value: (r) => r.issuer },
  { header: fixed('year'), kind: 'number', width: 6, value: (r) => r.year },
  { header: fixed('indicator'), kind: 'text', width: 30, value: (r) => r.indicator },
  { header: fixed('indicator_as_written'), kind: 'text', width: 30, value: (r) => r.indicatorAsWritten },
  { header: fixed('value'), kind: 'number', width: 12, value: (r) => r.value },
  { header: fixed('unit'), kind: 'text', width: 6, value: (r) => r.unit },
  { header: fixed('qualifier'), kind: 'text', width: 8, value: (r) => r.qualifier },
  { header: fixed('qualifier_words'), kind: 'text', width: 8, value: (r) => r.qualifierWords },
  { header: fixed('figure'), kind: 'text', width: 12, value: (r) => r.figure },
  { header: fixed('sentence'), kind: 'text', width: 60, value: (r) => r.sentence },
  { header: fixed('title'), kind: 'text', width: 40, value: (r) => r.title },
  { header: fixed('url'), kind: 'text', width: 40, value: (r) => r.url },
  { header: fixed('link'), kind: 'text', width: 40, value: (r) => r.link },
];

/** indicator, issuer, unit, then a column per year named y2022, y2023… (a name may not start with a digit). */
export function indicatorWideColumns(years: readonly number[]): Column<IndicatorWideRow>[] {
  return [
    { header: fixed('indicator'), kind: 'text', width: 30, value: (r) => r.indicator },
    { header: fixed('issuer'), kind: 'text', width: 24, value: (r) => r.issuer },
    { header: fixed('unit'), kind: 'text', width: 6, value: (r) => r.unit },
    ...years.map((year): Column<IndicatorWideRow> => ({ header: fixed(`y${year}`), kind: 'number', width: 10, value: (r) => r.values.get(year) ?? '' })),
  ];
}
