import type { AnnotationRecord } from '../../../model';

let serial = 0;

/** A fresh database name per test, so that tests never see each other's rows. */
export function freshName(): string {
  serial += 1;
  return `pizhu-test-${process.pid}-${serial}-${Math.random().toString(36).slice(2)}`;
}

export function annotation(id: string, pageUrl: string, created: string, terms: string[] = []): AnnotationRecord {
  return {
    id,
    pageUrl,
    sourceUrl: `${pageUrl}?from=test`,
    quote: { exact: `quote ${id}`, prefix: '前文', suffix: '后文' },
    position: { start: 10, end: 20 },
    terms,
    note: '',
    created,
    modified: created,
  };
}
