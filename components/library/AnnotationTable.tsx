// The library's table: one row per annotation, sortable by any column header, windowed (VirtualTable). Activating a
// row (click, Enter) opens its page at the passage in a new tab, when the page is a web page (http or https); the
// row's own button opens the page's stored copy (the reader) at the annotation instead.
import { browser } from '#imports';
import type { LibraryQuery, SortKey } from '../../library/query';
import { readerPath } from '../../library/reader-url';
import type { LibraryRow } from '../../library/rows';
import { textFragmentUrl, webPageUrl } from '../../library/text-fragment';
import type { Term } from '../../model';
import { L } from './strings';
import { VirtualTable } from './VirtualTable';

export const ROW_HEIGHT = 40;

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'title', label: 'ColTitle' },
  { key: 'issuer', label: 'ColIssuer' },
  { key: 'docNumber', label: 'ColDocNumber' },
  { key: 'quote', label: 'ColQuote' },
  { key: 'terms', label: 'ColTerms' },
  { key: 'note', label: 'ColNote' },
  { key: 'created', label: 'ColCreated' },
  { key: 'modified', label: 'ColModified' },
];

/** The web page an annotation can be opened at (its source, else its page), or undefined when neither is one. */
function pageToOpen(row: LibraryRow): string | undefined {
  const { sourceUrl, pageUrl } = row.annotation;
  return webPageUrl(sourceUrl) ?? webPageUrl(pageUrl);
}

/** Opens an http(s) page at the passage; any other URL is not opened, and `refused` hears of it. */
export function openAnnotation(row: LibraryRow, refused: (url: string) => void): void {
  const page = pageToOpen(row);
  if (!page) return refused(row.annotation.sourceUrl || row.annotation.pageUrl);
  const url = textFragmentUrl(page, row.annotation.quote?.exact ?? '');
  // tabs.create needs no permission; window.open is the fallback where the API is missing.
  Promise.resolve()
    .then(() => browser.tabs.create({ url }))
    .catch(() => window.open(url, '_blank', 'noopener'));
}

/** The page as Pizhu stored it, at the annotation, in a new tab: also when the live page has changed or gone. */
export function openStoredCopy(row: LibraryRow): void {
  const url = browser.runtime.getURL(readerPath(row.annotation.pageUrl, row.annotation.id));
  Promise.resolve()
    .then(() => browser.tabs.create({ url }))
    .catch(() => window.open(url, '_blank', 'noopener'));
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

interface Props {
  rows: readonly LibraryRow[];
  terms: ReadonlyMap<string, Term>;
  query: LibraryQuery;
  onSort: (key: SortKey) => void;
  /** A row whose URL is not a web page was activated: it was not opened. */
  onNotOpened: (url: string) => void;
}

export function AnnotationTable({ rows, terms, query, onSort, onNotOpened }: Props) {
  const header = (
    <div class="lib-row lib-head" role="row" aria-rowindex={1}>
      {COLUMNS.map((c) => {
        const sorted = query.sort === c.key;
        return (
          <div role="columnheader" key={c.key} aria-sort={sorted ? (query.descending ? 'descending' : 'ascending') : 'none'}>
            <button type="button" onClick={() => onSort(c.key)}>
              {L(c.label)}
              {sorted ? (query.descending ? ' ▼' : ' ▲') : ''}
            </button>
          </div>
        );
      })}
    </div>
  );
  return (
    <VirtualTable
      rows={rows}
      rowHeight={ROW_HEIGHT}
      label={L('TableLabel')}
      header={header}
      resetKey={rows}
      renderRow={(row, index, style) => {
        const a = row.annotation;
        const opens = pageToOpen(row) !== undefined;
        // Not a web page: the address itself is shown, as text, so that the reader sees what it is.
        const title = opens ? row.page?.title || a.pageUrl : a.sourceUrl || a.pageUrl;
        return (
          <div
            key={a.id}
            class={opens ? 'lib-row' : 'lib-row lib-row-inert'}
            role="row"
            aria-rowindex={index + 2}
            tabIndex={0}
            style={style}
            title={opens ? L('OpenHint') : L('NotOpenedHint')}
            data-id={a.id}
            data-opens={opens}
            onClick={() => openAnnotation(row, onNotOpened)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') openAnnotation(row, onNotOpened);
            }}
          >
            <div role="cell" class="lib-title-cell" title={title}>
              <button
                type="button"
                class="lib-stored"
                aria-label={L('ReadStored')}
                title={L('ReadStored')}
                // The row's own click and Enter open the live page: the button's stay with the button.
                onClick={(e) => {
                  e.stopPropagation();
                  openStoredCopy(row);
                }}
                onKeyDown={(e) => e.stopPropagation()}
              >
                {L('ReadStoredShort')}
              </button>
              <span class="lib-title-text">{title}</span>
            </div>
            <div role="cell">{row.page?.issuer ?? ''}</div>
            <div role="cell">{row.page?.docNumber ?? ''}</div>
            <div role="cell" class="lib-quote" title={a.quote?.exact}>{a.quote?.exact ?? ''}</div>
            <div role="cell" class="lib-terms">
              {a.terms.map((id) => {
                const term = terms.get(id);
                return (
                  <span key={id} class="lib-chip" style={{ borderColor: term?.color ?? '#888' }}>
                    {term?.label.zh || term?.label.en || id}
                  </span>
                );
              })}
            </div>
            <div role="cell" title={a.note}>{a.note}</div>
            <div role="cell">{when(a.created)}</div>
            <div role="cell">{when(a.modified)}</div>
          </div>
        );
      }}
    />
  );
}
