// A stored copy, read: the text in its paragraphs and headings with the recognised items and tagged passages
// drawn on it (a card for an item under the pointer or the caret), and beside it the page's annotations (click to
// go to the passage; those the stored text cannot place either, apart) and the study view of the report. The text
// pane and the side pane keep their own state, so that neither redraws the other: both speak to the ReaderView.
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReaderTarget } from '../../library/reader-url';
import type { StoredPage } from '../../library/stored-page';
import type { PageRecord, Term } from '../../model';
import type { StoredReading } from '../../reading/read';
import { studyPart, studySize } from '../../reading/study-part';
import type { Match } from '../../recognition/types';
import { t, uiLang } from '../i18n';
import { MatchCard } from '../MatchCard';
import cardCss from '../match-card.css?inline';
import { StudyContent } from '../study/StudyPanel';
import { PageHead } from './PageHead';
import { ReaderAnnotations } from './ReaderAnnotations';
import { ReaderView, readerEntries } from './reader-view';

interface Props {
  stored: StoredPage & { page: PageRecord & { snapshot: string } };
  reading: StoredReading;
  target: ReaderTarget;
}

export function StoredReader({ stored, reading, target }: Props) {
  const view = useMemo(() => {
    const terms = new Map<string, Term>(stored.terms.map((x) => [x.id, x]));
    return new ReaderView(stored.page.snapshot, reading, readerEntries(stored.annotations, reading.anchors), terms);
  }, [stored, reading]);
  const [ready, setReady] = useState(false);
  useEffect(() => () => view.dispose(), [view]);

  const counts = { docno: 0, figure: 0, date: 0 };
  for (const m of reading.matches) counts[m.category]++;
  return (
    <div class="reader" data-state={ready ? 'ready' : 'laying'}>
      <PageHead page={stored.page} url={stored.url}>
        <p class="reader-counts">{t('readerCounts', [String(counts.docno), String(counts.figure), String(counts.date)])}</p>
        {!reading.structureKept && <p class="reader-note">{t('readerStructureFromText')}</p>}
      </PageHead>
      <div class="reader-body">
        <TextPane view={view} onReady={() => setReady(true)} target={target} />
        <SidePane view={view} reading={reading} ready={ready} target={target} />
      </div>
    </div>
  );
}

/** The text: laid out once, a card for the item under the pointer or the caret, a click on a passage picks it. */
function TextPane({ view, onReady, target }: { view: ReaderView; onReady: () => void; target: ReaderTarget }) {
  const container = useRef<HTMLDivElement>(null);
  const [laying, setLaying] = useState<[number, number] | null>([0, 0]);
  const [card, setCard] = useState<{ match: Match; rect: DOMRect } | null>(null);
  const frame = useRef(0);

  useEffect(() => {
    const abort = new AbortController();
    let lastPaint = 0;
    view
      .layout(container.current!, (done, total) => {
        if (performance.now() - lastPaint > 100 || done === total) {
          lastPaint = performance.now();
          setLaying([done, total]);
        }
      }, abort.signal)
      .then(() => {
        if (abort.signal.aborted) return;
        setLaying(null);
        onReady();
        // Opened at an annotation (the side panel's orphan, the library's row): its passage, when it has one here.
        if (target.annotation) view.revealAnnotation(target.annotation);
        // From the page's start to a text ready to read (the bench reads it).
        performance.measure('pizhu:reader');
      });
    return () => abort.abort();
  }, [view]);

  useEffect(() => {
    const onSelection = () => {
      if (view.ready) setCard(view.matchAtSelection(document.getSelection()));
    };
    // The card stands where the item was: a scroll leaves it behind, so it goes.
    const onScroll = () => setCard(null);
    document.addEventListener('selectionchange', onSelection);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      document.removeEventListener('selectionchange', onSelection);
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame.current);
    };
  }, [view]);

  const onMove = (e: MouseEvent) => {
    const { clientX: x, clientY: y } = e;
    // One hit test per frame however many moves arrive.
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setCard(view.matchAtPoint(x, y)));
  };
  const onClick = (e: MouseEvent) => {
    if (!document.getSelection()?.isCollapsed) return;
    const id = view.annotationAtPoint(e.clientX, e.clientY);
    if (id) view.select(id);
  };

  return (
    <article class="reader-text" lang="zh-CN" onMouseMove={onMove} onMouseLeave={() => setCard(null)} onClick={onClick}>
      {laying && (
        <p class="state" role="status" aria-busy="true">
          {laying[1] ? t('readerLaying', [laying[0].toLocaleString(), laying[1].toLocaleString()]) : t('readerLoading')}
        </p>
      )}
      <div class="reader-lines" ref={container} />
      {card && <Card match={card.match} rect={card.rect} />}
    </article>
  );
}

/**
 * The card of the item under the pointer or the caret, the same as on a live page, in a shadow root of its own as
 * there: its stylesheet's bare element rules (dl, dd) stay off the reader's lists.
 */
function Card({ match, rect }: { match: Match; rect: DOMRect }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current!;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    // Below the item when there is room, above it otherwise.
    const below = rect.bottom + 150 < window.innerHeight;
    const top = below ? rect.bottom + 6 : Math.max(4, rect.top - 146);
    const left = Math.max(4, Math.min(rect.left, window.innerWidth - 330));
    render(
      <>
        <style>{cardCss}</style>
        <div style={{ position: 'fixed', zIndex: 10, pointerEvents: 'none', top: 0, left: 0, transform: `translate(${left}px, ${top}px)` }}>
          <MatchCard match={match} />
        </div>
      </>,
      root,
    );
  }, [match, rect]);
  useEffect(() => () => void (host.current?.shadowRoot && render(null, host.current.shadowRoot)), []);
  return <div class="reader-card" ref={host} />;
}

type Tab = 'annotations' | 'study';

/**
 * A report's study view is shown whole up to this many items in a list (a long report has a few hundred outline
 * parts). A megabyte's holds thousands (outline parts, mentions, figure rows), which take a third of a second of
 * CPU to lay out (npm run bench -- reader): of such a view, the first STUDY_FIRST items of each list are shown,
 * and the rest when asked for.
 */
const STUDY_WHOLE = 300;
const STUDY_FIRST = 50;

function SidePane({ view, reading, ready, target }: { view: ReaderView; reading: StoredReading; ready: boolean; target: ReaderTarget }) {
  const [tab, setTab] = useState<Tab>('annotations');
  const [drawn, setDrawn] = useState(false);
  const lang = useMemo(uiLang, []);
  useEffect(() => view.onSelect(() => setTab('annotations')), [view]);
  const [all, setAll] = useState(false);
  const size = useMemo(() => studySize(reading.study), [reading.study]);
  const study = useMemo(() => (all || size <= STUDY_WHOLE ? reading.study : studyPart(reading.study, STUDY_FIRST)), [reading.study, size, all]);
  return (
    <aside class="reader-side">
      <nav class="tabs" role="tablist">
        {(['annotations', 'study'] as Tab[]).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
            {t(name === 'annotations' ? 'tabAnnotations' : 'tabStudy')}
          </button>
        ))}
      </nav>
      <div class="reader-side-body">
        {tab === 'annotations' ? (
          <ReaderAnnotations view={view} ready={ready} initial={target.annotation} />
        ) : (
          <>
            {study !== reading.study && (
              <p class="reader-note" role="status">
                {t('readerStudyPart', String(STUDY_FIRST))}{' '}
                <button type="button" class="reader-more" onClick={() => setAll(true)}>{t('readerStudyAll', size.toLocaleString())}</button>
              </p>
            )}
            <StudyContent
              view={study}
              lang={lang}
              drawn={drawn}
              onDraw={(on) => {
                view.drawOutline(on);
                setDrawn(on);
              }}
              reveal={(start, end) => void view.revealSpan(start, end)}
            />
          </>
        )}
      </div>
    </aside>
  );
}
