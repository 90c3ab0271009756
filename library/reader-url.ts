// The reader of a stored copy is an extension page, reader.html?page=<page key>[&annotation=<id>]: the side panel
// opens it for an orphan, the library for a row. The page key is the normalised URL the page is stored under.

export interface ReaderTarget {
  page: string;
  annotation?: string;
}

/** The reader's path inside the extension (browser.runtime.getURL makes it a URL). */
export function readerPath(page: string, annotation?: string): `/reader.html?${string}` {
  const params = new URLSearchParams({ page });
  if (annotation) params.set('annotation', annotation);
  return `/reader.html?${params}`;
}

/** What the reader was asked to open; null when no page is named. */
export function readerTarget(search: string): ReaderTarget | null {
  const params = new URLSearchParams(search);
  const page = params.get('page')?.trim();
  if (!page) return null;
  const annotation = params.get('annotation')?.trim();
  return annotation ? { page, annotation } : { page };
}
