// Who coded what. Coders are told apart by their creator IRI (AnnotationRecord.creator.id): the team's sync and the
// import of a colleague's export both set it. Two fallbacks keep every annotation someone's:
//   - a creator with a name but no IRI (an export from a tool that names people only) is keyed `name:<name>`;
//   - an annotation with no creator at all was made in this browser by its own user, keyed SELF_CODER (the UI
//     names that coder 你 / You).
// The consensus coder of an adjudication has an IRI of its own derived from the coders it reconciles (below), so
// that every teammate who adjudicates the same coders writes to the same coder, and its annotations export, sync
// and count like anyone's.
import type { AnnotationRecord } from '../model';
import { uuidV5 } from '../model';

export interface Coder {
  /** Creator IRI, or one of the fallback keys above. */
  id: string;
  name: string;
}

export const SELF_CODER = 'pizhu:self';

export function coderOf(annotation: Pick<AnnotationRecord, 'creator'>): string {
  const c = annotation.creator;
  if (c?.id) return c.id;
  if (c?.name) return `name:${c.name}`;
  return SELF_CODER;
}

export interface CoderSummary extends Coder {
  annotations: number;
  /** Pages (normalised URLs) the coder annotated. */
  pages: number;
}

/** The coders among some annotations, most annotations first: what the UI offers to choose from. */
export function codersIn(annotations: Iterable<AnnotationRecord>): CoderSummary[] {
  const found = new Map<string, { name: string; annotations: number; pages: Set<string> }>();
  for (const a of annotations) {
    const id = coderOf(a);
    let c = found.get(id);
    if (!c) found.set(id, (c = { name: a.creator?.name ?? '', annotations: 0, pages: new Set() }));
    c.annotations++;
    c.pages.add(a.pageUrl);
  }
  return [...found].map(([id, c]) => ({ id, name: c.name, annotations: c.annotations, pages: c.pages.size }))
    .sort((a, b) => b.annotations - a.annotations || (a.id < b.id ? -1 : 1));
}

/**
 * The pages that at least `atLeast` of the coders annotated (the agreement report's default selection: pages two or
 * more of the chosen coders both coded), in the order first met.
 */
export function pagesCodedBy(annotations: Iterable<AnnotationRecord>, coderIds: readonly string[], atLeast = 2): string[] {
  const wanted = new Set(coderIds);
  const byPage = new Map<string, Set<string>>();
  for (const a of annotations) {
    const id = coderOf(a);
    if (!wanted.has(id)) continue;
    let s = byPage.get(a.pageUrl);
    if (!s) byPage.set(a.pageUrl, (s = new Set()));
    s.add(id);
  }
  return [...byPage].filter(([, s]) => s.size >= atLeast).map(([url]) => url);
}

/** Pizhu's namespace for the name-based UUIDs of consensus coders (a random v4 UUID, fixed for good). */
export const CONSENSUS_NAMESPACE = '5b0c8f3e-2d4a-4c61-9a7e-8f1d3c6b2e90';

/**
 * The consensus coder of a set of coders: `urn:uuid:` + the name-based UUID (version 5, SHA-1, RFC 9562 §5.5) of
 * their IRIs, sorted and joined with line feeds, in CONSENSUS_NAMESPACE. It does not depend on the order the coders
 * were chosen in, and anyone can recompute it, e.g. in Python:
 *   uuid.uuid5(uuid.UUID('5b0c8f3e-2d4a-4c61-9a7e-8f1d3c6b2e90'), '\n'.join(sorted(iris)))
 */
export async function consensusCoderId(coderIds: readonly string[]): Promise<string> {
  const name = [...new Set(coderIds)].sort().join('\n');
  return `urn:uuid:${await uuidV5(name, CONSENSUS_NAMESPACE)}`;
}

/** A name-based UUID IRI under another `urn:uuid:` IRI (a consensus annotation under its coder). */
export async function derivedId(parent: string, name: string): Promise<string> {
  return `urn:uuid:${await uuidV5(name, parent.replace(/^urn:uuid:/, ''))}`;
}
