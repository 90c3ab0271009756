// What Pizhu's REFI-QDA projects (.qdpx) are made of, shared by the writer and the reader: the namespace, the
// variables a page's facts travel in, and how every guid is derived. Guids are name-based UUIDs of stable IRIs
// (model/uuid.ts), so that exporting the same annotations twice gives the same file, and a QDA tool that
// merges a second export recognises its sources, selections and codes.
import type { Agent, PageKind } from '../../model';
import { guidForIri, uuidV5 } from '../../model';

export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const QDE_SCHEMA_LOCATION = `${QDE_NAMESPACE} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`;

/** The page facts, each a project Variable with a value on every TextSource (as QualCoder and NVivo read them). */
export const VARIABLES = {
  title: { name: '标题', en: 'Title', type: 'Text' },
  url: { name: '网址', en: 'URL', type: 'Text' },
  kind: { name: '页面类型', en: 'Page kind', type: 'Text' },
  issuer: { name: '发布机构', en: 'Issuer', type: 'Text' },
  published: { name: '发布日期', en: 'Date published', type: 'Date' },
  docNumber: { name: '发文字号', en: 'Document number', type: 'Text' },
  text: { name: '文本来源', en: 'Text origin', type: 'Text' },
} as const;

export type VariableKey = keyof typeof VARIABLES;

/** Names (lower case) other tools may give the same facts; the reader matches a Variable by any of them. */
export const VARIABLE_ALIASES: Record<VariableKey, readonly string[]> = {
  title: ['标题', 'title', '题名', 'name'],
  url: ['网址', 'url', 'uri', 'link', 'source url', '链接', '来源网址'],
  kind: ['页面类型', 'page kind', 'kind'],
  issuer: ['发布机构', 'issuer', '发文机关', 'publisher', '机构'],
  published: ['发布日期', 'date published', 'published', 'date', '日期'],
  docNumber: ['发文字号', 'document number', '文号'],
  text: ['文本来源', 'text origin'],
};

export const KIND_VALUES: Record<PageKind, string> = { report: '工作报告', document: '公文', none: '其他' };

/** Values of the "text origin" variable: the page's stored text, or one assembled from the annotations' quotes. */
export const TEXT_ORIGIN = { page: '页面原文', quotes: '批注引文' } as const;

/** Keys of the footer of a selection's Description (`Pizhu-<key>: <JSON>`, read by readFooter of refi-qda.ts). */
export const FOOTER_SELECTOR = 'Selector';
export const FOOTER_SOURCE = 'Source';

/** Between the passages of a source assembled from quotes. */
export const PASSAGE_BREAK = '\n\n';

/** Who stands for annotations that name no coder: REFI-QDA wants a user on every selection and coding. */
export const UNKNOWN_CODER = { name: '批注 Pizhu', iri: 'urn:pizhu:coder:unknown' } as const;
/** A User must have a name: a coder known by IRI only (not named yet) goes by this one, read back as no name. */
export const UNNAMED_CODER = '未署名的编码人 Unnamed coder';

export function sourceGuid(pageUrl: string, origin: keyof typeof TEXT_ORIGIN): Promise<string> {
  return uuidV5(origin === 'page' ? pageUrl : `${pageUrl}#quotes`);
}

export function variableGuid(key: VariableKey): Promise<string> {
  return uuidV5(`urn:pizhu:qdpx:variable:${key}`);
}

export function caseGuid(issuer: string): Promise<string> {
  return uuidV5(`urn:pizhu:qdpx:issuer:${issuer}`);
}

/**
 * A guid made of two others: their XOR, marked as a version-5 UUID. It is as stable and as unique as the pair, and
 * costs no hash: a project of 100,000 codings would otherwise wait on 100,000 SHA-1 digests.
 */
export function mixGuids(a: string, b: string): string {
  const hex = a.replace(/-/g, '');
  const other = b.replace(/-/g, '');
  const bytes = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16) ^ parseInt(other.slice(i * 2, i * 2 + 2), 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = bytes.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A selection's Coding of a Code. */
export function codingGuid(selectionGuid: string, codeGuid: string): string {
  return mixGuids(selectionGuid, codeGuid);
}

// uuidV5('urn:pizhu:qdpx:note'), fixed here so that a note's guid needs no hash.
const NOTE_MARK = 'fee3f99d-ffe0-56ec-ba84-c6acf3b6ee46';

/** The Note of a selection. */
export function noteGuid(selectionGuid: string): string {
  return mixGuids(selectionGuid, NOTE_MARK);
}

/** The IRI a coder travels under: their own when known, else one made of their name. */
export function coderIri(agent: Agent | undefined): string {
  if (!agent) return UNKNOWN_CODER.iri;
  return agent.id ?? `urn:pizhu:coder:name:${encodeURIComponent(agent.name)}`;
}

export function userGuid(agent: Agent | undefined): Promise<string> {
  return guidForIri(coderIri(agent));
}
