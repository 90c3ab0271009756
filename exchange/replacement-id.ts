// A new id for an annotation whose own is no usable IRI. It is made from the annotation's text, so that importing
// the same file twice gives the same ids (and the second import finds them unchanged) while two different
// annotations that share a bad id ("1", "   ") get different ones. taxonomy/name-uuid.ts makes name-based UUIDs
// with SHA-1, but through the asynchronous WebCrypto API; the import reads files synchronously, so this is a
// synchronous 128-bit hash (four FNV-1a lanes, each finished with MurmurHash3's mixer) in a version 8 UUID.

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function replacementId(text: string): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x7f4a7c15];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul(lanes[l] ^ (c + l * 0x3b), 0x01000193);
  }
  const bytes = new Uint8Array(16);
  lanes.forEach((lane, l) => {
    const h = fmix32(lane ^ Math.imul(text.length, l + 1));
    for (let b = 0; b < 4; b++) bytes[l * 4 + b] = (h >>> (24 - 8 * b)) & 0xff;
  });
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
