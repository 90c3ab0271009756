// Records with the text a reader of Chinese government reports actually meets: full-width punctuation, quotes of
// both kinds, commas, line breaks, emoji and formula-looking cells.
import type { AnnotationRecord, PageRecord, Term } from '../../../model';

/** Annotations made in Pizhu: each has its passage and its position. */
export type OwnAnnotation = AnnotationRecord & Required<Pick<AnnotationRecord, 'quote' | 'position'>>;
import type { ExportContext } from '../../../exchange/export-context';

export const REPORT: PageRecord = {
  url: 'http://www.zhangxian.gov.cn/zwgk/2024/fzzf.html',
  title: '张县2023年法治政府建设情况报告',
  kind: 'report',
  docNumber: '张政字〔2024〕3号',
  issuer: '张县人民政府',
  published: '2024-03-28',
  firstSeen: '2024-04-01T02:03:04.000Z',
  lastSeen: '2024-04-02T02:03:04.000Z',
};

export const NOTICE: PageRecord = {
  url: 'http://www.gov.cn/zhengce/content/2021-08/11/content_5630802.htm',
  title: '法治政府建设实施纲要（2021－2025年）',
  kind: 'document',
  firstSeen: '2024-04-03T00:00:00.000Z',
  lastSeen: '2024-04-03T00:00:00.000Z',
};

export const TERMS: Term[] = [
  {
    id: 'urn:uuid:0b5c1d0e-0000-4000-8000-000000000001',
    taxonomyId: 'urn:uuid:0b5c1d0e-0000-4000-8000-0000000000aa',
    scheme: 'urn:uuid:0b5c1d0e-0000-4000-8000-0000000000bb',
    notation: '2.3',
    label: { zh: '重大行政决策', en: 'Major administrative decisions' },
    color: '#aa3300',
    scopeNote: { zh: '含“三重一大”事项', en: '' },
    parent: 'urn:uuid:0b5c1d0e-0000-4000-8000-000000000002',
    shortcut: 'j',
    order: 3,
  },
  {
    id: 'urn:uuid:0b5c1d0e-0000-4000-8000-000000000002',
    taxonomyId: 'urn:uuid:0b5c1d0e-0000-4000-8000-0000000000aa',
    scheme: 'urn:uuid:0b5c1d0e-0000-4000-8000-0000000000bb',
    notation: '2',
    label: { zh: '依法决策', en: 'Lawful decision-making' },
    color: '#3366ff',
    order: 1,
  },
  {
    id: 'urn:uuid:0b5c1d0e-0000-4000-8000-000000000003',
    taxonomyId: 'urn:uuid:0b5c1d0e-0000-4000-8000-0000000000aa',
    scheme: 'urn:uuid:0b5c1d0e-0000-4000-8000-0000000000cc',
    notation: '10',
    label: { zh: '', en: 'Only English, "quoted", with, commas' },
    color: '#00aa00',
    retired: true,
    order: 2,
  },
];

export const ANNOTATIONS: OwnAnnotation[] = [
  {
    id: 'urn:uuid:5d0a6b1c-1111-4aaa-8bbb-000000000001',
    pageUrl: REPORT.url,
    sourceUrl: `${REPORT.url}?from=timeline#p3`,
    quote: {
      exact: '全年共办理行政复议案件48件，纠错率达12.5%，“放管服”改革持续深化',
      prefix: '（二）',
      suffix: '。\n三、存在的问题',
    },
    position: { start: 1024, end: 1061 },
    terms: [TERMS[0].id, TERMS[1].id],
    note: '数字与去年报告不一致, 见第3页 "表1"\n第二行 👍🏽',
    creator: { name: '王小明' },
    created: '2024-04-01T02:10:00.000Z',
    modified: '2024-04-02T08:00:00.000Z',
  },
  {
    id: 'urn:uuid:5d0a6b1c-1111-4aaa-8bbb-000000000002',
    pageUrl: REPORT.url,
    sourceUrl: REPORT.url,
    quote: { exact: '=SUM(A1:A9)\n"危险"', prefix: '', suffix: '' },
    position: { start: 0, end: 16 },
    terms: [TERMS[2].id],
    note: '',
    creator: { id: 'mailto:li@example.org', name: 'Li, "Lee"' },
    created: '2024-04-01T03:00:00.000Z',
    modified: '2024-04-01T03:00:00.000Z',
  },
  {
    id: 'urn:uuid:5d0a6b1c-1111-4aaa-8bbb-000000000003',
    pageUrl: NOTICE.url,
    sourceUrl: NOTICE.url,
    quote: { exact: '+到2025年，政府行为全面纳入法治轨道', prefix: '-前文\r\n', suffix: '@后文\t' },
    position: { start: 7, end: 26 },
    terms: [],
    note: '只有备注，没有编码',
    created: '2024-04-03T00:00:00.000Z',
    modified: '2024-04-03T00:00:01.000Z',
  },
  {
    id: 'urn:uuid:5d0a6b1c-1111-4aaa-8bbb-000000000004',
    pageUrl: NOTICE.url,
    sourceUrl: NOTICE.url,
    quote: { exact: '法治政府', prefix: '建设', suffix: '' },
    position: { start: 30, end: 34 },
    terms: [],
    note: '',
    created: '2024-04-03T00:00:00.000Z',
    modified: '2024-04-03T00:00:00.000Z',
  },
];

export function context(): ExportContext {
  return {
    pages: new Map([REPORT, NOTICE].map((p) => [p.url, p])),
    terms: new Map(TERMS.map((t) => [t.id, t])),
  };
}

/** Synthetic annotations in bulk, each distinct, spread over a few hundred pages. */
export function* syntheticAnnotations(count: number): Generator<OwnAnnotation> {
  for (let i = 0; i < count; i++) {
    const hex = i.toString(16).padStart(12, '0');
    yield {
      id: `urn:uuid:00000000-0000-4000-8000-${hex}`,
      pageUrl: `http://www.example.gov.cn/report/${i % 300}.html`,
      sourceUrl: `http://www.example.gov.cn/report/${i % 300}.html`,
      quote: {
        exact: `第${i}项：全年办理行政复议案件${i % 97}件，“放管服”改革，持续深化`,
        prefix: '一、主要工作\n（一）',
        suffix: '。二、存在问题',
      },
      position: { start: i, end: i + 30 },
      terms: [TERMS[i % 2].id],
      note: i % 3 === 0 ? `备注 ${i}, "引号"` : '',
      creator: { name: '王小明' },
      created: '2024-04-01T02:10:00.000Z',
      modified: '2024-04-01T02:10:00.000Z',
    };
  }
}
