// REFI-QDA codebook exchange (.qdc, namespace urn:QDA-XML:codebook:1.0), so that a codebook can travel to and from
// MAXQDA, ATLAS.ti, NVivo and the like.
//
// Mapping. Each scheme becomes a top-level Code with isCodable="false"; under it the scheme's terms nest as Codes in
// their order. A retired term is a Code with isCodable="false". guid: the UUID inside a `urn:uuid:` IRI, otherwise a
// name-based UUID of the IRI (stable across exports). name: the Chinese label. color: the term colour.
// The rest of a term (English label, notation, shortcut, English scope note) has no place in the schema, so it rides
// at the end of the Description, after the Chinese scope note, as a block other tools show as plain text:
//
//   <Chinese scope note>
//   ---
//   Pizhu-IRI: https://pizhu.app/taxonomy/fzzf/2021/term/enforcement
//   Pizhu-Kind: term            (or scheme)
//   Pizhu-Notation: 4
//   Pizhu-English: Administrative law enforcement
//   Pizhu-Shortcut: 4           (when the term has one)
//   Pizhu-Note-EN: <English scope note, to the end>
//
// Import turns a file into a TaxonomyState for planMerge: a Code is one of ours when its guid is that of one of our
// terms or schemes, or when its Pizhu-IRI hashes to its guid; any other Code becomes the term `urn:uuid:<guid>`.
// Foreign top-level Codes go into an "imported codes" scheme; Codes without a colour get one.
import type { LocalizedText, Scheme, Term } from '../model';
import { malformed } from './errors';
import { guidForIri } from '../model';
import { MAX_KEY_LENGTH } from '../model/validate';
import { childShade, ColourPicker } from './palette';
import { findProblem, labelOf, siblings, type TaxonomyState } from './state';
import { parseQdcCodes, QDC_NAMESPACE, type ParsedCode } from './qdc-xml';

const SCHEMA_LOCATION = `${QDC_NAMESPACE} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd`;
const FOOTER_RULE = '---';

export { QDC_NAMESPACE };

export function importedSchemeId(taxonomyId: string): string {
  return `${taxonomyId}#imported`;
}

const IMPORTED_SCHEME_LABEL: LocalizedText = { zh: '导入的代码', en: 'Imported codes' };

// ---- export -------------------------------------------------------------------------------------------------------

export function escapeXml(value: string, attribute: boolean): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  const text = clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? text.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;') : text;
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

interface Footer {
  iri: string;
  kind: 'term' | 'scheme';
  notation?: string;
  english?: string;
  shortcut?: string;
  noteEn?: string;
}

function describe(noteZh: string, footer: Footer): string {
  const lines = [`Pizhu-IRI: ${footer.iri}`, `Pizhu-Kind: ${footer.kind}`];
  if (footer.notation) lines.push(`Pizhu-Notation: ${oneLine(footer.notation)}`);
  if (footer.english) lines.push(`Pizhu-English: ${oneLine(footer.english)}`);
  if (footer.shortcut) lines.push(`Pizhu-Shortcut: ${footer.shortcut}`);
  if (footer.noteEn) lines.push(`Pizhu-Note-EN: ${footer.noteEn}`);
  return [noteZh, FOOTER_RULE, ...lines].filter((l, i) => i > 0 || l !== '').join('\n');
}

/**
 * The <Code> elements of a codebook, one line each, indented under `indent`: shared by the .qdc codebook and the
 * .qdpx project (whose CodeBook has the same Codes in the project namespace, inherited from the enclosing element).
 */
export async function codeLines(state: TaxonomyState, indent: string): Promise<string[]> {
  const out: string[] = [];
  const code = async (indent: string, guidOf: string, name: string, codable: boolean, color: string | undefined, description: string, body: () => Promise<void>) => {
    const attrs = [`guid="${await guidForIri(guidOf)}"`, `name="${escapeXml(name, true)}"`, `isCodable="${codable}"`];
    if (color) attrs.push(`color="${color.toUpperCase()}"`);
    out.push(`${indent}<Code ${attrs.join(' ')}>`);
    out.push(`${indent}  <Description>${escapeXml(description, false)}</Description>`);
    await body();
    out.push(`${indent}</Code>`);
  };
  const terms = async (indent: string, scheme: string, parent: string | undefined): Promise<void> => {
    for (const term of siblings(state.terms, scheme, parent)) {
      const footer: Footer = { iri: term.id, kind: 'term', notation: term.notation, english: term.label.en, shortcut: term.shortcut, noteEn: term.scopeNote?.en };
      await code(indent, term.id, labelOf(term), !term.retired, term.color, describe(term.scopeNote?.zh ?? '', footer), () => terms(`${indent}  `, scheme, term.id));
    }
  };
  for (const s of [...state.taxonomy.schemes].sort((a, b) => a.order - b.order)) {
    const footer: Footer = { iri: s.id, kind: 'scheme', english: s.label.en, noteEn: s.scopeNote?.en };
    await code(indent, s.id, labelOf(s), false, undefined, describe(s.scopeNote?.zh ?? '', footer), () => terms(`${indent}  `, s.id, undefined));
  }
  return out;
}

export async function exportQdc(state: TaxonomyState): Promise<string> {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${SCHEMA_LOCATION}" origin="Pizhu 批注">`,
    '  <Codes>',
    ...(await codeLines(state, '    ')),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}

// ---- import -------------------------------------------------------------------------------------------------------

/** A Code's Description split into the note and Pizhu's footer (see the top); a project's codes and selections too. */
export function readFooter(description: string): { note: string; footer: Partial<Record<string, string>> } {
  const at = description.search(/(^|\n)---\nPizhu-/);
  if (at < 0) return { note: description.trim(), footer: {} };
  const note = description.slice(0, at).trim();
  const lines = description.slice(description.indexOf(`${FOOTER_RULE}\n`, at) + FOOTER_RULE.length + 1).split('\n');
  const footer: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const m = /^Pizhu-([A-Za-z-]+): ?(.*)$/.exec(lines[i]);
    if (!m) continue;
    if (m[1] === 'Note-EN') {
      footer[m[1]] = [m[2], ...lines.slice(i + 1)].join('\n').trim();
      break;
    }
    footer[m[1]] = m[2].trim();
  }
  return { note, footer };
}

export interface QdcImportOptions {
  /** The taxonomy the file is to be merged into: its terms and schemes are what "ours" means. */
  current: TaxonomyState;
  /** Awaited every few hundred codes, so that a page can paint and take input during a large import. */
  pause?: () => Promise<void>;
}

const CODES_PER_PAUSE = 500;

/** Reads a .qdc file into a state to hand to planMerge; throws a TaxonomyError naming the problem, changing nothing. */
export async function importQdc(xml: string, options: QdcImportOptions): Promise<TaxonomyState> {
  return importQdcCodes(parseQdcCodes(xml), options);
}

/** The codes of a parsed .qdc (qdc-xml.ts) as a state to hand to planMerge. */
export async function importQdcCodes(codes: ParsedCode[], options: QdcImportOptions): Promise<TaxonomyState> {
  const { current } = options;
  const taxonomyId = current.taxonomy.id;
  const ourById = new Map(current.terms.map((term) => [term.id, term]));
  const ourTerms = new Map<string, Term>();
  for (const term of current.terms) ourTerms.set(await guidForIri(term.id), term);
  const ourSchemes = new Map<string, Scheme>();
  for (const s of current.taxonomy.schemes) ourSchemes.set(await guidForIri(s.id), s);

  const schemes = new Map(current.taxonomy.schemes.map((s) => [s.id, s]));
  const terms: Term[] = [];
  // How many terms each group of siblings has so far: a term's place among them, without counting them again.
  const placed = new Map<string, number>();
  const colours = new ColourPicker(current.terms.filter((term) => !term.retired).map((term) => term.color));
  const importedScheme = importedSchemeId(taxonomyId);
  let done = 0;

  // Which IRI a Code stands for, and whether it is a scheme.
  const identify = async (code: ParsedCode, footer: Partial<Record<string, string>>) => {
    const iri = footer.IRI;
    if (iri && iri.length <= MAX_KEY_LENGTH && (await guidForIri(iri)) === code.guid) return { id: iri, scheme: footer.Kind === 'scheme', verified: true };
    const scheme = ourSchemes.get(code.guid);
    if (scheme) return { id: scheme.id, scheme: true, verified: false };
    return { id: ourTerms.get(code.guid)?.id ?? `urn:uuid:${code.guid}`, scheme: false, verified: false };
  };

  const addTerms = async (list: ParsedCode[], scheme: string | undefined, parent: Term | undefined) => {
    for (const [index, code] of list.entries()) {
      if (++done % CODES_PER_PAUSE === 0) await options.pause?.();
      const { note, footer } = readFooter(code.description ?? '');
      const who = await identify(code, footer);
      if (who.scheme)
        throw malformed(`方案“${code.name}”只能位于代码本顶层`, `Scheme “${code.name}” may only appear at the top level of the codebook`);
      const ours = ourById.get(who.id);
      const termScheme = scheme ?? ours?.scheme ?? importedScheme;
      if (!schemes.has(termScheme)) schemes.set(termScheme, { id: termScheme, label: IMPORTED_SCHEME_LABEL, order: schemes.size });
      const group = `${termScheme}\n${parent?.id ?? ''}`;
      const position = placed.get(group) ?? 0;
      placed.set(group, position + 1);
      const known = code.color ?? ours?.color ?? (parent ? childShade(parent.color, index) : undefined);
      if (known) colours.use(known);
      const color = known ?? colours.next();
      const noteEn = footer['Note-EN'] ?? (footer.IRI ? '' : ours && code.description === undefined ? ours.scopeNote?.en ?? '' : note);
      const noteZh = code.description === undefined && ours ? ours.scopeNote?.zh ?? '' : note;
      // A footer copied along with a duplicated Code must not hand the copy the original's shortcut.
      const shortcut = who.verified ? footer.Shortcut : ours?.shortcut;
      const term: Term = {
        id: who.id,
        taxonomyId,
        scheme: termScheme,
        notation: footer.Notation ?? ours?.notation ?? (parent ? `${parent.notation}.${position + 1}` : `I${position + 1}`),
        label: { zh: code.name, en: footer.English ?? ours?.label.en ?? code.name },
        color,
        order: position,
        ...(parent ? { parent: parent.id } : {}),
        ...(noteZh || noteEn ? { scopeNote: { zh: noteZh, en: noteEn } } : {}),
        ...(shortcut ? { shortcut } : {}),
        ...(code.codable ? {} : { retired: true }),
      };
      terms.push(term);
      await addTerms(code.children, termScheme, term);
    }
  };

  for (const code of codes) {
    const { note, footer } = readFooter(code.description ?? '');
    const who = await identify(code, footer);
    if (!who.scheme) {
      await addTerms([code], undefined, undefined);
      continue;
    }
    if (!schemes.has(who.id)) {
      const noteEn = footer['Note-EN'] ?? '';
      schemes.set(who.id, {
        id: who.id,
        label: { zh: code.name, en: footer.English ?? code.name },
        order: schemes.size,
        ...(note || noteEn ? { scopeNote: { zh: note, en: noteEn } } : {}),
      });
    }
    await addTerms(code.children, who.id, undefined);
  }

  const state: TaxonomyState = { taxonomy: { ...current.taxonomy, schemes: [...schemes.values()] }, terms };
  const problem = findProblem(state);
  if (problem) throw malformed(problem.zh, problem.en);
  return state;
}
