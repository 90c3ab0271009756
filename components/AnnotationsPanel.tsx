// The page's annotations in document order, with their terms and notes; filter by term; click to scroll to the
// passage. Annotations that could not be anchored are listed apart as orphans, never dropped, each with a way to
// the page's stored copy (the reader), where the text they were made on may still hold them.
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { browser } from '#imports';
import { readerPath } from '../library/reader-url';
import { tabs, type AnnotationItem } from '../messaging';
import type { Term } from '../model';
import type { TabInfo } from './active-tab';
import { t } from './i18n';
import { useTabRequest } from './use-tab-request';

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
      <span class="quote">{record.quote?.exact ?? record.sourceUrl}</span>
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

/** Opens the reader of the page's stored copy at an annotation, in a new tab. */
function openStoredCopy(pageUrl: string, id: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(readerPath(pageUrl, id)) }).catch(() => {});
}

export function AnnotationsPanel({ tab }: { tab: TabInfo }) {
  const state = useTabRequest(tab, 'annotations:list', { refreshOn: ['annotations:changed', 'scan:done'] });
  const [filter, setFilter] = useState('');

  const list = state.status === 'ready' ? state.value : null;
  const terms = useMemo(() => new Map((list?.terms ?? []).map((x) => [x.id, x])), [list]);
  if (state.status === 'loading') return <p class="state" aria-busy="true">{t('panelLoading')}</p>;
  // No list: Pizhu is off on the site, or the annotations could not be read.
  if (!list) return <p class="state">{t('annotationsUnavailable')}</p>;
  const { items } = list;
  if (items.length === 0) return <p class="state">{t('annotationsEmpty')}</p>;

  const used = [...new Set(items.flatMap((i) => i.record.terms))].map((id) => terms.get(id)).filter((x): x is Term => !!x);
  const shown = filter ? items.filter((i) => i.record.terms.includes(filter)) : items;
  const anchored = shown.filter((i) => i.anchor);
  const orphans = shown.filter((i) => !i.anchor);
  return (
    <section class="annotations">
      <div class="toolbar">
        <span>{t('annotationsCount', String(items.length))}</span>
        <label>
          {t('annotationsFilter')}{' '}
          <select value={filter} onChange={(e) => setFilter(e.currentTarget.value)}>
            <option value="">{t('annotationsAll')}</option>
            {used.map((term) => (
              <option key={term.id} value={term.id}>
                {term.notation} {term.label.zh}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol class="annotation-list">
        {anchored.map((item) => (
          <Item key={item.record.id} item={item} terms={terms} onClick={() => void tabs.sendToTab(tab.id, 'annotations:reveal', { id: item.record.id }).catch(() => {})} />
        ))}
      </ol>
      {orphans.length > 0 && (
        <>
          <h2 class="orphans-head">{t('annotationsOrphans')}</h2>
          <ol class="annotation-list">
            {orphans.map((item) => (
              <Item key={item.record.id} item={item} terms={terms}>
                <button type="button" class="open-stored" title={t('annotationsOpenStoredHint')} onClick={() => openStoredCopy(item.record.pageUrl, item.record.id)}>
                  {t('annotationsOpenStored')}
                </button>
              </Item>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
