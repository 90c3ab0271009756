import type { AnnotationRecord, PageRecord } from '../../../storage/model';

let serial = 0;
export function freshName(): string {
  serial += 1;
  return `pizhu-library-test-${process.pid}-${serial}-${Math.random().toString(36).slice(2)}`;
}

export const PAGE: PageRecord = {
  url: 'http://www.zhangxian.gov.cn/zwgk/2024/fzzf.html',
  title: '张县2023年法治政府建设情况报告',
  kind: 'report',
  docNumber: '张政字〔2024〕3号',
  issuer: '张县人民政府',
  published: '2024-03-28',
  firstSeen: '2024-04-01T02:03:04.000Z',
  lastSeen: '2024-04-02T02:03:04.000Z',
};

export function annotation(n: number, patch: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    pageUrl: PAGE.url,
    sourceUrl: PAGE.url,
    quote: { exact: `引文${n}`, prefix: '前', suffix: '后' },
    position: { start: n, end: n + 3 },
    terms: [],
    note: '',
    created: `2024-04-${String(n).padStart(2, '0')}T08:00:00.000Z`,
    modified: `2024-04-${String(n).padStart(2, '0')}T08:00:00.000Z`,
    ...patch,
  };
}
