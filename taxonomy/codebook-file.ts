// A codebook file as the taxonomy editor receives it: a REFI-QDA .qdc (XML) or a Pizhu taxonomy file (JSON). The
// name says which it is meant to be, so that an empty or broken .qdc is reported as a broken .qdc and not as "not
// valid JSON"; a file whose name says neither is taken by its first character.
import { checkCodebookSize } from './codebook-size';
import { parseTaxonomyJson } from './json-file';
import { planMerge, type MergeSummary } from './merge';
import { importQdc, type QdcImportOptions } from './refi-qda';
import type { TaxonomyState } from './state';

export type CodebookFormat = 'qdc' | 'json';

export function codebookFormat(fileName: string, text: string): CodebookFormat {
  if (/\.(qdc|xml)$/i.test(fileName)) return 'qdc';
  if (/\.json$/i.test(fileName)) return 'json';
  return text.replace(/^\ufeff/, '').trimStart().startsWith('<') ? 'qdc' : 'json';
}

/** The file as a taxonomy state for planMerge; throws a TaxonomyError that says what is wrong, and where. */
export async function readCodebookFile(
  file: { name: string; text: string },
  options: QdcImportOptions,
): Promise<TaxonomyState> {
  checkCodebookSize(file.text.length);
  const body = file.text.replace(/^\ufeff/, '');
  return codebookFormat(file.name, body) === 'qdc' ? importQdc(body, options) : parseTaxonomyJson(body);
}

export interface CodebookPlan {
  incoming: TaxonomyState;
  summary: MergeSummary;
  changes: number;
}

/** The file read and its merge into `current` planned: what the editor previews before the user applies it. */
export async function planCodebookMerge(file: { name: string; text: string }, options: QdcImportOptions): Promise<CodebookPlan> {
  const incoming = await readCodebookFile(file, options);
  await options.pause?.();
  const { summary, changes } = planMerge(options.current, incoming);
  return { incoming, summary, changes };
}
