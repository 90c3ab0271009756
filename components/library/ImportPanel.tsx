// Import of a W3C annotation file: choose → read and check (off the page's thread) → preview of what would change,
// what the reading rewrote, and, when the file does not say who made its annotations, whose they are → confirm →
// one transaction. Any problem is shown by name and leaves the database as it was.
import { useState } from 'preact/hooks';
import type { ImportNotices } from '../../exchange/jsonld-import';
import { MAX_FOREIGN_CHARS } from '../../exchange/bounds';
import { applyImport, previewImport, type ImportPreview, type ParsedImport } from '../../library/import-file';
import { readAnnotationFile, type ReadStage } from '../../library/read-file';
import type { Agent, Coder } from '../../model';
import { cleanCoderName } from '../../storage/coder';
import type { PizhuDB } from '../../storage/db';
import { newUuidIri } from '../../model';
import { L } from './strings';
import type { TaskControl } from './use-task';

interface Props {
  db: PizhuDB;
  tasks: TaskControl;
  /** This browser's coder. */
  me: Coder | null;
  /** Other coders the library already holds annotations of, to credit a colleague's file to them again. */
  colleagues: readonly Agent[];
  onImported: (message: string) => void;
}

interface Pending {
  fileName: string;
  parsed: ParsedImport;
  preview: ImportPreview;
}

/** Whose the annotations the file credits to nobody are: mine, a colleague's already here, or a newly named one's. */
type Whose = { kind: 'me' } | { kind: 'known'; agent: Agent } | { kind: 'new'; name: string };

const STAGE_LABELS: Record<ReadStage, string> = { reading: 'StageReading', parsing: 'StageParsing', receiving: 'StageReceiving' };

const NOTICES: [keyof ImportNotices, string][] = [
  ['newIds', 'NoticeNewIds'],
  ['viaKept', 'NoticeViaKept'],
  ['datesNormalised', 'NoticeDates'],
  ['irisNormalised', 'NoticeIris'],
  ['listsFlattened', 'NoticeLists'],
  ['partsInvalid', 'NoticeInvalid'],
  ['partsTooLarge', 'NoticeTooLarge'],
];

function coderOf(whose: Whose | null, me: Coder | null): Agent | undefined {
  if (!whose) return undefined;
  if (whose.kind === 'me') return me ? { id: me.id, name: me.name } : undefined;
  if (whose.kind === 'known') return whose.agent;
  const name = cleanCoderName(whose.name);
  return name ? { id: newUuidIri(), name } : undefined;
}

export function ImportPanel({ db, tasks, me, colleagues, onImported }: Props) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [whose, setWhose] = useState<Whose | null>(null);
  const busy = tasks.task !== null;

  const choose = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setPending(null);
    setWhose(null);
    void tasks.run(L('StageReading'), async (signal, progress) => {
      // A REFI-QDA project (.qdpx) goes to its own reader, loaded when first needed.
      const parsed = /\.qdpx$/i.test(file.name)
        ? await (await import('../../library/qdpx-files')).readQdpxFile(db, file, { signal })
        : await readAnnotationFile(file, {
            signal,
            onStage: (stage, done, total) => progress(done ?? 0, total, L(STAGE_LABELS[stage])),
          });
      signal.throwIfAborted();
      progress(0, parsed.annotations.length, L('StageComparing'));
      const preview = await previewImport(db, parsed, { signal, onProgress: (done) => progress(done, parsed.annotations.length) });
      setPending({ fileName: file.name, parsed, preview });
    });
  };

  const asked = (pending?.preview.uncredited ?? 0) > 0;
  const coder = coderOf(whose, me);
  const ready = !asked || coder !== undefined;

  const confirm = () => {
    if (!pending || !ready) return;
    const { parsed, preview } = pending;
    void tasks.run(L('StageWriting'), async (signal, progress) => {
      const outcome = await applyImport(db, parsed, {
        signal,
        onProgress: progress,
        unchanged: new Set(preview.unchangedIds),
        credited: preview.credited,
        coder: asked ? coder : undefined,
      });
      setPending(null);
      setWhose(null);
      const done = L('ImportDone', [outcome.annotations.toLocaleString(), String(outcome.pages), String(outcome.terms)]);
      onImported(outcome.unchanged ? `${done} ${L('ImportUnchanged', [outcome.unchanged.toLocaleString()])}` : done);
    });
  };

  const notices = pending ? NOTICES.filter(([key]) => pending.parsed.notices[key] > 0) : [];
  const uncredited = pending?.preview.uncredited ?? 0;

  return (
    <section class="lib-import" aria-labelledby="lib-import-h">
      <h2 id="lib-import-h">{L('ImportHeading')}</h2>
      <label class="lib-file">
        <span>{L('ImportChoose')}</span>
        <input
          type="file"
          accept=".jsonld,.json,application/ld+json,application/json,.qdpx"
          disabled={busy}
          onChange={(e) => choose(e.currentTarget)}
        />
      </label>
      <p class="lib-hint">{L('ImportHint')}</p>
      {pending && (
        <div class="lib-preview" role="region" aria-label={L('PreviewLabel')}>
          <p>
            <strong>{pending.fileName}</strong>: {L('PreviewTotal', [pending.preview.total.toLocaleString()])}
          </p>
          <ul>
            <li data-count="new">{L('PreviewNew', [pending.preview.new.toLocaleString()])}</li>
            <li data-count="unchanged">{L('PreviewUnchanged', [pending.preview.unchanged.toLocaleString()])}</li>
            <li data-count="changed">{L('PreviewChanged', [pending.preview.changed.toLocaleString()])}</li>
            <li>{L('PreviewPages', [pending.preview.pages.toLocaleString()])}</li>
            {pending.preview.newTerms > 0 && <li>{L('PreviewTerms', [String(pending.preview.newTerms)])}</li>}
          </ul>
          {notices.length > 0 && (
            <ul class="lib-notices" aria-label={L('NoticesLabel')}>
              {notices.map(([key, message]) => (
                <li key={key} data-notice={key}>
                  {L(message, [pending.parsed.notices[key].toLocaleString(), String(MAX_FOREIGN_CHARS / 1024)])}
                </li>
              ))}
            </ul>
          )}
          {asked && (
            <fieldset class="lib-whose">
              <legend>{L(uncredited === 1 ? 'WhoseOne' : 'WhoseMany', [uncredited.toLocaleString()])}</legend>
              <label>
                <input type="radio" name="whose" checked={whose?.kind === 'me'} onChange={() => setWhose({ kind: 'me' })} />{' '}
                {L('WhoseMine', [me?.name || L('CoderUnnamed')])}
              </label>
              {colleagues.map((agent) => (
                <label key={agent.id}>
                  <input
                    type="radio"
                    name="whose"
                    checked={whose?.kind === 'known' && whose.agent.id === agent.id}
                    onChange={() => setWhose({ kind: 'known', agent })}
                  />{' '}
                  {agent.name || agent.id}
                </label>
              ))}
              <label>
                <input
                  type="radio"
                  name="whose"
                  checked={whose?.kind === 'new'}
                  onChange={() => setWhose({ kind: 'new', name: whose?.kind === 'new' ? whose.name : '' })}
                />{' '}
                {L('WhoseColleague')}{' '}
                <input
                  type="text"
                  maxLength={256}
                  aria-label={L('WhoseColleagueName')}
                  placeholder={L('WhoseColleagueName')}
                  value={whose?.kind === 'new' ? whose.name : ''}
                  onInput={(e) => setWhose({ kind: 'new', name: e.currentTarget.value })}
                />
              </label>
              {!ready && <p class="lib-hint">{L('WhoseRequired')}</p>}
            </fieldset>
          )}
          {pending.parsed.warnings.length > 0 && (
            <details>
              <summary>{L('PreviewWarnings', [String(pending.parsed.warnings.length)])}</summary>
              <ul>
                {pending.parsed.warnings.slice(0, 20).map((w) => (
                  <li key={w}><code>{w}</code></li>
                ))}
              </ul>
            </details>
          )}
          <div class="lib-buttons">
            <button type="button" class="lib-primary" disabled={busy || !ready} onClick={confirm}>
              {L('ConfirmImport')}
            </button>
            <button type="button" disabled={busy} onClick={() => setPending(null)}>
              {L('Cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
