// Reads a REFI-QDA project (.qdpx) written by Pizhu or by a QDA tool (QualCoder, MAXQDA, NVivo, ATLAS.ti) into
// annotations, pages and terms, touching nothing: the library previews the result and writes it on confirm.
//
// - Each TextSource is a page. Its plain text (the internal file its plainTextPath names, or PlainTextContent)
//   becomes the page's stored text, unless Pizhu assembled it from quotes (variable "文本来源" = "批注引文"). Its
//   URL is the URL variable, else the first web address in its Description, else `urn:uuid:<source guid>`.
// - Each PlainTextSelection becomes an annotation (id `urn:uuid:<selection guid>`, so that a second import of the
//   same file changes nothing) with one term per Coding. Positions are code points, end exclusive; a text with
//   CR LF line ends is stored with LF, and the positions are taken as counting CR LF as two characters or as one,
//   whichever makes the selections' names match the text (ATLAS.ti counts one, NVivo two).
// - Its note: the Notes its NoteRefs name, or Notes linked to it by a Link (NVivo, ATLAS.ti), else its Description
//   (ATLAS.ti's and QualCoder's quotation comment), without Pizhu's footer, which restores what the selection cannot
//   say (see write.ts).
// - Its coder: the User of creatingUser; the user id Pizhu writes gives back the coder's own IRI.
// - The CodeBook's Codes become terms: one of ours keeps its IRI (from the Pizhu-IRI footer, or a guid the caller
//   knows); any other Code is the term `urn:uuid:<guid>`. Folders (isCodable="false") come as retired terms, so the
//   hierarchy stays and nothing is offered for tagging that the tool did not offer.
// Sources of other kinds (PDF, pictures, audio, video) and codings of whole sources are skipped with a warning.
import { codePointIndex } from '../../anchoring/code-points';
import { describeRange } from '../../anchoring/describe';
import { normalizeUrl } from '../../anchoring/url';
import type { Agent, AnnotationRecord, PageKind, PageRecord, TextPosition, TextQuote } from '../../model';
import { TaxonomyError } from '../../taxonomy/errors';
import { guidForIri } from '../../model';
import { normaliseGuid, type ParsedCode } from '../../taxonomy/qdc-xml';
import { readFooter } from '../../taxonomy/refi-qda';
import { childElements, parseQdaXml, readCodes, type DomParserClass } from './qde-xml';
import type { ImportedTerm } from '../jsonld-import';
import { ArchiveError, DEFAULT_ARCHIVE_LIMITS, extractEntries, listEntries, type ArchiveLimits } from './archive';
import { FOOTER_SELECTOR, FOOTER_SOURCE, KIND_VALUES, QDE_NAMESPACE, TEXT_ORIGIN, UNKNOWN_CODER, UNNAMED_CODER, VARIABLE_ALIASES, type VariableKey } from './vocabulary';

export interface QdpxImport {
  annotations: AnnotationRecord[];
  /** The pages, each with `snapshot` when the file holds its text. */
  pages: Partial<PageRecord>[];
  importedTerms: ImportedTerm[];
  warnings: string[];
}

export interface QdpxReadOptions {
  /** Defaults to globalThis.DOMParser (an extension page has it; a worker does not). */
  DOMParser?: DomParserClass;
  /** Guids of the terms already known (guidForIri of each IRI) → IRI: a Code a tool kept the guid of is ours. */
  knownTerms?: ReadonlyMap<string, string>;
  /** Stands in for a missing creationDateTime; the time of import by default. */
  now?: string;
  limits?: Partial<ArchiveLimits>;
  /** Awaited between steps of inflating the sources. */
  between?: () => Promise<void>;
}

/** A problem with the file, in both languages. */
export class QdpxError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'QdpxError';
  }
}

const MAX_WARNINGS = 50;
const YIELD_EVERY = 2000;

type Ns = (el: Element, name: string) => Element[];
const kids: Ns = (el, name) => childElements(el, name, QDE_NAMESPACE);
const first = (el: Element, name: string) => kids(el, name)[0];
const text = (el: Element | undefined) => el?.textContent ?? '';

function decode(bytes: Uint8Array): string {
  // TextDecoder drops a BOM (QualCoder writes its files with one) and replaces what is not UTF-8.
  return new TextDecoder('utf-8').decode(bytes);
}

/** `internal://x.txt` → the archive entry it names (in Sources/ or sources/, at the root or under one folder). */
function entryFor(path: string | null, entries: ReadonlyMap<string, string>): string | undefined {
  const m = /^internal:\/\/+(.+)$/i.exec(path?.trim() ?? '');
  if (!m) return undefined;
  return entries.get(m[1].toLowerCase());
}

/** Reads a .qdpx archive; throws QdpxError naming what is wrong. */
export async function readQdpx(bytes: Uint8Array, options: QdpxReadOptions = {}): Promise<QdpxImport> {
  const limits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits };
  try {
    const entries = listEntries(bytes, limits);
    const qde = entries
      .filter((e) => /(^|\/)[^/]+\.qde$/i.test(e.name) && e.name.split('/').length <= 2)
      .sort((a, b) => a.name.split('/').length - b.name.split('/').length)[0];
    if (!qde) throw new QdpxError('压缩包中没有 project.qde，不是 REFI-QDA 项目文件', 'The archive holds no project.qde: it is not a REFI-QDA project');
    const base = qde.name.includes('/') ? qde.name.slice(0, qde.name.lastIndexOf('/') + 1) : '';
    // Source files by their name in lower case: tools write Sources/ or sources/, GUIDs in either case.
    const sourceFiles = new Map<string, string>();
    for (const e of entries) {
      const m = /^(?:[^/]+\/)?sources\/([^/]+)$/i.exec(e.name.slice(e.name.startsWith(base) ? base.length : 0));
      if (m && e.name.startsWith(base)) sourceFiles.set(m[1].toLowerCase(), e.name);
    }
    const [qdeBytes] = (await extractEntries(bytes, [qde], { limits })).values();
    const doc = parseQdaXml(decode(qdeBytes ?? new Uint8Array()), options.DOMParser ?? (globalThis as { DOMParser?: DomParserClass }).DOMParser);
    const root = doc.documentElement;
    if (root.localName !== 'Project' || root.namespaceURI !== QDE_NAMESPACE) {
      throw new QdpxError(
        `project.qde 的根元素应为命名空间 ${QDE_NAMESPACE} 中的 <Project>，实际是 <${root.localName}>`,
        `The root of project.qde should be <Project> in namespace ${QDE_NAMESPACE}, found <${root.localName}>${root.namespaceURI ? ` in ${root.namespaceURI}` : ''}`,
      );
    }
    // The texts the project refers to, inflated with the same bounds.
    const wanted = new Set<string>();
    for (const el of [...root.getElementsByTagNameNS(QDE_NAMESPACE, 'TextSource'), ...root.getElementsByTagNameNS(QDE_NAMESPACE, 'Note')]) {
      const name = entryFor(el.getAttribute('plainTextPath'), sourceFiles);
      if (name) wanted.add(name);
    }
    const files = await extractEntries(bytes, entries.filter((e) => wanted.has(e.name)), { limits, between: options.between });
    return await readProject(root, files, sourceFiles, options);
  } catch (e) {
    if (e instanceof QdpxError) throw e;
    if (e instanceof ArchiveError || e instanceof TaxonomyError) throw new QdpxError(e.zh, e.en);
    throw e;
  }
}

function findVariable(name: string): VariableKey | undefined {
  const key = name.trim().toLowerCase();
  return (Object.keys(VARIABLE_ALIASES) as VariableKey[]).find((k) => VARIABLE_ALIASES[k].includes(key));
}

function variableValue(el: Element): string | undefined {
  for (const tag of ['TextValue', 'DateValue', 'DateTimeValue', 'IntegerValue', 'FloatValue', 'BooleanValue']) {
    const v = first(el, tag);
    if (v) return text(v).trim();
  }
  return undefined;
}

async function readProject(root: Element, files: Map<string, Uint8Array>, sourceFiles: Map<string, string>, options: QdpxReadOptions): Promise<QdpxImport> {
  const warnings: string[] = [];
  const warn = (w: string) => warnings.length < MAX_WARNINGS && warnings.push(w);
  const now = options.now ?? new Date().toISOString();
  const plainText = (el: Element): string | undefined => {
    const path = el.getAttribute('plainTextPath');
    if (path) {
      const name = entryFor(path, sourceFiles);
      const data = name && files.get(name);
      if (data) return decode(data);
      warn(`${el.localName} “${el.getAttribute('name') ?? ''}”: its text ${path} is not in the archive`);
    }
    const content = first(el, 'PlainTextContent');
    return content ? text(content) : undefined;
  };

  // Users.
  const users = new Map<string, Agent | undefined>();
  for (const u of kids(first(root, 'Users') ?? root, 'User')) {
    const guid = normaliseGuid(u.getAttribute('guid'));
    if (!guid) continue;
    const id = u.getAttribute('id')?.trim();
    const given = u.getAttribute('name')?.trim();
    const name = given === UNNAMED_CODER ? '' : given || id || guid;
    if (id === UNKNOWN_CODER.iri) users.set(guid, undefined);
    else if (id?.startsWith('urn:pizhu:coder:name:')) users.set(guid, { name });
    else users.set(guid, { id: id && /^[a-z][a-z0-9+.-]*:/i.test(id) ? id : `urn:uuid:${guid}`, name });
  }
  const agentOf = (el: Element): Agent | undefined => {
    const guid = normaliseGuid(el.getAttribute('creatingUser') ?? el.getAttribute('modifyingUser'));
    if (!guid) return undefined;
    return users.has(guid) ? users.get(guid) : { id: `urn:uuid:${guid}`, name: guid };
  };

  // Codes → terms.
  const importedTerms: ImportedTerm[] = [];
  const codeIri = new Map<string, string>();
  const book = first(root, 'CodeBook');
  const codesEl = book && first(book, 'Codes');
  const codes = codesEl ? readCodes(kids(codesEl, 'Code'), new Set(), [], QDE_NAMESPACE) : [];
  const addCodes = async (list: ParsedCode[], parent: string | undefined) => {
    for (const code of list) {
      const { note, footer } = readFooter(code.description ?? '');
      const verified = footer.IRI && (await guidForIri(footer.IRI)) === code.guid;
      const iri = verified ? footer.IRI! : options.knownTerms?.get(code.guid) ?? `urn:uuid:${code.guid}`;
      codeIri.set(code.guid, iri);
      if (verified && footer.Kind === 'scheme') {
        // One of Pizhu's groups: its terms come without a parent, as they are in the codebook.
        await addCodes(code.children, undefined);
        continue;
      }
      const noteEn = footer['Note-EN'] ?? '';
      importedTerms.push({
        id: iri,
        label: { zh: code.name, en: footer.English ?? code.name },
        ...(code.color ? { color: code.color } : {}),
        ...(parent ? { parent } : {}),
        ...(note || noteEn ? { scopeNote: { zh: note, en: noteEn } } : {}),
        ...(footer.Notation ? { notation: footer.Notation } : {}),
        ...(verified && footer.Shortcut ? { shortcut: footer.Shortcut } : {}),
        ...(code.codable ? {} : { retired: true }),
      });
      await addCodes(code.children, iri);
    }
  };
  await addCodes(codes, undefined);

  // Variables, Notes, Links.
  const variables = new Map<string, VariableKey | undefined>();
  for (const v of kids(first(root, 'Variables') ?? root, 'Variable')) {
    const guid = normaliseGuid(v.getAttribute('guid'));
    if (guid) variables.set(guid, findVariable(v.getAttribute('name') ?? ''));
  }
  const notes = new Map<string, string>();
  for (const n of kids(first(root, 'Notes') ?? root, 'Note')) {
    const guid = normaliseGuid(n.getAttribute('guid'));
    const body = plainText(n);
    if (guid && body !== undefined) notes.set(guid, body.trim());
  }
  const linkedNotes = new Map<string, string[]>();
  for (const link of kids(first(root, 'Links') ?? root, 'Link')) {
    const a = normaliseGuid(link.getAttribute('originGUID'));
    const b = normaliseGuid(link.getAttribute('targetGUID'));
    if (!a || !b) continue;
    const [note, other] = notes.has(a) ? [a, b] : notes.has(b) ? [b, a] : [];
    if (note && other) linkedNotes.set(other, [...(linkedNotes.get(other) ?? []), note]);
  }

  // Facts of sources given in nameless Cases with one SourceRef (MAXQDA, Quirkos).
  const caseFacts = new Map<string, Element[]>();
  for (const c of kids(first(root, 'Cases') ?? root, 'Case')) {
    const refs = kids(c, 'SourceRef');
    const guid = refs.length === 1 ? normaliseGuid(refs[0].getAttribute('targetGUID')) : undefined;
    if (guid && !c.getAttribute('name')) caseFacts.set(guid, kids(c, 'VariableValue'));
  }

  const annotations: AnnotationRecord[] = [];
  const pages = new Map<string, Partial<PageRecord>>();
  const sources = first(root, 'Sources');
  const skipped = new Map<string, number>();
  for (const source of sources ? [...sources.children] : []) {
    if (source.namespaceURI !== QDE_NAMESPACE) continue;
    if (source.localName !== 'TextSource') {
      skipped.set(source.localName, (skipped.get(source.localName) ?? 0) + 1);
      continue;
    }
    const guid = normaliseGuid(source.getAttribute('guid'));
    const sourceName = source.getAttribute('name') ?? guid ?? '';
    const raw = plainText(source);
    if (!guid || raw === undefined) {
      warn(`TextSource “${sourceName}”: ${guid ? 'no text' : 'no guid'}, skipped`);
      continue;
    }
    const facts: Partial<Record<VariableKey, string>> = {};
    for (const vv of [...kids(source, 'VariableValue'), ...(caseFacts.get(guid) ?? [])]) {
      const ref = normaliseGuid(first(vv, 'VariableRef')?.getAttribute('targetGUID'));
      const key = ref ? variables.get(ref) : undefined;
      const value = variableValue(vv);
      if (key && value && facts[key] === undefined) facts[key] = value;
    }
    const description = text(first(source, 'Description'));
    const webAddress = [facts.url, /https?:\/\/[^\s<>"'，。；）]+/.exec(description)?.[0]].find((u) => u && /^https?:\/\//i.test(u));
    const url = webAddress ? normalizeUrl(webAddress) : `urn:uuid:${guid}`;
    const assembled = facts.text === TEXT_ORIGIN.quotes;
    const layout = textLayout(raw);
    const page = pages.get(url) ?? { url };
    if (!assembled && page.snapshot === undefined) page.snapshot = layout.text;
    const title = facts.title ?? (assembled ? undefined : source.getAttribute('name')?.trim());
    if (title && !page.title) page.title = title;
    const kind = (Object.keys(KIND_VALUES) as PageKind[]).find((k) => KIND_VALUES[k] === facts.kind || k === facts.kind);
    if (kind) page.kind = kind;
    if (facts.issuer) page.issuer = facts.issuer;
    if (facts.published && /^\d{4}-\d{2}-\d{2}/.test(facts.published)) page.published = facts.published.slice(0, 10);
    if (facts.docNumber) page.docNumber = facts.docNumber;
    pages.set(url, page);

    const selections = kids(source, 'PlainTextSelection');
    // Positions are kept in code points, as the W3C model counts (and as the selections came).
    const points = codePointIndex(layout.text);
    const toUnits = layout.interpret(selections.map((s) => ({ start: Number(s.getAttribute('startPosition')), end: Number(s.getAttribute('endPosition')), name: s.getAttribute('name') ?? '' })));
    if (kids(source, 'Coding').length) warn(`TextSource “${sourceName}”: codings of the whole source are not kept`);
    for (const [i, sel] of selections.entries()) {
      const selGuid = normaliseGuid(sel.getAttribute('guid'));
      const range = toUnits[i];
      if (!selGuid || !range) {
        warn(`TextSource “${sourceName}”: selection ${sel.getAttribute('guid') ?? i} ${selGuid ? 'lies outside the text' : 'has no guid'}, skipped`);
        continue;
      }
      const { note: comment, footer } = readFooter(text(first(sel, 'Description')));
      const here = describeRange(layout.text, range.start, range.end);
      let quote: TextQuote | undefined = here.quote;
      let position: TextPosition | undefined = { start: points.toCodePoint(here.position.start), end: points.toCodePoint(here.position.end) };
      const selector = parseJson(footer[FOOTER_SELECTOR]);
      if (selector?.page === true) {
        // A note on the whole page, written as a selection of its whole text.
        quote = undefined;
        position = undefined;
      } else if (selector) {
        quote = {
          exact: typeof selector.exact === 'string' ? selector.exact : quote.exact,
          prefix: typeof selector.prefix === 'string' ? selector.prefix : quote.prefix,
          suffix: typeof selector.suffix === 'string' ? selector.suffix : quote.suffix,
        };
        if (Number.isInteger(selector.start) && Number.isInteger(selector.end)) position = { start: selector.start as number, end: selector.end as number };
      } else if (assembled) {
        // A passage of an assembled text: its context ends at the passage, and it has no place in the page's text.
        position = undefined;
      }
      const noteGuids = [...kids(sel, 'NoteRef').map((r) => normaliseGuid(r.getAttribute('targetGUID'))), ...(linkedNotes.get(selGuid) ?? [])];
      const noteTexts = [...new Set(noteGuids.map((g) => (g ? notes.get(g) : undefined)).filter((n): n is string => !!n))];
      const note = noteTexts.length ? noteTexts.join('\n\n') : comment;
      const terms: string[] = [];
      for (const coding of kids(sel, 'Coding')) {
        const ref = normaliseGuid(first(coding, 'CodeRef')?.getAttribute('targetGUID'));
        const iri = ref ? codeIri.get(ref) : undefined;
        if (iri) {
          if (!terms.includes(iri)) terms.push(iri);
        } else warn(`selection ${selGuid}: a coding refers to a code the codebook does not have (${ref ?? 'none'})`);
      }
      const sourceUrl = parseJson<string>(footer[FOOTER_SOURCE]);
      const creator = agentOf(sel);
      const created = validTime(sel.getAttribute('creationDateTime')) ?? now;
      annotations.push({
        id: `urn:uuid:${selGuid}`,
        pageUrl: url,
        sourceUrl: typeof sourceUrl === 'string' ? sourceUrl : url,
        ...(quote ? { quote } : {}),
        ...(position ? { position } : {}),
        terms,
        note,
        ...(creator ? { creator } : {}),
        created,
        modified: validTime(sel.getAttribute('modifiedDateTime')) ?? created,
      });
      // 100,000 selections take seconds: the page gets its turn between batches.
      if (annotations.length % YIELD_EVERY === 0) await options.between?.();
    }
  }
  for (const [kind, n] of skipped) warn(`${n} ${kind} element${n === 1 ? '' : 's'} skipped: Pizhu keeps text sources only`);
  return { annotations, pages: [...pages.values()], importedTerms, warnings };
}

function validTime(value: string | null): string | undefined {
  if (!value) return undefined;
  return Number.isNaN(Date.parse(value)) ? undefined : value;
}

function parseJson<T = Record<string, unknown>>(value: string | undefined): T | undefined {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as T;
  } catch {
    return undefined;
  }
}

interface Layout {
  /** The text as stored: line ends as LF. */
  text: string;
  /** UTF-16 ranges in `text` of the selections, or null for one that does not fit. */
  interpret(selections: { start: number; end: number; name: string }[]): ({ start: number; end: number } | null)[];
}

/**
 * The text with its line ends made LF, and how to read positions in it. Positions count code points of the text as
 * the tool saw it: with CR LF as two characters (the file as it is) or as one (ATLAS.ti). Where the file has CR LF,
 * the reading under which more selections' names agree with the text is taken.
 */
function textLayout(raw: string): Layout {
  const text = raw.replace(/\r\n?/g, '\n');
  const points = codePointIndex(text);
  // Code point offsets, in the raw text, of the CRs that a CR LF loses.
  const dropped: number[] = [];
  if (raw.includes('\r')) {
    const chars = [...raw];
    for (let i = 0; i < chars.length; i++) if (chars[i] === '\r' && chars[i + 1] === '\n') dropped.push(i);
  }
  const length = points.toCodePoint(text.length);
  const viaNormalised = (p: number) => (p >= 0 && p <= length ? points.toUnit(p) : null);
  const viaRaw = (p: number) => {
    let lo = 0;
    let hi = dropped.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dropped[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    return viaNormalised(p - lo);
  };
  const read = (via: (p: number) => number | null, s: { start: number; end: number }) => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.end <= s.start) return null;
    const start = via(s.start);
    const end = via(s.end);
    return start !== null && end !== null && end > start ? { start, end } : null;
  };
  const agrees = (r: { start: number; end: number } | null, name: string) => {
    if (!r || !name) return false;
    const got = text.slice(r.start, r.end).replace(/\s+/g, ' ').trim();
    const want = name.replace(/(…|\.\.\.)$/, '').replace(/\s+/g, ' ').trim();
    return want.length > 0 && got.startsWith(want);
  };
  return {
    text,
    interpret(selections) {
      if (!dropped.length) return selections.map((s) => read(viaNormalised, s));
      const asRaw = selections.map((s) => read(viaRaw, s));
      const asOne = selections.map((s) => read(viaNormalised, s));
      const score = (rs: typeof asRaw) => rs.filter((r, i) => agrees(r, selections[i].name)).length;
      return score(asOne) > score(asRaw) ? asOne : asRaw;
    },
  };
}
