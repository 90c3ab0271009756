// Pizhu's own codebook file, for sharing a taxonomy within a team without loss:
//
//   { "format": "pizhu-taxonomy", "version": 1, "exported": "<ISO date-time>",
//     "taxonomy": Taxonomy,   // id, label {zh,en}, schemes [{id,label,scopeNote?,order}], version, modified
//     "terms": Term[] }       // id, taxonomyId, scheme, notation, label, color, scopeNote?, parent?, shortcut?, retired?, order
//
// `version` is the version of this file format; the taxonomy's own edit count is taxonomy.version. A file is
// checked in full before anything is used, and the first thing wrong is reported by name.
import type { LocalizedText, Scheme, Taxonomy, Term } from '../model';
import { depthMessage, findDepthProblem, placeOf } from '../exchange/json-depth';
import { findJsonSyntaxProblem } from '../exchange/json-syntax';
import { malformed } from './errors';
import { findProblem, MAX_CODEBOOK_TERMS, type TaxonomyState } from './state';

export const TAXONOMY_FILE_FORMAT = 'pizhu-taxonomy';
export const TAXONOMY_FILE_VERSION = 1;

export interface TaxonomyFile extends TaxonomyState {
  format: typeof TAXONOMY_FILE_FORMAT;
  version: typeof TAXONOMY_FILE_VERSION;
  exported: string;
}

export function taxonomyToJson(state: TaxonomyState, now = new Date()): string {
  const file: TaxonomyFile = {
    format: TAXONOMY_FILE_FORMAT,
    version: TAXONOMY_FILE_VERSION,
    exported: now.toISOString(),
    taxonomy: state.taxonomy,
    terms: state.terms,
  };
  return JSON.stringify(file, null, 2);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown, what: string): LocalizedText {
  if (!isObject(v) || typeof v.zh !== 'string' || typeof v.en !== 'string')
    throw malformed(`${what}应为 {zh, en} 两个字符串`, `${what} must be {zh, en} strings`);
  return { zh: v.zh, en: v.en };
}

function optionalString(v: unknown, what: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw malformed(`${what}应为字符串`, `${what} must be a string`);
  return v;
}

function scheme(v: unknown, i: number): Scheme {
  const what = `第 ${i + 1} 个方案`;
  if (!isObject(v) || typeof v.id !== 'string' || !v.id) throw malformed(`${what}缺少 id`, `Scheme #${i + 1} has no id`);
  return {
    id: v.id,
    label: text(v.label, `${what}的名称`),
    ...(v.scopeNote !== undefined ? { scopeNote: text(v.scopeNote, `${what}的说明`) } : {}),
    order: typeof v.order === 'number' ? v.order : i,
  };
}

function term(v: unknown, i: number): Term {
  const what = `第 ${i + 1} 个术语`;
  if (!isObject(v) || typeof v.id !== 'string' || !v.id) throw malformed(`${what}缺少 id`, `Term #${i + 1} has no id`);
  const named = `${what}（${v.id}）`;
  for (const key of ['taxonomyId', 'scheme', 'notation', 'color'] as const)
    if (typeof v[key] !== 'string') throw malformed(`${named}缺少 ${key}`, `Term ${v.id} has no ${key}`);
  if (typeof v.order !== 'number') throw malformed(`${named}缺少 order`, `Term ${v.id} has no order`);
  if (v.retired !== undefined && typeof v.retired !== 'boolean')
    throw malformed(`${named}的 retired 应为 true 或 false`, `Term ${v.id}: retired must be true or false`);
  const parent = optionalString(v.parent, `${named}的 parent`);
  const shortcut = optionalString(v.shortcut, `${named}的 shortcut`);
  return {
    id: v.id,
    taxonomyId: v.taxonomyId as string,
    scheme: v.scheme as string,
    notation: v.notation as string,
    label: text(v.label, `${named}的名称`),
    color: v.color as string,
    order: v.order,
    ...(v.scopeNote !== undefined ? { scopeNote: text(v.scopeNote, `${named}的说明`) } : {}),
    ...(parent !== undefined ? { parent } : {}),
    ...(shortcut !== undefined ? { shortcut } : {}),
    ...(v.retired ? { retired: true } : {}),
  };
}

/** Where the JSON goes wrong, by line and column (JSON.parse's own words differ between engines and often omit it). */
function notJson(source: string, error: Error): Error {
  const problem = findJsonSyntaxProblem(source);
  if (!problem) return malformed('文件不是有效的 JSON。', 'The file is not valid JSON.', [error.message]);
  const { line, column } = placeOf(source, problem.position);
  if (problem.position >= source.length)
    return malformed('文件不完整：数据还没有结束文件就结束了（可能被截断）。', 'The file is incomplete: it ends before its data does (it may be truncated).');
  return malformed(
    `文件不是有效的 JSON：第 ${line} 行第 ${column} 列有误。`,
    `The file is not valid JSON: there is an error at line ${line}, column ${column}.`,
    [`expected ${problem.expected}, found ${JSON.stringify(source.slice(problem.position, problem.position + 12))}`],
  );
}

/** Reads a shared codebook file; throws a TaxonomyError ('malformed-file') naming the first problem. */
export function parseTaxonomyJson(source: string): TaxonomyState {
  if (source.trim() === '') throw malformed('文件是空的，里面没有分类表。', 'The file is empty: there is no taxonomy in it.');
  const deep = findDepthProblem(source);
  if (deep) {
    const { zh, en } = depthMessage(deep);
    throw malformed(zh, en);
  }
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    throw notJson(source, e as Error);
  }
  if (!isObject(data) || data.format !== TAXONOMY_FILE_FORMAT)
    throw malformed('这不是批注分类表文件（缺少 "format": "pizhu-taxonomy"）', 'This is not a Pizhu taxonomy file (no "format": "pizhu-taxonomy")');
  if (data.version !== TAXONOMY_FILE_VERSION)
    throw malformed(`不支持的文件版本：${String(data.version)}（本程序支持 ${TAXONOMY_FILE_VERSION}）`, `Unsupported file version ${String(data.version)} (this Pizhu reads ${TAXONOMY_FILE_VERSION})`);
  const raw = data.taxonomy;
  if (!isObject(raw) || typeof raw.id !== 'string' || !raw.id) throw malformed('文件缺少分类表（taxonomy.id）', 'The file has no taxonomy (taxonomy.id)');
  if (!Array.isArray(raw.schemes)) throw malformed('分类表缺少方案列表（taxonomy.schemes）', 'The taxonomy has no scheme list (taxonomy.schemes)');
  if (!Array.isArray(data.terms)) throw malformed('文件缺少术语列表（terms）', 'The file has no term list (terms)');
  if (data.terms.length > MAX_CODEBOOK_TERMS)
    throw malformed(`分类表的术语太多（${data.terms.length} 个，最多 ${MAX_CODEBOOK_TERMS}）`, `The taxonomy has too many terms (${data.terms.length}; at most ${MAX_CODEBOOK_TERMS})`);
  const taxonomy: Taxonomy = {
    id: raw.id,
    label: text(raw.label, '分类表名称'),
    schemes: raw.schemes.map(scheme),
    version: typeof raw.version === 'number' ? raw.version : 1,
    modified: typeof raw.modified === 'string' ? raw.modified : '',
  };
  const state = { taxonomy, terms: data.terms.map(term) };
  const problem = findProblem(state);
  if (problem) throw malformed(problem.zh, problem.en);
  return state;
}
