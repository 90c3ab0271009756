// The name of an outline part's colour: the panel's class (a swatch in the outline) and, prefixed with
// pizhu-outline-, the page's CSS highlight name (page/study-drawing.ts). One name for both, so the
// panel's swatches read as the legend of what "draw the structure" paints on the page.
import type { OutlineNode } from './types';

/** Heading levels past this share the deepest level's colour: reports rarely go below （1）. */
export const DEEPEST_LEVEL = 4;

const NAMES: Record<Exclude<OutlineNode['kind'], 'heading'>, string> = {
  title: 'title',
  docNumber: 'docno',
  addressee: 'addressee',
  opening: 'opening',
  enumeration: 'enumeration',
  closing: 'closing',
  attachment: 'attachment',
  attachmentItem: 'attachment-item',
  signature: 'signature',
  date: 'date',
  publicationNote: 'publication-note',
};

export function partClass(node: Pick<OutlineNode, 'kind' | 'level'>): string {
  return node.kind === 'heading' ? `heading-${Math.min(Math.max(node.level ?? 1, 1), DEEPEST_LEVEL)}` : NAMES[node.kind];
}

/** Every part class there is. */
export const PART_CLASSES: string[] = [
  ...Object.values(NAMES),
  ...Array.from({ length: DEEPEST_LEVEL }, (_, i) => `heading-${i + 1}`),
];
