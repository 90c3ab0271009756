// Reads and parses a chosen file off the page's thread: File.text() and JSON.parse of an 85 MB export, and the
// check of 100,000 annotations, take seconds together. The File itself is posted here (a cheap handle, not the
// bytes). Results go back in batches, so that no single message costs the page a long structured clone.
import { parseW3CText, type ImportNotices } from '../exchange/jsonld-import';
import { readBackup, type BackupTables } from './backup';

export type ReadWorkerRequest = { kind: 'annotations' | 'backup'; file: File; maxBytes: number };

export type ReadWorkerReply =
  | { type: 'stage'; stage: 'reading' | 'parsing' }
  | { type: 'annotations-head'; total: number; pages: unknown[]; importedTerms: unknown[]; warnings: string[]; notices: ImportNotices }
  | { type: 'backup-head'; exported: string; tables: Omit<BackupTables, 'annotations'>; total: number }
  | { type: 'chunk'; annotations: unknown[] }
  | { type: 'done' }
  | { type: 'failed'; errors: string[] }
  | { type: 'backup-failed'; zh: string; en: string };

const CHUNK = 5000;
const post = (reply: ReadWorkerReply) => (self as unknown as Worker).postMessage(reply);

function sendChunks(annotations: unknown[]) {
  for (let i = 0; i < annotations.length; i += CHUNK) post({ type: 'chunk', annotations: annotations.slice(i, i + CHUNK) });
  post({ type: 'done' });
}

self.onmessage = async (event: MessageEvent<ReadWorkerRequest>) => {
  const { kind, file, maxBytes } = event.data;
  post({ type: 'stage', stage: 'reading' });
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    post({ type: 'failed', errors: [`the file could not be read: ${e instanceof Error ? e.message : String(e)}`] });
    return;
  }
  post({ type: 'stage', stage: 'parsing' });
  if (kind === 'annotations') {
    const result = parseW3CText(text, file.size, { maxBytes });
    if (!result.ok) return post({ type: 'failed', errors: result.errors });
    post({ type: 'annotations-head', total: result.annotations.length, pages: result.pages, importedTerms: result.importedTerms, warnings: result.warnings, notices: result.notices });
    return sendChunks(result.annotations);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return post({ type: 'backup-failed', zh: '文件不是 JSON（或不完整），无法恢复。数据库没有改动。', en: 'The file is not JSON (or is incomplete) and cannot be restored. Nothing was changed.' });
  }
  const reading = readBackup(json);
  if (!reading.ok) return post({ type: 'backup-failed', ...reading.problem });
  const { annotations, ...rest } = reading.tables;
  post({ type: 'backup-head', exported: reading.exported, tables: rest, total: annotations.length });
  sendChunks(annotations);
};
