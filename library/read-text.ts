// The text of a chosen file turned into what the library imports or restores, with every check that needs no
// database: the nesting depth first (see exchange/json-depth.ts: a 100,000-deep field once left the page on
// "Reading the file…" for minutes), then the parse and the format's own checks. The reader worker runs these, and
// the page itself where no worker can start; either way a file is refused with a message in both languages.
import { depthMessage, findDepthProblem } from '../exchange/json-depth';
import { parseW3CText, type ParseResult } from '../exchange/jsonld-import';
import { readBackup, type BackupReading } from './backup';

/** A file refused before it was parsed, said in both languages. */
export interface Refusal {
  refused: true;
  zh: string;
  en: string;
}

const NOTHING_CHANGED = { zh: '数据库没有改动。', en: 'Nothing was changed.' };

function tooDeep(text: string): Refusal | undefined {
  const deep = findDepthProblem(text);
  if (!deep) return undefined;
  const { zh, en } = depthMessage(deep);
  return { refused: true, zh: `${zh}无法读取。${NOTHING_CHANGED.zh}`, en: `${en} It cannot be read. ${NOTHING_CHANGED.en}` };
}

export function readAnnotationText(text: string, byteSize: number, maxBytes: number): ParseResult | Refusal {
  return tooDeep(text) ?? parseW3CText(text, byteSize, { maxBytes });
}

export function readBackupText(text: string): BackupReading | Refusal {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = tooDeep(body);
  if (deep) return deep;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return {
      refused: true,
      zh: `文件不是 JSON（或不完整），无法恢复。${NOTHING_CHANGED.zh}`,
      en: `The file is not JSON (or is incomplete) and cannot be restored. ${NOTHING_CHANGED.en}`,
    };
  }
  return readBackup(json);
}

/** What a reader says when something it did not foresee went wrong: the file is refused, never waited on forever. */
export function unexpected(error: unknown): Refusal {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    refused: true,
    zh: `读取文件时出错（${detail}）。${NOTHING_CHANGED.zh}`,
    en: `The file could not be read (${detail}). ${NOTHING_CHANGED.en}`,
  };
}
