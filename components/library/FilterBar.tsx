// Search and filters above the table. The search box applies after a short pause in typing, since each change
// filters up to 100,000 rows.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { isFiltered, type LibraryQuery } from '../../library/query';
import type { Agent, PageRecord, Term } from '../../model';
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
  /** The coders of the annotations, by IRI: the coder filter shows when there are any. */
  coders?: ReadonlyMap<string, Agent>;
}

// One collator for every comparison: localeCompare(b, 'zh') builds one per call, which made sorting the labels of
// 1,000 imported terms a task of a few hundred milliseconds.
const byLabel = new Intl.Collator('zh');

export function FilterBar({ query, onChange, pages, terms, usedTerms, usedPages, coders }: Props) {
  const [text, setText] = useState(query.text);
  useEffect(() => setText(query.text), [query.text]);
  useEffect(() => {
    if (text === query.text) return;
    const timer = setTimeout(() => onChange({ ...query, text }), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const set = (patch: Partial<LibraryQuery>) => onChange({ ...query, ...patch });
  // Sorted once per change of the lists, not on every keystroke in the search box.
  const termOptions = useMemo(
    () =>
      [...usedTerms]
        .map((id) => ({ value: id, label: terms.get(id) ? `${terms.get(id)!.notation} ${terms.get(id)!.label.zh || terms.get(id)!.label.en}` : id }))
        .sort((a, b) => byLabel.compare(a.label, b.label)),
    [usedTerms, terms],
  );
  const pageOptions = useMemo(
    () => [...usedPages].map((url) => ({ value: url, label: pages.get(url)?.title || url })).sort((a, b) => byLabel.compare(a.label, b.label)),
    [usedPages, pages],
  );
  return (
    <div class="lib-filters" role="search">
      <label class="lib-search">
        <span>{L('Search')}</span>
        <input type="search" value={text} placeholder={L('SearchPlaceholder')} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <label>
        <span>{L('FilterTerm')}</span>
        <OnDemandSelect value={query.term} options={termOptions} onChange={(term) => set({ term })} />
      </label>
      <label>
        <span>{L('FilterPage')}</span>
        <OnDemandSelect value={query.page} options={pageOptions} onChange={(page) => set({ page })} class="lib-page-select" />
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
            {[...coders].sort((a, b) => byLabel.compare(a[1].name, b[1].name)).map(([id, { name }]) => (
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

/**
 * A select whose full list is built when it is about to be used (pointer down or focus), not with every render of
 * the page: after an import, a list of a thousand terms or pages as <option>s was a long task of its own.
 */
function OnDemandSelect({ value, options, onChange, class: className }: {
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  class?: string;
}) {
  const [open, setOpen] = useState(false);
  const shown = open ? options : options.filter((o) => o.value === value);
  return (
    <select value={value} class={className} onPointerDown={() => setOpen(true)} onFocus={() => setOpen(true)}
      onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{L('Any')}</option>
      {shown.map((o) => (
        <option key={o.value} value={o.value}>{o.label}</option>
      ))}
    </select>
  );
}
