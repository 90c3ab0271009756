// The gold set of indicator names (tests/fixtures/indicators) as the scorer and the unit tests read it: the
// text of a stored report page, and the two comparisons of docs/indicators-gold.md.

/**
 * The text of a report page saved as simple HTML: its paragraphs, one a line, tags dropped and the few
 * entities such pages use decoded. The labels were written against exactly this text.
 */
export function reportText(html: string): string {
  return [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
    .map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ')
      .replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    .join('\n');
}

/** Exact: the same text after Unicode NFKC and with white space removed. */
export function foldExact(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

/** Acceptable: also without quotation marks, title marks and brackets (their words stay), and without 了. */
export function foldAcceptable(s: string): string {
  return foldExact(s).replace(/[“”‘’"'《》〈〉「」『』()[\]【】]/g, '').replace(/了/g, '');
}

export interface GoldDocument {
  id: string;
  split: 'dev' | 'heldout';
  text: string;
}

/** [figure as recognised, exact indicator or null when it states none, other accepted names]. */
export type GoldItem = [string, string | null, string[]];

/**
 * The labelled documents: the texts of sources.json (given inline, or as a `page` saved beside the project's
 * tests) and the external pages gold.json names (the 张店 report in ../shared), with their labels.
 */
export function loadGold(
  projectRoot: string,
  read: (file: string) => string,
): Array<GoldDocument & { items: GoldItem[] }> {
  const dir = `${projectRoot}/tests/fixtures/indicators`;
  const sources: Array<{ id: string; split: 'dev' | 'heldout'; text?: string; page?: string }> = JSON.parse(read(`${dir}/sources.json`));
  const gold: {
    documents: Record<string, GoldItem[]>;
    external?: Record<string, { split: 'dev' | 'heldout'; page: string }>;
  } = JSON.parse(read(`${dir}/gold.json`));
  const docs = new Map<string, GoldDocument>();
  for (const s of sources) docs.set(s.id, { id: s.id, split: s.split, text: s.text ?? reportText(read(`${projectRoot}/${s.page}`)) });
  for (const [id, ext] of Object.entries(gold.external ?? {})) {
    docs.set(id, { id, split: ext.split, text: reportText(read(`${projectRoot}/${ext.page}`)) });
  }
  return Object.entries(gold.documents).map(([id, items]) => {
    const doc = docs.get(id);
    if (!doc) throw new Error(`gold.json names ${id}, which is among no sources`);
    return { ...doc, items };
  });
}
