export interface ReportParts {
  title: string;
  /** The metadata table's markup, or ''. */
  metadata: string;
  /** The document's own number from the metadata table (文号), or ''. */
  number: string;
  paragraphs: string[];
  signature: string[];
}

export interface PageTemplate {
  /** Used in the names of served pages: zhangdian-2017-report--wechat. */
  slug: string;
  name: string;
  render(parts: ReportParts): string;
}

export function partsOf(doc: Document): ReportParts;
export const TEMPLATES: PageTemplate[];
