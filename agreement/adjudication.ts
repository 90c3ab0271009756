// Adjudication: where two or more coders differ on a page, and the consensus coder's annotations once each
// difference is settled.
//
// Disagreements. The annotations (with the chosen terms) of the coders who coded the page are grouped into passages:
// annotations that overlap, directly or through others, form one passage, from the first start to the last end
// (annotations that only touch end to end are separate passages). In a passage the coders agree when, term by term,
// each of them covers exactly the same characters; otherwise the passage is a disagreement item showing each coder's
// spans and terms, with the terms in dispute. A coder with nothing in the passage disagrees with one who marked it.
//
// Resolutions, per item: accept a coder's annotations (accept A / accept B, any of the coders for more), merge
// (term by term, every character any coder covered; annotations of the same span are joined, their notes kept), or
// neither (nothing in the consensus there). The UI keeps them by the item's key. The key is a name-based UUID of
// the passage's annotations (ids, spans, terms), prefixed by the page URL: while they stay as they are the key and
// its resolution hold; when one changes, the item comes back unresolved and the old key is listed as stale.
//
// Consensus. The consensus coder (coders.ts consensusCoderId) gets, for each page, the agreed passages as the first
// coder had them and the resolved items as resolved — plain AnnotationRecords with quote and position selectors
// (anchoring/describe.ts), ids derived from the consensus coder, page, span and terms (so the same decision always
// gives the same record), created/modified kept from the consensus coder's stored record when unchanged. The set
// for a page replaces the consensus coder's annotations on that page; pages fewer than two coders coded have no
// consensus. Coders are `Coder`s as in the report; the consensus coder's own annotations among `annotations` are
// read as the stored consensus, never as a coder's.
import { codePointIndex } from '../anchoring/code-points';
import { describeRange } from '../anchoring/describe';
import type { AnnotationRecord } from '../model';
import { uuidV5 } from '../model';
import { CONSENSUS_NAMESPACE, coderOf as defaultCoderOf, derivedId, type Coder } from './coders';
import { placeAnnotations, type Placed } from '../anchoring/place';
import { mergeIntervals, type Intervals } from './tally';

export type Resolution = { choice: 'accept'; coder: string } | { choice: 'merge' } | { choice: 'neither' };

export interface CoderSpan {
  annotationId: string;
  start: number;
  end: number;
  /** The annotation's terms among the chosen ones. */
  terms: string[];
  note: string;
}

export interface CoderSide {
  /** Coder id (creator IRI). */
  coder: string;
  /** Sorted by start; empty when the coder marked nothing in the passage. */
  spans: CoderSpan[];
}

export interface Disagreement {
  key: string;
  pageUrl: string;
  start: number;
  end: number;
  /** The passage's text. */
  text: string;
  /** One per coder who coded the page, in the order the coders were given. */
  sides: CoderSide[];
  /** The terms whose coverage differs between the coders. */
  disputed: string[];
  resolution?: Resolution;
}

export interface AdjudicationProgress {
  total: number;
  resolved: number;
  left: number;
}

export interface PageAdjudication {
  pageUrl: string;
  /** Ids of the coders who coded the page (annotated it at all), in the order given. */
  coders: string[];
  items: Disagreement[];
  /** Passages all coders coded alike (already in the consensus). */
  agreed: number;
  progress: AdjudicationProgress;
  /** The consensus coder's annotations for this page. */
  consensus: AnnotationRecord[];
  /** Resolution keys of this page that match no item any more: their passage changed. */
  stale: string[];
  /** Annotations that could not be found in the page text, left out. */
  unplaced: string[];
}

export interface AdjudicationInput {
  /** The page text the annotations anchor to (PageRecord.snapshot). */
  page: { url: string; text: string };
  /** The coders to reconcile, two or more; the first one's annotations stand for agreed passages. */
  coders: readonly Coder[];
  /** Any annotations; those of the coders (and of the consensus coder) on this page are used. */
  annotations: readonly AnnotationRecord[];
  /** Term IRIs to adjudicate; by default all. Other terms are left out of passages and consensus. */
  terms?: readonly string[];
  coderOf?: (a: AnnotationRecord) => string;
}

export interface ConsensusOptions {
  /** The consensus coder: id from consensusCoderId, and the name it exports under. */
  consensus: Coder;
  /** ISO 8601 time for new or changed consensus annotations. */
  now: string;
}

interface Member extends Placed {
  coder: number;
  terms: string[];
}

function sameIntervals(a: Intervals | undefined, b: Intervals | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** Passages of overlapping annotations, each sorted by start. */
function passages(members: Member[]): Member[][] {
  const sorted = [...members].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Member[][] = [];
  let reach = -1;
  for (const m of sorted) {
    if (m.start >= reach) out.push([]);
    out[out.length - 1].push(m);
    reach = Math.max(reach, m.end);
  }
  return out;
}

function coverage(members: readonly Member[], coder: number, term: string): Intervals {
  const flat: number[] = [];
  for (const m of members) if (m.coder === coder && m.terms.includes(term)) flat.push(m.start, m.end);
  return mergeIntervals(flat);
}

async function itemKey(pageUrl: string, members: readonly Member[]): Promise<string> {
  const content = members.map((m) => `${m.annotation.id} ${m.start} ${m.end} ${m.terms.join(' ')}`).sort().join('\n');
  return `${pageUrl}#${await uuidV5(`${pageUrl}\n${content}`, CONSENSUS_NAMESPACE)}`;
}

interface Draft {
  start: number;
  end: number;
  terms: string[];
  note: string;
  sourceUrl: string;
}

function copies(members: readonly Member[], coder: number): Draft[] {
  return members.filter((m) => m.coder === coder).map((m) => ({
    start: m.start, end: m.end, terms: m.terms, note: m.annotation.note, sourceUrl: m.annotation.sourceUrl,
  }));
}

/** Term by term, every character any coder covered; spans covered with several terms become one annotation. */
function merged(members: readonly Member[], termOrder: readonly string[]): Draft[] {
  const spans = new Map<string, Draft>();
  for (const term of termOrder) {
    const flat: number[] = [];
    for (const m of members) if (m.terms.includes(term)) flat.push(m.start, m.end);
    const iv = mergeIntervals(flat);
    for (let k = 0; k < iv.length; k += 2) {
      const [start, end] = [iv[k], iv[k + 1]];
      const at = `${start}-${end}`;
      let d = spans.get(at);
      if (!d) {
        const from = members.filter((m) => m.start < end && m.end > start);
        const notes = [...new Set(from.map((m) => m.annotation.note).filter((n) => n !== ''))];
        spans.set(at, (d = { start, end, terms: [], note: notes.join('\n'), sourceUrl: from[0].annotation.sourceUrl }));
      }
      d.terms.push(term);
    }
  }
  return [...spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

export async function adjudicatePage(
  input: AdjudicationInput,
  resolutions: ReadonlyMap<string, Resolution>,
  options: ConsensusOptions,
): Promise<PageAdjudication> {
  const { page } = input;
  const whose = input.coderOf ?? defaultCoderOf;
  const index = new Map(input.coders.map((c, i) => [c.id, i]));
  const chosen = input.terms ? new Set(input.terms) : null;
  const onPage = input.annotations.filter((a) => a.pageUrl === page.url);
  const mine = onPage.filter((a) => index.has(whose(a)));
  const previous = new Map(onPage.filter((a) => whose(a) === options.consensus.id).map((a) => [a.id, a]));
  const coded = [...new Set(mine.map((a) => index.get(whose(a))!))].sort((a, b) => a - b);
  const { placed, unplaced } = placeAnnotations(page.text, mine);

  const members: Member[] = [];
  for (const p of placed) {
    const terms = [...new Set(p.annotation.terms)].filter((t) => !chosen || chosen.has(t));
    if (terms.length > 0) members.push({ ...p, coder: index.get(whose(p.annotation))!, terms });
  }
  const termOrder = input.terms ? [...input.terms] : [...new Set(members.flatMap((m) => m.terms))];

  const items: Disagreement[] = [];
  const drafts: Draft[] = [];
  let agreed = 0;
  if (coded.length >= 2) {
    for (const passage of passages(members)) {
      const terms = termOrder.filter((t) => passage.some((m) => m.terms.includes(t)));
      const disputed = terms.filter((t) => {
        const first = coverage(passage, coded[0], t);
        return coded.some((c) => !sameIntervals(coverage(passage, c, t), first));
      });
      if (disputed.length === 0) {
        agreed++;
        drafts.push(...copies(passage, coded[0]));
        continue;
      }
      const key = await itemKey(page.url, passage);
      const item: Disagreement = {
        key,
        pageUrl: page.url,
        start: passage[0].start,
        end: Math.max(...passage.map((m) => m.end)),
        text: '',
        sides: coded.map((c) => ({
          coder: input.coders[c].id,
          spans: passage.filter((m) => m.coder === c).map((m) => ({
            annotationId: m.annotation.id, start: m.start, end: m.end, terms: m.terms, note: m.annotation.note,
          })),
        })),
        disputed,
      };
      item.text = page.text.slice(item.start, item.end);
      const r = resolutions.get(key);
      const accepted = r?.choice === 'accept' ? coded.find((c) => input.coders[c].id === r.coder) : undefined;
      if (r && (r.choice !== 'accept' || accepted !== undefined)) {
        item.resolution = r;
        if (r.choice === 'merge') drafts.push(...merged(passage, termOrder));
        else if (r.choice === 'accept') drafts.push(...copies(passage, accepted!));
      }
      items.push(item);
    }
  }

  const consensus = new Map<string, AnnotationRecord>();
  // Stored positions count code points, as the model does; the passages here are UTF-16 ranges of the text.
  const points = codePointIndex(page.text);
  for (const d of drafts) {
    const described = describeRange(page.text, d.start, d.end);
    const { quote } = described;
    const position = { start: points.toCodePoint(described.position.start), end: points.toCodePoint(described.position.end) };
    const id = await derivedId(options.consensus.id, `${page.url}\n${position.start}\n${position.end}\n${d.terms.join('\n')}`);
    if (consensus.has(id)) continue;
    const before = previous.get(id);
    const unchanged = before !== undefined && before.note === d.note && before.sourceUrl === d.sourceUrl &&
      before.creator?.name === options.consensus.name;
    consensus.set(id, {
      id,
      pageUrl: page.url,
      sourceUrl: d.sourceUrl,
      quote,
      position,
      terms: [...d.terms],
      note: d.note,
      creator: { id: options.consensus.id, name: options.consensus.name },
      created: before?.created ?? options.now,
      modified: unchanged ? before.modified : options.now,
    });
  }

  const keys = new Set(items.map((i) => i.key));
  const stale = [...resolutions.keys()].filter((k) => k.startsWith(`${page.url}#`) && !keys.has(k));
  const resolved = items.filter((i) => i.resolution).length;
  return {
    pageUrl: page.url,
    coders: coded.map((c) => input.coders[c].id),
    items,
    agreed,
    progress: { total: items.length, resolved, left: items.length - resolved },
    consensus: [...consensus.values()],
    stale,
    unplaced: unplaced.map((a) => a.id),
  };
}

/** Progress over several pages. */
export function adjudicationProgress(pages: readonly PageAdjudication[]): AdjudicationProgress {
  const total = pages.reduce((s, p) => s + p.progress.total, 0);
  const resolved = pages.reduce((s, p) => s + p.progress.resolved, 0);
  return { total, resolved, left: total - resolved };
}
