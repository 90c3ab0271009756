// Full backup and restore. Restore replaces the whole database (see library/backup.ts for why), so the page shows
// what the backup holds against what is here now, asks before doing it, and downloads what it replaces first.
import { useState } from 'preact/hooks';
import { backupBlob, countRecords, holdsRecords, restoreBackup } from '../../library/backup';
import { exportFileName } from '../../library/export-files';
import { readBackupFile, type BackupFile } from '../../library/read-file';
import { yieldToPage } from '../../library/yield';
import type { PizhuDB } from '../../storage/db';
import { downloadBlob } from '../download';
import { L } from './strings';
import type { TaskControl } from './use-task';

interface Props {
  db: PizhuDB;
  tasks: TaskControl;
  currentCount: number;
  onRestored: (message: string) => void;
  onMessage: (message: string) => void;
}

interface Pending extends BackupFile {
  fileName: string;
}

/** Progress that also lets the page paint between batches of a backup being written. */
const breathing = (progress: (done: number, total?: number) => void) => async (done: number, total: number) => {
  progress(done, total);
  await yieldToPage();
};

export function BackupPanel({ db, tasks, currentCount, onRestored, onMessage }: Props) {
  const [pending, setPending] = useState<Pending | null>(null);
  const busy = tasks.task !== null;

  const backup = () =>
    void tasks.run(L('BackupWriting'), async (signal, progress) => {
      const name = exportFileName('backup');
      downloadBlob(await backupBlob(db, { signal, onProgress: breathing(progress) }), name);
      onMessage(L('BackupDone', [name]));
    });

  const choose = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setPending(null);
    void tasks.run(L('StageReading'), async (signal, progress) => {
      const read = await readBackupFile(file, { signal, onStage: (_s, done, total) => progress(done ?? 0, total) });
      setPending({ fileName: file.name, ...read });
    });
  };

  // The file was checked in full when it was chosen (readBackup: its counts, every record). Before it replaces
  // anything, what it replaces is downloaded as a backup of its own; the restore itself is one transaction.
  const restore = () => {
    if (!pending) return;
    const { tables } = pending;
    void tasks.run(L('RestoreSaving'), async (signal, progress) => {
      let kept: string | undefined;
      if (await holdsRecords(db)) {
        const copy = await backupBlob(db, { signal, onProgress: breathing(progress) });
        kept = exportFileName('backup-before-restore');
        downloadBlob(copy, kept);
      }
      progress(0, countRecords(tables), L('RestoreWriting'));
      await restoreBackup(db, tables, { signal, onProgress: (done, total) => progress(done, total) });
      setPending(null);
      const done = L('RestoreDone', [tables.annotations.length.toLocaleString()]);
      onRestored(kept ? `${done} ${L('RestoreKept', [kept])}` : done);
    });
  };

  return (
    <div class="lib-backup">
      <section aria-labelledby="lib-backup-h">
        <h2 id="lib-backup-h">{L('BackupHeading')}</h2>
        <p>{L('BackupExplain')}</p>
        <button type="button" disabled={busy} onClick={backup}>{L('BackupDownload')}</button>
      </section>
      <section aria-labelledby="lib-restore-h">
        <h2 id="lib-restore-h">{L('RestoreHeading')}</h2>
        <p>{L('RestoreExplain')}</p>
        <label class="lib-file">
          <span>{L('RestoreChoose')}</span>
          <input type="file" accept=".json,application/json" disabled={busy} onChange={(e) => choose(e.currentTarget)} />
        </label>
        {pending && (
          <div class="lib-preview" role="region" aria-label={L('RestoreHeading')}>
            <p>
              {L('RestorePreview', [
                pending.fileName,
                pending.exported,
                pending.tables.annotations.length.toLocaleString(),
                pending.tables.pages.length.toLocaleString(),
                pending.tables.terms.length.toLocaleString(),
              ])}
            </p>
            {pending.repaired > 0 && <p>{L('RestoreRepaired', [pending.repaired.toLocaleString()])}</p>}
            <p class="lib-warning">{L('RestoreWarning', [currentCount.toLocaleString(), countRecords(pending.tables).toLocaleString()])}</p>
            <div class="lib-buttons">
              <button type="button" class="lib-danger" disabled={busy} onClick={restore}>{L('RestoreConfirm')}</button>
              <button type="button" disabled={busy} onClick={() => setPending(null)}>{L('Cancel')}</button>
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
