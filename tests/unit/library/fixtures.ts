import type { AnnotationRecord } from '../../../model';
import { REPORT } from '../exchange/fixtures';

let serial = 0;
export function freshName(): string {
  serial += 1;
  return `pizhu-library-test-${process.pid}-${serial}-${Math.random().toString(36).slice(2)}`;
}

/** The report page the exchange tests use: one page record for both suites. */
export const PAGE = REPORT;

export function annotation(n: number, patch: Partial<AnnotationRecord> = {}): AnnotationRecord {
  // 2024-04-01 for 1, …, 2024-04-30 for 30, and on into May: a valid date for any n.
  const day = new Date(Date.UTC(2024, 3, n, 8)).toISOString();
  return {
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    pageUrl: PAGE.url,
    sourceUrl: PAGE.url,
    quote: { exact: `引文${n}`, prefix: '前', suffix: '后' },
    position: { start: n, end: n + 3 },
    terms: [],
    note: '',
    created: day,
    modified: day,
    ...patch,
  };
}
