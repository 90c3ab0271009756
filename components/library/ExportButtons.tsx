// Export of the annotations the table shows (all of them when nothing is filtered): W3C JSON-LD, CSV, Excel, and a
// REFI-QDA project (.qdpx) for NVivo, MAXQDA, ATLAS.ti and QualCoder.
// The header language of CSV and Excel is chosen here, Chinese by default: the quotes, titles and bodies in the
// table are Chinese whatever the browser's language, and a Chinese header is what a colleague opening the file in
// WPS or Excel expects; English is for sharing with readers abroad.
import { useState } from 'preact/hooks';
import type { ExportContext, Lang } from '../../exchange/export-context';
import { csvBlob, exportFileName, jsonLdBlob } from '../../library/export-files';
import { xlsxBlob } from '../../library/xlsx-export';
import type { AnnotationRecord } from '../../model';
import type { PizhuDB } from '../../storage/db';
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
  db: PizhuDB;
  annotations: () => readonly AnnotationRecord[];
  count: number;
  ctx: ExportContext;
  tasks: TaskControl;
  onDone: (message: string) => void;
}

type Format = 'jsonld' | 'csv' | 'xlsx' | 'qdpx';

const FORMAT_NAMES: Record<Format, string> = { jsonld: 'JSON-LD', csv: 'CSV', xlsx: 'Excel', qdpx: 'REFI-QDA' };

export function ExportButtons({ db, annotations, count, ctx, tasks, onDone }: Props) {
  const [lang, setLang] = useState<Lang>(savedLang);
  const busy = tasks.task !== null;

  const exportAs = (format: Format) =>
    void tasks.run(L('Exporting', [FORMAT_NAMES[format]]), async (signal, progress) => {
      const list = annotations();
      const options = { signal, onProgress: (done: number) => progress(done, list.length) };
      const started = performance.now();
      let assembled = 0;
      let blob: Blob;
      if (format === 'qdpx') {
        // The project writer and the zip code load when first asked for, not with the page.
        const { qdpxBlob } = await import('../../library/qdpx-files');
        const project = await qdpxBlob(db, list, ctx, options);
        blob = project.blob;
        assembled = project.assembled.length;
      } else {
        blob =
          format === 'jsonld'
            ? await jsonLdBlob(list, ctx, options)
            : format === 'csv'
              ? await csvBlob(list, ctx, lang, options)
              : await xlsxBlob(list, ctx, lang, options);
      }
      signal.throwIfAborted();
      const name = exportFileName(format);
      downloadBlob(blob, name);
      const done = L('ExportDone', [name, list.length.toLocaleString(), ((performance.now() - started) / 1000).toFixed(1)]);
      onDone(assembled ? `${done} ${L('QdpxAssembled', [String(assembled)])}` : done);
    });

  return (
    <section class="lib-export" aria-labelledby="lib-export-h">
      <h2 id="lib-export-h">{L('ExportHeading', [count.toLocaleString()])}</h2>
      <div class="lib-buttons">
        <button type="button" disabled={busy} onClick={() => exportAs('jsonld')}>{L('ExportJson')}</button>
        <button type="button" disabled={busy} onClick={() => exportAs('csv')}>{L('ExportCsv')}</button>
        <button type="button" disabled={busy} onClick={() => exportAs('xlsx')}>{L('ExportExcel')}</button>
        <button type="button" disabled={busy} onClick={() => exportAs('qdpx')}>{L('ExportQdpx')}</button>
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
