// Study mode: how the report on the page is built, for trainees — its parts under their conventional names, its
// document numbers taken apart, the documents it cites, how its format compares with GB/T 9704-2012, and where
// its figures are. Everything is computed by the content script from its scan (messaging/study.ts); the panel
// only shows it and asks the page to scroll or draw.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { events, tabs } from '../../messaging';
import type { StudyView } from '../../study/view';
import type { TabInfo } from '../active-tab';
import { useTabRequest } from '../use-tab-request';
import { loadStudyMode } from './load-study';
import { ConventionNotes } from './ConventionNotes';
import { CitedDocuments, OwnNumber } from './DocNumbers';
import { FigureChart } from './FigureChart';
import { t, uiLang, type Lang } from '../i18n';
import { OutlineTree } from './OutlineTree';
import type { Reveal } from './reveal';
import './study.css';


export interface StudyContentProps {
  /** null: Pizhu is off on the site, so there is no scan to study. */
  view: StudyView | null;
  lang: Lang;
  drawn: boolean;
  onDraw: (on: boolean) => void;
  reveal: Reveal;
}

function Section({ title, count, children }: { title: string; count?: number; children: ComponentChildren }) {
  return (
    <details class="study-section" open>
      <summary>
        {title}
        {count !== undefined && <span class="count"> {count}</span>}
      </summary>
      {children}
    </details>
  );
}

/** The study view as shown, apart from any messaging (render tests give it a view directly). */
export function StudyContent({ view, lang, drawn, onDraw, reveal }: StudyContentProps) {
  if (!view) return <p class="state">{t('studyOff')}</p>;
  if (view.kind === 'none') return <p class="state">{t('studyNotAReport')}</p>;
  const { outline } = view;
  return (
    <section class="study">
      <header class="page-head">
        <span class={`kind kind-${view.kind}`}>{t(`kind_${view.kind}`)}</span>
        <h1>{view.title}</h1>
      </header>
      <label class="study-draw">
        <input type="checkbox" checked={drawn} disabled={outline.nodes.length === 0} onChange={(e) => onDraw(e.currentTarget.checked)} />
        {t('studyDraw')}
      </label>

      <Section title={t('studyOutline')}>
        {outline.nodes.length === 0 ? (
          <p class="state quiet">{t('studyOutlineEmpty')}</p>
        ) : (
          <>
            <p class="quiet">{t('studyOutlineHint')}</p>
            <OutlineTree nodes={outline.nodes} lang={lang} reveal={reveal} label={t('studyOutline')} />
          </>
        )}
      </Section>

      <Section title={t('studyOwnNumber')}>
        <OwnNumber own={view.own} lang={lang} reveal={reveal} />
      </Section>

      <Section title={t('studyCited')} count={view.cited.length}>
        <CitedDocuments cited={view.cited} lang={lang} reveal={reveal} />
      </Section>

      <Section title={t('studyNotes')} count={view.notes.length}>
        <ConventionNotes notes={view.notes} lang={lang} reveal={reveal} />
      </Section>

      <Section title={t('studyFigures')} count={view.figures.total}>
        <FigureChart figures={view.figures} lang={lang} reveal={reveal} />
      </Section>
    </section>
  );
}

export function StudyPanel({ tab }: { tab: TabInfo }) {
  // A rescan (the page reloaded, Pizhu switched back on for the site) brings a new view.
  const state = useTabRequest(tab, 'study:get', { refreshOn: ['scan:done'], prepare: loadStudyMode });
  const [drawn, setDrawn] = useState(false);
  const lang = useMemo(uiLang, []);
  const drawnRef = useRef(false);
  drawnRef.current = drawn;

  useEffect(() => {
    setDrawn(false);
    // A new scan has no drawing on it.
    const unlisten = events.on('scan:done', (_data, sender) => sender.tabId === tab.id && setDrawn(false));
    return () => {
      unlisten();
      // Leaving study mode (or this tab) takes the drawing off the page: it belongs to study mode.
      if (drawnRef.current) void tabs.sendToTab(tab.id, 'study:draw', { on: false }).catch(() => {});
    };
  }, [tab.id, tab.url]);

  if (state.status === 'loading') return <p class="state" aria-busy="true">{t('studyLoading')}</p>;
  if (state.status === 'unavailable') return <p class="state">{t('studyUnavailable')}</p>;

  const onDraw = (on: boolean) => {
    setDrawn(on);
    tabs.sendToTab(tab.id, 'study:draw', { on }).catch(() => setDrawn(false));
  };
  const reveal: Reveal = (start, end) => void tabs.sendToTab(tab.id, 'study:reveal', { start, end }).catch(() => {});
  return <StudyContent view={state.value} lang={lang} drawn={drawn} onDraw={onDraw} reveal={reveal} />;
}
