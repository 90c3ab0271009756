// The Agreement tab: which coders, pages and terms to compare (ChoicePanel), then their figures (ReportView) or their
// disagreements to settle (AdjudicationView). Until the user chooses, the choice follows the library: every coder
// but the consensus coders, the pages two or more of them both coded, every term they applied.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { coderOf, type Coder } from '../../../agreement';
import { coderOptions, defaultCoderIds, defaultPages, type CoderOption } from '../../../library/agreement-coders';
import { AgreementCache, type AgreementChoice } from '../../../library/agreement-report';
import type { AnnotationChange } from '../../../library/adjudication-session';
import type { LibraryData } from '../../../library/load';
import type { PizhuDB } from '../../../storage/db';
import { ErrorMessage } from '../ErrorMessage';
import { bilingual, L, type Bilingual } from '../strings';
import { AdjudicationView } from './AdjudicationView';
import { ChoicePanel, type PageOption } from './ChoicePanel';
import { coderLabel } from './format';
import { ReportView } from './ReportView';
import './agreement.css';

export interface AgreementViewProps {
  db: PizhuDB;
  /** The library as loaded (null while it loads). */
  data: LibraryData | null;
  /** The adjudication wrote or deleted annotations (the consensus coder's): the table shows them at once. */
  onAnnotationsChanged: (change: AnnotationChange) => void;
}

type Sub = 'figures' | 'adjudication';

export function AgreementView({ db, data, onAnnotationsChanged }: AgreementViewProps) {
  const annotations = useMemo(() => data?.rows.map((r) => r.annotation) ?? [], [data]);
  const [options, setOptions] = useState<CoderOption[] | null>(null);
  const [optionsError, setOptionsError] = useState<Bilingual | null>(null);
  const [chosenCoders, setChosenCoders] = useState<string[] | null>(null);
  const [chosenPages, setChosenPages] = useState<string[] | null>(null);
  const [chosenTerms, setChosenTerms] = useState<string[] | null>(null);
  const [sub, setSub] = useState<Sub>('figures');
  const cache = useMemo(() => new AgreementCache(db), [db]);

  useEffect(() => {
    if (!data) return;
    let live = true;
    coderOptions(annotations).then(
      (o) => live && setOptions(o),
      (e) => live && setOptionsError(bilingual(e)),
    );
    return () => {
      live = false;
    };
  }, [data, annotations]);

  const byId = useMemo(() => new Map((options ?? []).map((c) => [c.id, c])), [options]);
  const coderIds = useMemo(
    () => (chosenCoders ?? (options ? defaultCoderIds(options) : [])).filter((id) => byId.has(id)),
    [chosenCoders, options, byId],
  );
  const coders: Coder[] = useMemo(() => coderIds.map((id) => ({ id, name: byId.get(id)!.name })), [coderIds, byId]);

  // Every page a chosen coder coded, with how many of them did: what the page list offers.
  const pageOptions: PageOption[] = useMemo(() => {
    const chosen = new Set(coderIds);
    const byPage = new Map<string, Set<string>>();
    for (const a of annotations) {
      const who = coderOf(a);
      if (!chosen.has(who)) continue;
      let s = byPage.get(a.pageUrl);
      if (!s) byPage.set(a.pageUrl, (s = new Set()));
      s.add(who);
    }
    return [...byPage].map(([url, s]) => ({ url, title: data?.pages.get(url)?.title || url, coders: s.size }));
  }, [annotations, coderIds, options, data]);
  const sharedPages = useMemo(() => defaultPages(annotations, coderIds), [annotations, coderIds]);
  const pages = useMemo(() => {
    if (!chosenPages) return sharedPages;
    const offered = new Set(pageOptions.map((p) => p.url));
    return chosenPages.filter((u) => offered.has(u));
  }, [chosenPages, sharedPages, pageOptions]);

  const termOptions = useMemo(() => {
    const chosen = new Set(coderIds);
    const onPages = new Set(pages);
    const found = new Set<string>();
    for (const a of annotations) if (onPages.has(a.pageUrl) && chosen.has(coderOf(a))) for (const t of a.terms) found.add(t);
    return [...found].sort();
  }, [annotations, coderIds, pages]);
  const terms = useMemo(() => chosenTerms?.filter((t) => termOptions.includes(t)), [chosenTerms, termOptions]);

  // One key for the choice, so that views recompute when it changes and not when the table's rows merely change.
  const choiceKey = JSON.stringify([coderIds, pages, terms ?? null]);
  const choice: AgreementChoice = useMemo(() => ({ coders, pages, terms }), [choiceKey]);

  if (!data) return <p class="lib-state" role="status">{L('AgrLoadingLibrary')}</p>;
  if (optionsError) return <ErrorMessage error={optionsError} />;
  if (!options) return <p class="lib-state" role="status">{L('AgrFindingCoders')}</p>;

  const real = options.filter((c) => !c.consensus);
  let blocked: preact.JSX.Element | null = null;
  if (real.length === 0) {
    blocked = (
      <div class="lib-empty" data-state="no-coders">
        <h2>{L('AgrNoCodersTitle')}</h2>
        <p>{L('AgrNoCodersHow')}</p>
      </div>
    );
  } else if (real.length === 1) {
    blocked = (
      <div class="lib-empty" data-state="one-coder">
        <h2>{L('AgrOneCoderTitle', [coderLabel(real[0])])}</h2>
        <p>{L('AgrNoCodersHow')}</p>
      </div>
    );
  } else if (coders.length < 2) {
    blocked = <p class="lib-state agr-blocked" data-state="choose-coders">{L('AgrChooseTwo')}</p>;
  } else if (pageOptions.length > 0 && sharedPages.length === 0 && !chosenPages) {
    blocked = <p class="lib-state agr-blocked" data-state="no-shared-pages">{L('AgrNoSharedPages')}</p>;
  } else if (pages.length === 0) {
    blocked = <p class="lib-state agr-blocked" data-state="no-pages">{L('AgrChoosePages')}</p>;
  } else if (terms && terms.length === 0) {
    blocked = <p class="lib-state agr-blocked" data-state="no-terms">{L('AgrChooseTerms')}</p>;
  }

  return (
    <div class="agr">
      {real.length >= 2 && (
        <ChoicePanel
          options={options}
          coderIds={coderIds}
          onCoders={(ids) => {
            setChosenCoders(ids);
            // The pages follow the coders: those the new choice shares.
            setChosenPages(null);
          }}
          pageOptions={pageOptions}
          pages={pages}
          onPages={setChosenPages}
          sharedCount={sharedPages.length}
          termOptions={termOptions}
          terms={terms}
          onTerms={setChosenTerms}
          termMap={data.terms}
        />
      )}
      {blocked ?? (
        <>
          <nav class="agr-subtabs" role="tablist" aria-label={L('AgrViews')}>
            {(['figures', 'adjudication'] as Sub[]).map((s) => (
              <button key={s} type="button" role="tab" aria-selected={sub === s} onClick={() => setSub(s)}>
                {L(s === 'figures' ? 'AgrTabFigures' : 'AgrTabAdjudication')}
              </button>
            ))}
          </nav>
          {sub === 'figures' ? (
            <ReportView cache={cache} annotations={annotations} choice={choice} choiceKey={choiceKey} data={data} />
          ) : (
            <AdjudicationView
              db={db}
              cache={cache}
              annotations={annotations}
              choice={choice}
              choiceKey={choiceKey}
              data={data}
              onAnnotationsChanged={onAnnotationsChanged}
            />
          )}
        </>
      )}
    </div>
  );
}
