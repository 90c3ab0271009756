// The stored copy's annotations beside its text, as the side panel lists a live page's: in text order, filtered by
// term, a click goes to the passage; those the stored text cannot place either are listed apart, never dropped.
// A passage clicked in the text, or the annotation the reader was opened at, is the current one.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Item, TermFilter } from '../AnnotationItem';
import { t } from '../i18n';
import type { ReaderView } from './reader-view';

interface Props {
  view: ReaderView;
  /** Whether the text is laid out (before, a click has no passage to go to yet). */
  ready: boolean;
  /** The annotation the reader was opened at. */
  initial?: string;
}

export function ReaderAnnotations({ view, ready, initial }: Props) {
  const [filter, setFilter] = useState('');
  const [current, setCurrent] = useState(initial);
  const list = useRef<HTMLDivElement>(null);
  const { entries, terms } = view;

  useEffect(() => view.onSelect(setCurrent), [view]);
  useEffect(() => {
    if (!current) return;
    const item = [...(list.current?.querySelectorAll<HTMLElement>('li[data-id]') ?? [])].find((li) => li.dataset.id === current);
    item?.scrollIntoView({ block: 'nearest' });
  }, [current, filter]);

  if (entries.length === 0) return <p class="state">{t('readerAnnotationsEmpty')}</p>;
  const shown = filter ? entries.filter((e) => e.record.terms.includes(filter)) : entries;
  const anchored = shown.filter((e) => e.anchor);
  const orphans = shown.filter((e) => !e.anchor);
  const targetIsOrphan = !!initial && entries.some((e) => e.record.id === initial && !e.anchor);
  return (
    <section class="annotations" ref={list}>
      <div class="toolbar">
        <span>{t('readerAnnotationCount', String(entries.length))}</span>
        <TermFilter items={entries} terms={terms} value={filter} onChange={setFilter} />
      </div>
      {targetIsOrphan && <p class="reader-note" role="status">{t('readerOrphanTarget')}</p>}
      <ol class="annotation-list">
        {anchored.map((item) => (
          <Item
            key={item.record.id}
            item={item}
            terms={terms}
            current={item.record.id === current}
            onClick={() => {
              setCurrent(item.record.id);
              if (ready) view.revealAnnotation(item.record.id);
            }}
          />
        ))}
      </ol>
      {orphans.length > 0 && (
        <>
          <h2 class="orphans-head">{t('readerOrphans')}</h2>
          <ol class="annotation-list orphans">
            {orphans.map((item) => <Item key={item.record.id} item={item} terms={terms} current={item.record.id === current} />)}
          </ol>
        </>
      )}
    </section>
  );
}
