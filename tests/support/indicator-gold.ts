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
