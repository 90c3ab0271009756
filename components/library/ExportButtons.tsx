// Export of the annotations the table shows (all of them when nothing is filtered): W3C JSON-LD, CSV, Excel.
// The header language of CSV and Excel is chosen here, Chinese by default: the quotes, titles and bodies in the
// table are Chinese whatever the browser's language, and a Chinese header is what a colleague opening the file in
// WPS or Excel expects; English is for sharing with readers abroad.
import { useState } from 'preact/hooks';
import type { ExportContext, Lang } from '../../exchange/export-context';
import { csvBlob, exportFileName, jsonLdBlob } from '../../library/export-files';
import { xlsxBlob } from '../../library/xlsx-export';
import type { AnnotationRecord } from '../../model';
import { downloadBlob } from '../download';
import { L } from './strings';
import type { TaskControl } from './use-task';

const LANG_KEY = 'pizhu.library.exportLang';

function savedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

interface Props {
  annotations: () => readonly AnnotationRecord[];
  count: number;
  ctx: ExportContext;
  tasks: TaskControl;
  onDone: (message: string) => void;
}

type Format = 'jsonld' | 'csv' | 'xlsx';

export function ExportButtons({ annotations, count, ctx, tasks, onDone }: Props) {
  const [lang, setLang] = useState<Lang>(savedLang);
  const busy = tasks.task !== null;

  const exportAs = (format: Format) =>
    void tasks.run(L('Exporting', [format === 'jsonld' ? 'JSON-LD' : format === 'csv' ? 'CSV' : 'Excel']), async (signal, progress) => {
      const list = annotations();
      const options = { signal, onProgress: (done: number) => progress(done, list.length) };
      const started = performance.now();
      const blob =
        format === 'jsonld'
          ? await jsonLdBlob(list, ctx, options)
          : format === 'csv'
            ? await csvBlob(list, ctx, lang, options)
            : await xlsxBlob(list, ctx, lang, options);
      signal.throwIfAborted();
      const name = exportFileName(format);
      downloadBlob(blob, name);
      onDone(L('ExportDone', [name, list.length.toLocaleString(), ((performance.now() - started) / 1000).toFixed(1)]));
    });

  return (
    <section class="lib-export" aria-labelledby="lib-export-h">
      <h2 id="lib-export-h">{L('ExportHeading', [count.toLocaleString()])}</h2>
      <div class="lib-buttons">
        <button type="button" disabled={busy} onClick={() => exportAs('jsonld')}>{L('ExportJson')}</button>
        <button type="button" disabled={busy} onClick={() => exportAs('csv')}>{L('ExportCsv')}</button>
        <button type="button" disabled={busy} onClick={() => exportAs('xlsx')}>{L('ExportExcel')}</button>
        <label>
          <span>{L('HeaderLang')}</span>
          <select
            value={lang}
            onChange={(e) => {
              const next = e.currentTarget.value === 'en' ? 'en' : 'zh';
              setLang(next);
              try {
                localStorage.setItem(LANG_KEY, next);
              } catch {
                // Private mode without storage: the choice lasts for this page only.
              }
            }}
          >
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
    </section>
  );
}
