// The disagreements of the chosen coders, page by page, to settle: each passage as every coder marked it, and the
// choices accept one coder's / merge / neither. Each decision is kept in the database with the consensus coder's
// annotations it gives (library/adjudication-session.ts), which the library's table shows at once and which export
// like anyone's. Progress: how many disagreements are left.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Disagreement, Resolution } from '../../../agreement';
import { AdjudicationSession, type AnnotationChange } from '../../../library/adjudication-session';
import type { AgreementCache, AgreementChoice } from '../../../library/agreement-report';
import { isAbort } from '../../../library/abort';
import type { LibraryData } from '../../../library/load';
import type { AnnotationRecord } from '../../../model';
import type { PizhuDB } from '../../../storage/db';
import { ErrorMessage } from '../ErrorMessage';
import { ProgressBar } from '../ProgressBar';
import { bilingual, L, type Bilingual } from '../strings';
import { coderLabel, Ln, termColor, termLabel } from './format';
import { PassageSides } from './PassageSides';

interface Props {
  db: PizhuDB;
  cache: AgreementCache;
  annotations: readonly AnnotationRecord[];
  choice: AgreementChoice;
  choiceKey: string;
  data: LibraryData;
  onAnnotationsChanged: (change: AnnotationChange) => void;
}

type Opening = { stage: 'texts' | 'pages'; done: number; total: number };

function sameResolution(a: Resolution | undefined, b: Resolution): boolean {
  return !!a && a.choice === b.choice && (a.choice !== 'accept' || (b.choice === 'accept' && a.coder === b.coder));
}

export function AdjudicationView({ db, cache, annotations, choice, choiceKey, data, onAnnotationsChanged }: Props) {
  const [session, setSession] = useState<AdjudicationSession | null>(null);
  const [opening, setOpening] = useState<Opening | null>({ stage: 'texts', done: 0, total: 0 });
  const [error, setError] = useState<Bilingual | null>(null);
  const [actionError, setActionError] = useState<Bilingual | null>(null);
  const [, setVersion] = useState(0);
  const [pageUrl, setPageUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The session reads the annotations once and keeps its own (it writes the consensus coder's): the table's rows
  // changing after a decision must not open it again.
  const latest = useRef(annotations);
  latest.current = annotations;
  const names = useMemo(() => new Map(choice.coders.map((c) => [c.id, coderLabel(c)])), [choice]);

  useEffect(() => {
    const controller = new AbortController();
    let lastPaint = 0;
    setSession(null);
    setError(null);
    setOpening({ stage: 'texts', done: 0, total: 0 });
    AdjudicationSession.open(db, cache.texts, latest.current, choice, {
      consensusName: L('AgrConsensusName', [choice.coders.map(coderLabel).join(L('AgrListSeparator'))]),
      signal: controller.signal,
      onProgress: (stage, done, total) => {
        const now = performance.now();
        if (now - lastPaint > 100 || done === total) {
          lastPaint = now;
          setOpening({ stage, done, total });
        }
      },
    }).then(
      (s) => {
        if (controller.signal.aborted) return;
        setSession(s);
        setOpening(null);
        const first = s.pages.find((p) => p.progress.left > 0) ?? s.pages.find((p) => p.items.length > 0);
        setPageUrl(first?.pageUrl ?? null);
      },
      (e) => {
        if (isAbort(e, controller.signal)) return;
        setOpening(null);
        setError(bilingual(e));
      },
    );
    return () => controller.abort(new DOMException('superseded', 'AbortError'));
  }, [choiceKey, db, cache]);

  /** Runs one write; whether it succeeded (a failure is shown, and nothing of it was kept). */
  const act = async (key: string, work: () => Promise<AnnotationChange>): Promise<boolean> => {
    setBusy(key);
    setActionError(null);
    setNotice(null);
    try {
      onAnnotationsChanged(await work());
      setVersion((v) => v + 1);
      return true;
    } catch (e) {
      setActionError(bilingual(e));
      return false;
    } finally {
      setBusy(null);
    }
  };
  const decide = (item: Disagreement, r: Resolution | null) =>
    act(item.key, async () => (await session!.decide(item.pageUrl, item.key, r)).change);

  if (error) return <ErrorMessage error={error} />;
  if (opening || !session) {
    const o = opening ?? { stage: 'texts', done: 0, total: 0 };
    return <ProgressBar task={{ label: L(o.stage === 'texts' ? 'AgrReadingTexts' : 'AdjFinding'), done: o.done, total: o.total || undefined }} />;
  }

  const progress = session.progress();
  const withItems = session.pages.filter((p) => p.items.length > 0);
  const agreed = session.agreedToWrite();
  const page = withItems.find((p) => p.pageUrl === pageUrl) ?? withItems[0];
  const title = (url: string) => data.pages.get(url)?.title || url;
  const text = page ? session.textOf(page.pageUrl) ?? '' : '';

  return (
    <div class="adj">
      <div class="adj-head">
        <output id="adjudication-left" data-left={progress.left} data-total={progress.total} aria-live="polite">
          {progress.total === 0 ? L('AdjNone') : L('AdjLeft', [progress.left.toLocaleString(), progress.total.toLocaleString()])}
        </output>
        {progress.total > 0 && <progress max={progress.total} value={progress.resolved} />}
        <span class="lib-hint">{L('AdjConsensusIs', [session.consensus.name])}</span>
      </div>
      {session.missingText.length > 0 && <p class="lib-warning">{Ln('AdjMissingText', session.missingText.length)}</p>}
      {session.staleAtOpen > 0 && <p class="lib-warning">{Ln('AdjStale', session.staleAtOpen)}</p>}
      {agreed.length > 0 && (
        <p class="lib-state">
          {Ln('AdjAgreedPages', agreed.length)}{' '}
          <button type="button" disabled={busy !== null} onClick={() => void act('agreed', () => session.writeAgreed()).then((ok) => ok && setNotice(L('AdjAgreedWritten')))}>
            {L('AdjWriteAgreed')}
          </button>
        </p>
      )}
      {notice && <p class="lib-notice" role="status">{notice}</p>}
      {actionError && <ErrorMessage error={actionError} onDismiss={() => setActionError(null)} />}
      {withItems.length > 0 && page && (
        <div class="adj-body">
          <nav class="adj-pages" aria-label={L('AdjPages')}>
            <ul>
              {withItems.map((p) => (
                <li key={p.pageUrl}>
                  <button type="button" class="lib-link" aria-current={p.pageUrl === page.pageUrl ? 'page' : undefined} title={p.pageUrl} onClick={() => setPageUrl(p.pageUrl)}>
                    {title(p.pageUrl)}
                  </button>
                  <span class={p.progress.left ? 'lib-hint' : 'lib-hint adj-done'}>{L('AdjPageLeft', [String(p.progress.left), String(p.progress.total)])}</span>
                </li>
              ))}
            </ul>
          </nav>
          <section class="adj-page" aria-labelledby="adj-page-h">
            <h3 id="adj-page-h">{title(page.pageUrl)}</h3>
            {page.items.map((item, n) => {
              const r = item.resolution;
              const choices: [Resolution, string][] = [
                ...item.sides.map((s): [Resolution, string] => [{ choice: 'accept', coder: s.coder }, L('AdjAccept', [names.get(s.coder) ?? s.coder])]),
                [{ choice: 'merge' }, L('AdjMerge')],
                [{ choice: 'neither' }, L('AdjNeither')],
              ];
              return (
                <article key={item.key} class={r ? 'adj-item adj-resolved' : 'adj-item'} data-key={item.key} data-resolved={r ? r.choice : undefined} aria-labelledby={`adj-item-${n}`}>
                  <h4 id={`adj-item-${n}`}>
                    {L('AdjItem', [String(n + 1), String(page.items.length)])}{' '}
                    {item.disputed.map((t) => (
                      <span key={t} class="lib-chip" style={{ borderColor: termColor(data.terms, t) }}>{termLabel(data.terms, t)}</span>
                    ))}
                    {r && <span class="adj-status">{L('AdjDecided', [choices.find(([c]) => sameResolution(r, c))?.[1] ?? r.choice])}</span>}
                  </h4>
                  <PassageSides item={item} text={text} names={names} terms={data.terms} />
                  <div class="lib-buttons">
                    {choices.map(([c, label]) => (
                      <button key={label} type="button" aria-pressed={sameResolution(r, c)} disabled={busy !== null} onClick={() => void decide(item, c)}>
                        {label}
                      </button>
                    ))}
                    {r && (
                      <button type="button" class="lib-link" disabled={busy !== null} onClick={() => void decide(item, null)}>
                        {L('AdjReopen')}
                      </button>
                    )}
                  </div>
                </article>
              );
            })}
          </section>
        </div>
      )}
    </div>
  );
}
