// Import of a W3C annotation file: choose → read and check (off the page's thread) → preview of what would change →
// confirm → one transaction. Any problem is shown by name and leaves the database as it was.
import { useState } from 'preact/hooks';
import { applyImport, previewImport, type ImportPreview, type ParsedImport } from '../../library/import-file';
import { readAnnotationFile, type ReadStage } from '../../library/read-file';
import type { PizhuDB } from '../../storage/db';
import { L } from './strings';
import type { TaskControl } from './use-task';

interface Props {
  db: PizhuDB;
  tasks: TaskControl;
  onImported: (message: string) => void;
}

interface Pending {
  fileName: string;
  parsed: ParsedImport;
  preview: ImportPreview;
}

const STAGE_LABELS: Record<ReadStage, string> = { reading: 'StageReading', parsing: 'StageParsing', receiving: 'StageReceiving' };

export function ImportPanel({ db, tasks, onImported }: Props) {
  const [pending, setPending] = useState<Pending | null>(null);
  const busy = tasks.task !== null;

  const choose = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setPending(null);
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

  const confirm = () => {
    if (!pending) return;
    const { parsed, preview } = pending;
    void tasks.run(L('StageWriting'), async (signal, progress) => {
      const outcome = await applyImport(db, parsed, { signal, onProgress: progress, unchanged: new Set(preview.unchangedIds) });
      setPending(null);
      const done = L('ImportDone', [outcome.annotations.toLocaleString(), String(outcome.pages), String(outcome.terms)]);
      onImported(outcome.unchanged ? `${done} ${L('ImportUnchanged', [outcome.unchanged.toLocaleString()])}` : done);
    });
  };

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
            <button type="button" class="lib-primary" disabled={busy} onClick={confirm}>
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
