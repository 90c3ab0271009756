// Search and filters above the table. The search box applies after a short pause in typing, since each change
// filters up to 100,000 rows.
import { useEffect, useState } from 'preact/hooks';
import { isFiltered, type LibraryQuery } from '../../library/query';
import type { PageRecord, Term } from '../../model';
import { t } from '../i18n';
import { L } from './strings';

interface Props {
  query: LibraryQuery;
  onChange: (next: LibraryQuery) => void;
  pages: ReadonlyMap<string, PageRecord>;
  terms: ReadonlyMap<string, Term>;
  /** Term ids that occur in some annotation: only those are worth offering as a filter. */
  usedTerms: ReadonlySet<string>;
  usedPages: ReadonlySet<string>;
  /** The coders of the annotations (IRI → name): the coder filter shows when there are any. */
  coders?: ReadonlyMap<string, string>;
}

export function FilterBar({ query, onChange, pages, terms, usedTerms, usedPages, coders }: Props) {
  const [text, setText] = useState(query.text);
  useEffect(() => setText(query.text), [query.text]);
  useEffect(() => {
    if (text === query.text) return;
    const timer = setTimeout(() => onChange({ ...query, text }), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const set = (patch: Partial<LibraryQuery>) => onChange({ ...query, ...patch });
  const termOptions = [...usedTerms]
    .map((id) => ({ id, label: terms.get(id) ? `${terms.get(id)!.notation} ${terms.get(id)!.label.zh || terms.get(id)!.label.en}` : id }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
  const pageOptions = [...usedPages]
    .map((url) => ({ url, label: pages.get(url)?.title || url }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
  return (
    <div class="lib-filters" role="search">
      <label class="lib-search">
        <span>{L('Search')}</span>
        <input type="search" value={text} placeholder={L('SearchPlaceholder')} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <label>
        <span>{L('FilterTerm')}</span>
        <select value={query.term} onChange={(e) => set({ term: e.currentTarget.value })}>
          <option value="">{L('Any')}</option>
          {termOptions.map((o) => (
            <option key={o.id} value={o.id}>{o.label}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{L('FilterPage')}</span>
        <select value={query.page} onChange={(e) => set({ page: e.currentTarget.value })} class="lib-page-select">
          <option value="">{L('Any')}</option>
          {pageOptions.map((o) => (
            <option key={o.url} value={o.url}>{o.label}</option>
          ))}
        </select>
      </label>
      <label>
        <span>{L('FilterKind')}</span>
        <select value={query.kind} onChange={(e) => set({ kind: e.currentTarget.value as LibraryQuery['kind'] })}>
          <option value="">{L('Any')}</option>
          <option value="report">{t('kind_report')}</option>
          <option value="document">{t('kind_document')}</option>
          <option value="none">{t('kind_none')}</option>
        </select>
      </label>
      {coders && coders.size > 0 && (
        <label>
          <span>{L('FilterCoder')}</span>
          <select value={query.coder} onChange={(e) => set({ coder: e.currentTarget.value })} class="lib-coder-select">
            <option value="">{L('Any')}</option>
            {[...coders].sort((a, b) => a[1].localeCompare(b[1], 'zh')).map(([id, name]) => (
              <option key={id} value={id}>{name || id}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>{L('FilterFrom')}</span>
        <input type="date" value={query.from} onChange={(e) => set({ from: e.currentTarget.value })} />
      </label>
      <label>
        <span>{L('FilterTo')}</span>
        <input type="date" value={query.to} onChange={(e) => set({ to: e.currentTarget.value })} />
      </label>
      {isFiltered(query) && (
        <button type="button" onClick={() => onChange({ ...query, text: '', term: '', page: '', kind: '', coder: '', from: '', to: '' })}>
          {L('ClearFilters')}
        </button>
      )}
    </div>
  );
}
