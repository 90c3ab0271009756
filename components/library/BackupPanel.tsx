// Full backup and restore. Restore replaces the whole database (see library/backup.ts for why), so the page shows
// what the backup holds against what is here now and asks before doing it.
import { useState } from 'preact/hooks';
import { backupJson, countRecords, restoreBackup, type BackupTables } from '../../library/backup';
import { exportFileName } from '../../library/export-files';
import { readBackupFile } from '../../library/read-file';
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

interface Pending {
  fileName: string;
  exported: string;
  tables: BackupTables;
}

export function BackupPanel({ db, tasks, currentCount, onRestored, onMessage }: Props) {
  const [pending, setPending] = useState<Pending | null>(null);
  const busy = tasks.task !== null;

  const backup = () =>
    void tasks.run(L('BackupWriting'), async (signal, progress) => {
      const parts: string[] = [];
      for await (const chunk of backupJson(db, {
        signal,
        onProgress: async (done, total) => {
          progress(done, total);
          await yieldToPage();
        },
      })) {
        parts.push(chunk);
      }
      const name = exportFileName('backup');
      downloadBlob(new Blob(parts, { type: 'application/json' }), name);
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

  const restore = () => {
    if (!pending) return;
    const { tables } = pending;
    void tasks.run(L('RestoreWriting'), async (signal, progress) => {
      await restoreBackup(db, tables, { signal, onProgress: (done, total) => progress(done, total) });
      setPending(null);
      onRestored(L('RestoreDone', [tables.annotations.length.toLocaleString()]));
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
