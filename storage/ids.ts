// Ids: `urn:uuid:` IRIs (stable, global, valid W3C ids) for annotations and coders. crypto.randomUUID exists only
// in secure contexts, and county sites are often plain http, so the UUID is built from getRandomValues (RFC 4122,
// version 4).
export function newUuidIri(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const newAnnotationId = newUuidIri;
