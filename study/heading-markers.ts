// The numbering that opens a heading. GB/T 9704-2012 (7.3.3) gives the sequence 一、 （一） 1. （1）; reports
// also write 1、 1． (三)、 and, above 一、, 第一部分 — or 第一、 in place of 一、.

export type MarkerStyle = 'part' | 'ordinal' | 'cn' | 'parenCn' | 'arabic' | 'parenArabic';

export interface HeadingMarker {
  style: MarkerStyle;
  /** The marker as written, e.g. "(三)、" or "1、". */
  text: string;
}

const NUM_CN = '[一二三四五六七八九十]{1,3}';
const NUM_AR = '[0-9０-９]{1,2}';

const MARKERS: Array<[MarkerStyle, RegExp]> = [
  ['part', new RegExp(`^第${NUM_CN}部分[\\s、，,．.:：]*`)],
  ['ordinal', new RegExp(`^第${NUM_CN}、`)],
  ['cn', new RegExp(`^${NUM_CN}[、．.]`)],
  ['parenCn', new RegExp(`^[(（]${NUM_CN}[)）][、，,．.]?`)],
  ['arabic', new RegExp(`^${NUM_AR}[.．、](?![0-9０-９])\\s*`)],
  ['parenArabic', new RegExp(`^[(（]${NUM_AR}[)）][、，,．.]?`)],
];

/** Depth of each style in the standard sequence, counting 第一部分 as the level above 一、. */
export const STYLE_DEPTH: Record<MarkerStyle, number> = {
  part: 0, ordinal: 1, cn: 1, parenCn: 2, arabic: 3, parenArabic: 4,
};

/** The heading marker at the start of already-trimmed text, or null. */
export function headingMarker(trimmed: string): HeadingMarker | null {
  for (const [style, re] of MARKERS) {
    const m = re.exec(trimmed);
    if (m) return { style, text: m[0] };
  }
  return null;
}

/**
 * Whether a marker has the form of the standard's sequence 一、 （一） 1. （1）. Half- and full-width parentheses
 * and points are both accepted: the difference is one of typesetting, not of form.
 */
export function isStandardMarker(marker: HeadingMarker): boolean {
  const t = marker.text.trim();
  switch (marker.style) {
    case 'cn': return t.endsWith('、');
    case 'parenCn': return /[)）]$/.test(t);
    case 'arabic': return /[.．]$/.test(t);
    case 'parenArabic': return /[)）]$/.test(t);
    default: return false;
  }
}
