// One annotation as the lists show it (the side panel, the reader of a stored copy): its quote, its terms in their
// colours, its note. A module of its own, so that the reader does not load the side panel's actions with it.
import type { ComponentChildren } from 'preact';
import type { AnnotationItem } from '../messaging';
import type { Term } from '../model';
import { t } from './i18n';

export interface ItemProps {
  item: AnnotationItem;
  terms: ReadonlyMap<string, Term>;
  /** Scrolls to the passage; absent for an orphan, which has none. */
  onClick?: () => void;
  /** The annotation asked for (the reader opened at it). */
  current?: boolean;
  /** Shown after the annotation (an orphan's way to the stored copy). */
  children?: ComponentChildren;
}

/** One annotation as the lists show it: its quote, its terms in their colours, its note. */
export function Item({ item, terms, onClick, current, children }: ItemProps) {
  const { record } = item;
  const body = (
    <>
      <span class="quote">{record.quote?.exact ?? t('wholePage')}</span>
      <span class="terms">
        {record.terms.map((id) => {
          const term = terms.get(id);
          return (
            <span key={id} class="term-chip" style={{ borderColor: term?.color }}>
              <span class="dot" style={{ background: term?.color }} />
              {term ? `${term.notation} ${term.label.zh}` : id}
            </span>
          );
        })}
      </span>
      {record.note && <span class="note">{record.note}</span>}
    </>
  );
  return (
    <li class={current ? 'current' : undefined} aria-current={current ? 'true' : undefined} data-id={record.id}>
      {onClick ? <button type="button" class="annotation" onClick={onClick}>{body}</button> : <div class="annotation orphan">{body}</div>}
      {children}
    </li>
  );
}


export interface TermFilterProps {
  /** The annotations listed: the filter offers the terms they carry. */
  items: readonly { record: { terms: readonly string[] } }[];
  terms: ReadonlyMap<string, Term>;
  /** The chosen term's id; '' for every annotation. */
  value: string;
  onChange(value: string): void;
}

/** The lists' filter by term (the side panel's and the reader's), offering only the terms in use. */
export function TermFilter({ items, terms, value, onChange }: TermFilterProps) {
  const used = [...new Set(items.flatMap((i) => i.record.terms))].map((id) => terms.get(id)).filter((x): x is Term => !!x);
  return (
    <label>
      {t('annotationsFilter')}{' '}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('annotationsAll')}</option>
        {used.map((term) => (
          <option key={term.id} value={term.id}>
            {term.notation} {term.label.zh}
          </option>
        ))}
      </select>
    </label>
  );
}
