// A report's own document number stands on a line of its own under the title (张政字〔2018〕8号), or in the
// page's metadata block next to a 文号 label; numbers inside sentences are documents the report cites.
import type { DocNumberMatch } from '../recognition/types';
import type { Block } from './types';

const NUMBER_LABEL = /(?:文\s*号|字\s*号|发文号|發文號|文\s*號|字\s*號)\s*[:：]?\s*$/;

/** The first block that reads like running text: the front matter (metadata, title, number) lies before it. */
export function firstProseBlockIndex(blocks: Block[]): number {
  const i = blocks.findIndex((b) => /[。；]/.test(b.text) || b.text.trim().length > 60);
  return i < 0 ? blocks.length : i;
}

function standsAlone(block: Block, m: DocNumberMatch): boolean {
  const before = block.text.slice(0, m.start - block.start);
  const after = block.text.slice(m.end - block.start);
  if (after.trim() !== '') return false;
  return before.trim() === '' || NUMBER_LABEL.test(before);
}

export function findOwnDocNumber(blocks: Block[], docnos: DocNumberMatch[]): DocNumberMatch | undefined {
  const frontEnd = firstProseBlockIndex(blocks);
  for (const block of blocks.slice(0, frontEnd)) {
    const m = docnos.find((d) => d.start >= block.start && d.end <= block.end && standsAlone(block, d));
    if (m) return m;
  }
  return undefined;
}
