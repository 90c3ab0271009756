// A DOM selection as offsets into a TextMap, and back. Selections begin and end anywhere (inside text, between
// elements, in page chrome the map leaves out), so each end is moved to the nearest mapped text inside the range.
import type { TextMap } from './text-map';

/** First index whose node ends after the range's start, by binary search over nodes in document order. */
function firstNodeIn(map: TextMap, range: Range): number {
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const node = map.nodes[mid];
    if (range.comparePoint(node, node.data.length) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Last index whose node starts before the range's end. */
function lastNodeIn(map: TextMap, range: Range): number {
  let lo = -1;
  let hi = map.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (range.comparePoint(map.nodes[mid], 0) > 0) hi = mid - 1;
    else lo = mid;
  }
  return lo;
}

const isSpace = (c: string) => /\s/.test(c);

/**
 * The [start, end) offsets of the mapped text inside `range`, white space trimmed at both ends; null when the
 * range holds no mapped text (a selection in a footer the scan left out, or an empty one).
 */
export function rangeToOffsets(map: TextMap, range: Range): { start: number; end: number } | null {
  if (range.collapsed || map.nodes.length === 0) return null;
  const first = firstNodeIn(map, range);
  const last = lastNodeIn(map, range);
  if (first > last || first >= map.nodes.length) return null;
  const firstNode = map.nodes[first];
  const lastNode = map.nodes[last];
  let start = map.starts[first] + (range.startContainer === firstNode ? range.startOffset : 0);
  let end = map.starts[last] + (range.endContainer === lastNode ? range.endOffset : lastNode.data.length);
  while (start < end && isSpace(map.text[start])) start++;
  while (end > start && isSpace(map.text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
