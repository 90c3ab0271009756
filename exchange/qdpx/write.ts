// Writes a REFI-QDA project (project.qde and the sources' texts) from annotations, in the form the REFI-QDA 1.5
// standard sets out and QualCoder, MAXQDA, NVivo and ATLAS.ti read:
//
// - Each annotated page is a TextSource whose plain text is the page text Pizhu stored (PageRecord.snapshot),
//   written as UTF-8 without a BOM to Sources/<guid>.txt and named plainTextPath="internal://<guid>.txt" (QualCoder
//   reads only the file, never PlainTextContent). Its facts (title, URL, kind, issuer, date, document number) are
//   Variables with a value on the source, and its Description says them in words; each issuer is a Case.
// - Each annotation is a PlainTextSelection: start and end in code points of that text (end exclusive, as the tools
//   write it), its name the quote, one Coding per term, creatingUser on both. A note is a Note with a NoteRef from
//   the selection, and also the selection's Description (where ATLAS.ti and QualCoder keep a quotation's comment).
// - The codebook is the CodeBook, written by taxonomy/refi-qda.ts as for a .qdc, so guids agree between the two.
//
// Annotations that cannot be placed in the stored text (the page has none: it came by import or sync and was not
// visited since; or it changed so that the annotation is an orphan there) are not dropped: they go into a second
// TextSource of the page whose text is assembled from their quotes with their context, marked by the variable
// "文本来源" = "批注引文" so that an import does not mistake it for the page's text.
//
// Whatever of an annotation the selection cannot say (a quote or context that differs from the text at its place,
// its position in the live page, the URL it was made at) rides at the end of the selection's Description after a
// `---` rule, as the codebook does for terms: only when it differs, so most selections carry none.
import { codePointIndex, type CodePointIndex } from '../../anchoring/code-points';
import { placeAnnotations, type Placed as PlacedAnnotation } from '../../anchoring/place';
import { describeRange } from '../../anchoring/describe';
import type { AnnotationRecord, PageRecord, Term } from '../../model';
import { guidForIri } from '../../model';
import { codeLines, escapeXml } from '../../taxonomy/refi-qda';
import type { TaxonomyState } from '../../taxonomy/state';
import {
  KIND_VALUES,
  PASSAGE_BREAK,
  QDE_NAMESPACE,
  QDE_SCHEMA_LOCATION,
  TEXT_ORIGIN,
  UNKNOWN_CODER,
  UNNAMED_CODER,
  VARIABLES,
  FOOTER_SELECTOR,
  FOOTER_SOURCE,
  caseGuid,
  codingGuid,
  coderIri,
  noteGuid,
  sourceGuid,
  userGuid,
  variableGuid,
  type VariableKey,
} from './vocabulary';

export interface ProjectInput {
  annotations: readonly AnnotationRecord[];
  /** Page records by normalised URL, with their snapshots. */
  pages: ReadonlyMap<string, PageRecord>;
  /** The codebooks to write as the CodeBook (usually the one taxonomy). */
  codebooks: readonly TaxonomyState[];
  /** Every known term, for annotations whose terms belong to no codebook given. */
  terms?: ReadonlyMap<string, Term>;
  /** The project's name; "批注 Pizhu" and the date by default. */
  name?: string;
  now?: Date;
  signal?: AbortSignal;
  /** Annotations written so far; awaited, so that the caller can yield to the page. */
  onProgress?: (done: number) => void | Promise<void>;
  batchSize?: number;
}

export interface ProjectFiles {
  /** project.qde, as text. */
  qde: string;
  /** The sources' plain texts: paths inside the archive (Sources/<guid>.txt) and their text. */
  sources: { path: string; text: string }[];
  /** Pages whose stored text was missing or did not hold every annotation (their quotes were assembled instead;
   * notes on a whole page with no stored text are left out: 'whole-page-no-text'). */
  assembled: { url: string; annotations: number; reason: 'no-text' | 'orphans' | 'whole-page-no-text' }[];
}

// A raw CR in element text would be read back as LF (XML normalises line ends): written as a reference, it stays.
const xml = (s: string) => escapeXml(s, false).replace(/\r/g, '&#13;');
const attr = (s: string) => escapeXml(s, true);
const isoDate = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
/** xsd:dateTime wants a full date-time; QualCoder fails on an element that has neither creation nor modification. */
const dateTime = (s: string | undefined, otherwise: string) => (s && !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s) ? s : otherwise);
/** QualCoder and others make a file name of a source's name: no path separators in it. */
const fileSafe = (s: string) => s.replace(/\//g, '／').replace(/\\/g, '＼');

function attrs(pairs: [string, string | number | undefined][]): string {
  return pairs.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}="${attr(String(v))}"`).join(' ');
}

/** An annotation and its UTF-16 range in the source text. */
type Placed = PlacedAnnotation;

interface SourcePlan {
  guid: string;
  page: PageRecord | undefined;
  url: string;
  origin: keyof typeof TEXT_ORIGIN;
  text: string;
  placed: Placed[];
}

/**
 * Places a page's annotations in its stored text (anchoring/place.ts); those it cannot place, or whose page text is
 * not stored, go to a source assembled from their quotes. A note on the whole page (no quote) codes the whole text.
 */
async function planSources(url: string, list: AnnotationRecord[], page: PageRecord | undefined, out: ProjectFiles['assembled']): Promise<SourcePlan[]> {
  const plans: SourcePlan[] = [];
  let rest = list.filter((a) => a.quote);
  if (page?.snapshot) {
    const text = page.snapshot;
    const { placed, unplaced, wholePage } = placeAnnotations(text, list);
    for (const a of wholePage) placed.push({ annotation: a, start: 0, end: text.length });
    rest = unplaced;
    if (placed.length) plans.push({ guid: await sourceGuid(url, 'page'), page, url, origin: 'page', text, placed });
  } else if (rest.length < list.length) {
    out.push({ url, annotations: list.length - rest.length, reason: 'whole-page-no-text' });
  }
  if (rest.length) {
    out.push({ url, annotations: rest.length, reason: page?.snapshot ? 'orphans' : 'no-text' });
    // In the order of the page, so that the assembled text reads as the page did.
    const ordered = [...rest].sort((a, b) => (a.position?.start ?? 0) - (b.position?.start ?? 0) || a.id.localeCompare(b.id));
    let text = '';
    const placed: Placed[] = [];
    for (const a of ordered) {
      const quote = a.quote!;
      if (text) text += PASSAGE_BREAK;
      const start = text.length + quote.prefix.length;
      text += quote.prefix + quote.exact + quote.suffix;
      placed.push({ annotation: a, start, end: start + quote.exact.length });
    }
    plans.push({ guid: await sourceGuid(url, 'quotes'), page, url, origin: 'quotes', text, placed });
  }
  return plans;
}

/** What of the annotation the selection at [start, end) of `text` does not say, as footer lines. */
function footerOf(plan: SourcePlan, p: Placed, points: CodePointIndex): string[] {
  const a = p.annotation;
  const selector: Record<string, unknown> = {};
  if (!a.quote) {
    // A note on the whole page: the selection is the whole text, and says so.
    selector.page = true;
  } else {
    const here = describeRange(plan.text, p.start, p.end);
    if (here.quote.exact !== a.quote.exact) selector.exact = a.quote.exact;
    if (here.quote.prefix !== a.quote.prefix) selector.prefix = a.quote.prefix;
    if (here.quote.suffix !== a.quote.suffix) selector.suffix = a.quote.suffix;
    // Positions count code points, here as in the model.
    const start = points.toCodePoint(here.position.start);
    const end = points.toCodePoint(here.position.end);
    if (a.position && (plan.origin === 'quotes' || start !== a.position.start || end !== a.position.end)) {
      selector.start = a.position.start;
      selector.end = a.position.end;
    }
  }
  const lines: string[] = [];
  if (Object.keys(selector).length) lines.push(`Pizhu-${FOOTER_SELECTOR}: ${JSON.stringify(selector)}`);
  if (a.sourceUrl !== a.pageUrl) lines.push(`Pizhu-${FOOTER_SOURCE}: ${JSON.stringify(a.sourceUrl)}`);
  return lines;
}

function pageDescription(page: PageRecord | undefined, url: string, origin: SourcePlan['origin']): string {
  const lines = [
    page?.title && `${VARIABLES.title.name}：${page.title}`,
    page?.issuer && `${VARIABLES.issuer.name}：${page.issuer}`,
    page?.published && `${VARIABLES.published.name}：${page.published}`,
    page?.docNumber && `${VARIABLES.docNumber.name}：${page.docNumber}`,
    `${VARIABLES.url.name}：${url}`,
    origin === 'quotes' &&
      '本文本由批注的引文及其上下文拼成（页面原文未保存，或批注在保存的原文中找不到）。 This text is assembled from the quotes of the annotations and their context: the page text was not stored, or the annotations could not be found in it.',
  ];
  return lines.filter(Boolean).join('\n');
}

function variableValues(page: PageRecord | undefined, url: string, origin: SourcePlan['origin'], guids: Record<VariableKey, string>): string[] {
  const values: [VariableKey, string | undefined][] = [
    ['title', page?.title || undefined],
    ['url', url],
    ['kind', page ? KIND_VALUES[page.kind] : undefined],
    ['issuer', page?.issuer || undefined],
    ['published', isoDate(page?.published)],
    ['docNumber', page?.docNumber || undefined],
    ['text', TEXT_ORIGIN[origin]],
  ];
  return values
    .filter((v): v is [VariableKey, string] => v[1] !== undefined)
    .map(([key, value]) => {
      const tag = VARIABLES[key].type === 'Date' ? 'DateValue' : 'TextValue';
      return `      <VariableValue><VariableRef targetGUID="${guids[key]}"/><${tag}>${xml(value)}</${tag}></VariableValue>`;
    });
}

/** Terms the annotations use that no codebook given holds: written under a group of their own. */
function unlistedCodebook(input: ProjectInput, listed: Set<string>): TaxonomyState | undefined {
  const missing = new Set<string>();
  for (const a of input.annotations) for (const t of a.terms) if (!listed.has(t)) missing.add(t);
  if (!missing.size) return undefined;
  const scheme = 'urn:pizhu:qdpx:unlisted-terms';
  const taxonomy = { id: 'urn:pizhu:qdpx:unlisted', label: { zh: '其他编码', en: 'Other terms' }, schemes: [{ id: scheme, label: { zh: '其他编码', en: 'Other terms' }, order: 0 }], version: 1, modified: '' };
  const terms = [...missing].map((id, order): Term => {
    const known = input.terms?.get(id);
    return { ...(known ?? { id, taxonomyId: taxonomy.id, notation: '', label: { zh: id, en: id }, color: '#888888' }), scheme, order, parent: undefined };
  });
  return { taxonomy, terms };
}

export async function writeProject(input: ProjectInput): Promise<ProjectFiles> {
  const now = input.now ?? new Date();
  const stamp = now.toISOString();
  const batch = input.batchSize ?? 2000;
  const byPage = new Map<string, AnnotationRecord[]>();
  for (const a of input.annotations) {
    const list = byPage.get(a.pageUrl);
    if (list) list.push(a);
    else byPage.set(a.pageUrl, [a]);
  }

  // Users: every coder of the annotations, and the stand-in for those without one.
  const users = new Map<string, { guid: string; name: string }>();
  for (const a of input.annotations) {
    const iri = coderIri(a.creator);
    if (!users.has(iri)) {
      const name = a.creator?.name || (a.creator?.id ? UNNAMED_CODER : UNKNOWN_CODER.name);
      users.set(iri, { guid: await userGuid(a.creator), name });
    }
  }
  const userOf = (a: AnnotationRecord) => users.get(coderIri(a.creator))!.guid;

  // Codes: the codebooks, then any term outside them.
  const listed = new Set(input.codebooks.flatMap((c) => c.terms.map((t) => t.id)));
  const unlisted = unlistedCodebook(input, listed);
  const codes: string[] = [];
  for (const book of unlisted ? [...input.codebooks, unlisted] : input.codebooks) for (const line of await codeLines(book, '      ')) codes.push(line);
  const codeGuids = new Map<string, string>();
  for (const a of input.annotations) for (const t of a.terms) if (!codeGuids.has(t)) codeGuids.set(t, await guidForIri(t));

  const variableGuids = Object.fromEntries(
    await Promise.all((Object.keys(VARIABLES) as VariableKey[]).map(async (k) => [k, await variableGuid(k)] as const)),
  ) as Record<VariableKey, string>;

  const files: ProjectFiles = { qde: '', sources: [], assembled: [] };
  const sourceXml: string[] = [];
  const noteXml: string[] = [];
  const cases = new Map<string, string[]>();
  let done = 0;
  for (const [url, list] of byPage) {
    const page = input.pages.get(url);
    for (const plan of await planSources(url, list, page, files.assembled)) {
      input.signal?.throwIfAborted();
      const fileName = `${plan.guid}.txt`;
      files.sources.push({ path: `Sources/${fileName}`, text: plan.text });
      if (page?.issuer) cases.set(page.issuer, [...(cases.get(page.issuer) ?? []), plan.guid]);
      const title = page?.title || url;
      const sourceAttrs = attrs([
        ['guid', plan.guid],
        ['name', fileSafe(plan.origin === 'quotes' ? `${title}（${TEXT_ORIGIN.quotes}）` : title)],
        ['plainTextPath', `internal://${fileName}`],
        ['creationDateTime', dateTime(page?.firstSeen, stamp)],
        ['modifiedDateTime', dateTime(page?.snapshotAt ?? page?.lastSeen, stamp)],
      ]);
      sourceXml.push(`    <TextSource ${sourceAttrs}>`, `      <Description>${xml(pageDescription(page, url, plan.origin))}</Description>`);
      const points = codePointIndex(plan.text);
      const placed = [...plan.placed].sort((x, y) => x.start - y.start || x.end - y.end || x.annotation.id.localeCompare(y.annotation.id));
      for (const p of placed) {
        const a = p.annotation;
        const user = userOf(a);
        const selection = await guidForIri(a.id);
        // A selection is named by its quote; a note on the whole page by the page's title.
        const name = a.quote?.exact ?? page?.title ?? url;
        const selAttrs = attrs([
          ['guid', selection],
          ['name', name],
          ['startPosition', points.toCodePoint(p.start)],
          ['endPosition', points.toCodePoint(p.end)],
          ['creatingUser', user],
          ['creationDateTime', dateTime(a.created, stamp)],
          ['modifyingUser', user],
          ['modifiedDateTime', dateTime(a.modified, stamp)],
        ]);
        sourceXml.push(`      <PlainTextSelection ${selAttrs}>`);
        const footer = footerOf(plan, p, points);
        const description = [a.note, ...(footer.length ? ['---', ...footer] : [])].filter((l, i) => i > 0 || l !== '').join('\n');
        if (description) sourceXml.push(`        <Description>${xml(description)}</Description>`);
        for (const term of a.terms) {
          const coding = attrs([['guid', codingGuid(selection, codeGuids.get(term)!)], ['creatingUser', user], ['creationDateTime', dateTime(a.created, stamp)]]);
          sourceXml.push(`        <Coding ${coding}><CodeRef targetGUID="${codeGuids.get(term)}"/></Coding>`);
        }
        if (a.note) {
          const guid = noteGuid(selection);
          sourceXml.push(`        <NoteRef targetGUID="${guid}"/>`);
          const quote = [...name];
          const noteAttrs = attrs([
            ['guid', guid],
            ['name', `批注：${quote.slice(0, 20).join('')}${quote.length > 20 ? '…' : ''}`],
            ['creatingUser', user],
            ['creationDateTime', dateTime(a.created, stamp)],
            ['modifyingUser', user],
            ['modifiedDateTime', dateTime(a.modified, stamp)],
          ]);
          noteXml.push(`    <Note ${noteAttrs}>`, `      <PlainTextContent>${xml(a.note)}</PlainTextContent>`, '    </Note>');
        }
        sourceXml.push('      </PlainTextSelection>');
        if (++done % batch === 0) await input.onProgress?.(done);
      }
      sourceXml.push(...variableValues(page, url, plan.origin, variableGuids), '    </TextSource>');
    }
  }
  await input.onProgress?.(done);
  input.signal?.throwIfAborted();

  const day = now.toISOString().slice(0, 10);
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${QDE_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${QDE_SCHEMA_LOCATION}" ${attrs([
      ['name', input.name ?? `批注 Pizhu ${day}`],
      ['origin', 'Pizhu 批注'],
      ['creationDateTime', now.toISOString()],
    ])}>`,
  ];
  if (users.size) {
    out.push('  <Users>');
    for (const [iri, u] of users) out.push(`    <User ${attrs([['guid', u.guid], ['name', u.name], ['id', iri]])}/>`);
    out.push('  </Users>');
  }
  if (codes.length) out.push('  <CodeBook>', '    <Codes>', codes.join('\n'), '    </Codes>', '  </CodeBook>');
  if (sourceXml.length) {
    out.push('  <Variables>');
    for (const key of Object.keys(VARIABLES) as VariableKey[]) {
      const v = VARIABLES[key];
      out.push(`    <Variable ${attrs([['guid', variableGuids[key]], ['name', v.name], ['typeOfVariable', v.type]])}><Description>${xml(v.en)}</Description></Variable>`);
    }
    out.push('  </Variables>');
  }
  if (cases.size) {
    out.push('  <Cases>');
    for (const [issuer, sources] of cases) {
      out.push(`    <Case ${attrs([['guid', await caseGuid(issuer)], ['name', issuer]])}>`, `      <Description>${xml(`${VARIABLES.issuer.name} ${VARIABLES.issuer.en}`)}</Description>`);
      for (const s of sources) out.push(`      <SourceRef targetGUID="${s}"/>`);
      out.push('    </Case>');
    }
    out.push('  </Cases>');
  }
  // Joined, not spread: 100,000 selections are more lines than a call may take arguments.
  if (sourceXml.length) out.push('  <Sources>', sourceXml.join('\n'), '  </Sources>');
  if (noteXml.length) out.push('  <Notes>', noteXml.join('\n'), '  </Notes>');
  out.push('</Project>', '');
  files.qde = out.join('\n');
  return files;
}
