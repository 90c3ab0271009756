// The Team tab: joining a team's CouchDB database (its URL, the user's CouchDB name and password), the sync's status
// (connected, or the server's own reason for refusing; last sync, changes waiting, problems in words), the
// conflicts with every version side by side to keep one or merge, whose annotations pages draw, and leaving.
import { useEffect, useState } from 'preact/hooks';
import type { TeamApi } from '../../library/team-api';
import type { Agent, AnnotationRecord, CoderDisplay, Taxonomy, Term } from '../../model';
import type { ConflictVersion, ConflictView, TeamStatus } from '../../sync/status';
import { ErrorMessage } from './ErrorMessage';
import { bilingual, L, Ln, type Bilingual } from './strings';

export interface TeamPanelProps {
  api: TeamApi;
  terms: ReadonlyMap<string, Term>;
  /** Coders seen in the library's annotations, by IRI, for the choice of whose to draw. */
  coders: ReadonlyMap<string, Agent>;
}

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

export function TeamPanel({ api, terms, coders }: TeamPanelProps) {
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflicts, setConflicts] = useState<ConflictView[]>([]);

  useEffect(() => {
    void api.status().then(setStatus, (e: unknown) => setError(bilingual(e)));
    return api.onStatus(setStatus);
  }, [api]);
  const conflictCount = status?.conflicts ?? 0;
  useEffect(() => {
    if (!status || status.state === 'off' || status.state === 'invalid') return setConflicts([]);
    void api.conflicts().then(setConflicts, (e: unknown) => setError(bilingual(e)));
  }, [api, conflictCount, status?.state]);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(bilingual(e));
    } finally {
      setBusy(false);
    }
  };

  if (!status) return <p class="lib-state">{L('TeamLoading')}</p>;
  const inTeam = status.state !== 'off' && status.state !== 'invalid';
  return (
    <div class="lib-team">
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {inTeam ? (
        <>
          <Status status={status} />
          <Problems status={status} />
          <Conflicts conflicts={conflicts} terms={terms} editor={status.editor === true} busy={busy}
            onResolve={(id, resolution) => act(async () => {
              await api.resolve(id, resolution);
              setConflicts(await api.conflicts());
            })} />
          <CoderChoice api={api} coders={coders} />
          <section>
            <h2>{L('TeamLeaveTitle')}</h2>
            <p class="lib-hint">{L('TeamLeaveHint')}</p>
            <button type="button" class="lib-danger" disabled={busy} onClick={() => void act(async () => setStatus(await api.leave()))}>
              {L('TeamLeave')}
            </button>
          </section>
        </>
      ) : (
        <JoinForm status={status} busy={busy} onJoin={(input) => act(async () => setStatus(await api.join(input)))} />
      )}
    </div>
  );
}

function JoinForm({ status, busy, onJoin }: { status: TeamStatus; busy: boolean; onJoin: (input: { url: string; username: string; password: string }) => void }) {
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <section>
      <h2>{L('TeamJoinTitle')}</h2>
      <p class="lib-hint">{L('TeamJoinHint')}</p>
      {status.state === 'invalid' && status.problem && <ErrorMessage error={status.problem} />}
      <form class="lib-team-form" onSubmit={(e) => {
        e.preventDefault();
        onJoin({ url, username, password });
      }}>
        <label><span>{L('TeamUrl')}</span>
          <input type="url" required value={url} placeholder="https://couch.example.edu/fzzf-team" onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label><span>{L('TeamUser')}</span>
          <input type="text" autocomplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label><span>{L('TeamPassword')}</span>
          <input type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <button type="submit" class="lib-primary" disabled={busy || !url.trim()}>{L('TeamJoin')}</button>
      </form>
    </section>
  );
}

function Status({ status }: { status: TeamStatus }) {
  const pending = status.pending.local + status.pending.push + status.pending.pull;
  const role = status.editor === undefined ? '—' : L(status.editor ? 'TeamRoleEditor' : 'TeamRoleCoder');
  return (
    <section>
      <h2>{L('TeamTitle')}</h2>
      <p class="lib-team-state" data-state={status.state} role="status">{L(`TeamState_${status.state}`)}</p>
      {status.state === 'refused' && status.serverReason && (
        <p class="lib-team-reason">{L('TeamServerSaid')} <q lang="en">{status.serverReason}</q></p>
      )}
      <dl class="lib-team-facts">
        <dt>{L('TeamUrl')}</dt><dd><code>{status.url}</code></dd>
        <dt>{L('TeamUser')}</dt><dd>{status.username ?? '—'}</dd>
        <dt>{L('TeamRole')}</dt><dd>{role}</dd>
        <dt>{L('TeamLastSync')}</dt><dd class="lib-team-last">{when(status.lastSync)}</dd>
        <dt>{L('TeamPending')}</dt><dd class="lib-team-pending" data-pending={pending}>{pending.toLocaleString()}</dd>
      </dl>
    </section>
  );
}

function Problems({ status }: { status: TeamStatus }) {
  const notes: string[] = [];
  if (status.refusedCodebook.length) notes.push(L('TeamRefusedCodebook', [status.refusedCodebook.slice(0, 5).join('、')]));
  if (status.denied.length) notes.push(Ln('TeamDenied', status.denied.length, [status.denied[0].reason]));
  if (status.newer) notes.push(Ln('TeamNewer', status.newer));
  if (status.rejected) notes.push(Ln('TeamRejected', status.rejected));
  if (status.unsendable) notes.push(Ln('TeamUnsendable', status.unsendable));
  if (!status.problem && notes.length === 0) return null;
  return (
    <section class="lib-team-problems" aria-live="polite">
      {status.problem && <ErrorMessage error={status.problem} />}
      {notes.map((n) => <p key={n} class="lib-warning">{n}</p>)}
    </section>
  );
}

function termLabel(terms: ReadonlyMap<string, Term>, id: string): string {
  const term = terms.get(id);
  return term ? `${term.notation} ${term.label.zh || term.label.en}` : id;
}

function Version({ kind, version, terms }: { kind: ConflictView['kind']; version: ConflictVersion; terms: ReadonlyMap<string, Term> }) {
  const r = version.record;
  if (!r) return <p class="lib-hint">{L('TeamUnreadable')}</p>;
  if (kind === 'annotation') {
    const a = r as AnnotationRecord;
    return (
      <dl>
        <dt>{L('ColQuote')}</dt><dd>{a.quote?.exact ?? '—'}</dd>
        <dt>{L('ColTerms')}</dt><dd>{a.terms.map((t) => termLabel(terms, t)).join('；') || '—'}</dd>
        <dt>{L('ColNote')}</dt><dd class="lib-team-note">{a.note || '—'}</dd>
        <dt>{L('TeamWho')}</dt><dd>{version.by ?? '—'}{a.creator?.name ? ` · ${L('TeamCoder', [a.creator.name])}` : ''}</dd>
        <dt>{L('TeamWhen')}</dt><dd>{when(a.modified)}</dd>
      </dl>
    );
  }
  if (kind === 'term') {
    const t = r as Term;
    return (
      <dl>
        <dt>{L('TeamTermLabel')}</dt><dd>{t.notation} {t.label.zh} / {t.label.en}</dd>
        <dt>{L('TaxColour')}</dt><dd><span class="lib-chip" style={{ borderColor: t.color }}>{t.color}</span></dd>
        <dt>{L('TeamWho')}</dt><dd>{version.by ?? '—'}</dd>
        {t.retired && <dd>{L('TeamRetired')}</dd>}
      </dl>
    );
  }
  const x = r as Taxonomy;
  return (
    <dl>
      <dt>{L('TeamTermLabel')}</dt><dd>{x.label.zh} / {x.label.en}</dd>
      <dt>{L('TeamWho')}</dt><dd>{version.by ?? '—'}</dd>
      <dt>{L('TeamWhen')}</dt><dd>{when(x.modified)}</dd>
    </dl>
  );
}

function Conflicts({ conflicts, terms, editor, busy, onResolve }: {
  conflicts: ConflictView[];
  terms: ReadonlyMap<string, Term>;
  editor: boolean;
  busy: boolean;
  onResolve: (id: string, resolution: { keep: string } | { merge: true }) => void;
}) {
  return (
    <section class="lib-conflicts">
      <h2>{L('TeamConflicts', [String(conflicts.length)])}</h2>
      {conflicts.length === 0 && <p class="lib-hint">{L('TeamNoConflicts')}</p>}
      {conflicts.length > 0 && <p class="lib-hint">{L('TeamConflictsHint')}</p>}
      {conflicts.map((c) => {
        const locked = c.kind !== 'annotation' && !editor;
        return (
          <article key={c.id} class="lib-conflict" data-id={c.id}>
            <h3>{L(`TeamKind_${c.kind}`)}</h3>
            <div class="lib-versions">
              {c.versions.map((v, i) => (
                <div key={v.rev} class="lib-version-box">
                  <h4>{L('TeamVersion', [String(i + 1)])}</h4>
                  <Version kind={c.kind} version={v} terms={terms} />
                  <button type="button" disabled={busy || locked} onClick={() => onResolve(c.id, { keep: v.rev })}>{L('TeamKeepThis')}</button>
                </div>
              ))}
            </div>
            {c.canMerge && <button type="button" class="lib-primary" disabled={busy} onClick={() => onResolve(c.id, { merge: true })}>{L('TeamMerge')}</button>}
            {locked && <p class="lib-hint">{L('TeamEditorsOnly')}</p>}
          </article>
        );
      })}
    </section>
  );
}

function CoderChoice({ api, coders }: { api: TeamApi; coders: ReadonlyMap<string, Agent> }) {
  const [display, setDisplay] = useState<CoderDisplay | null>(null);
  useEffect(() => void api.coderDisplay().then(setDisplay), [api]);
  if (!display) return null;
  const set = (next: CoderDisplay) => {
    setDisplay(next);
    void api.setCoderDisplay(next);
  };
  return (
    <section>
      <h2>{L('TeamShowTitle')}</h2>
      <div class="lib-buttons" role="radiogroup">
        {(['everyone', 'mine', 'chosen'] as const).map((show) => (
          <label key={show}>
            <input type="radio" name="coders" checked={display.show === show} onChange={() => set({ ...display, show })} /> {L(`TeamShow_${show}`)}
          </label>
        ))}
      </div>
      {display.show === 'chosen' && (
        <ul class="lib-coders">
          {[...coders].map(([id, { name }]) => (
            <li key={id}>
              <label>
                <input type="checkbox" checked={display.chosen.includes(id)}
                  onChange={(e) => set({ ...display, chosen: e.currentTarget.checked ? [...display.chosen, id] : display.chosen.filter((c) => c !== id) })} />
                {' '}{name || id}
              </label>
            </li>
          ))}
          {coders.size === 0 && <li class="lib-hint">{L('TeamNoCoders')}</li>}
        </ul>
      )}
    </section>
  );
}
