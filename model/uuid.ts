// UUIDs, the ids of Pizhu's records: random ones (RFC 9562 version 4) for what is made here, and name-based ones
// (version 5, SHA-1, URL namespace) for what must come out the same every time: the same IRI always gives the same
// UUID, here and in any other tool (Python's uuid.uuid5(uuid.NAMESPACE_URL, iri) agrees), so a re-exported codebook
// keeps its guids. crypto.randomUUID exists only in secure contexts, and county sites are often plain http, so the
// random UUID is built from getRandomValues.

const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function bytesOf(uuid: string): Uint8Array {
  return Uint8Array.from(uuid.replace(/-/g, '').match(/../g)!.map((h) => parseInt(h, 16)));
}

export async function uuidV5(name: string, namespace = URL_NAMESPACE): Promise<string> {
  const ns = bytesOf(namespace);
  const utf8 = new TextEncoder().encode(name);
  const input = new Uint8Array(ns.length + utf8.length);
  input.set(ns);
  input.set(utf8, ns.length);
  return formatUuid(new Uint8Array(await crypto.subtle.digest('SHA-1', input)).slice(0, 16), 5);
}

export function randomUuid(): string {
  return formatUuid(crypto.getRandomValues(new Uint8Array(16)), 4);
}

/** 16 bytes as a UUID of the given version (RFC 9562 variant). */
function formatUuid(b: Uint8Array, version: 4 | 5): string {
  b[6] = (b[6] & 0x0f) | (version << 4);
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The guid a term or scheme IRI travels under: a `urn:uuid:` IRI keeps its own UUID, any other IRI is hashed. */
export async function guidForIri(iri: string): Promise<string> {
  const own = /^urn:uuid:(.+)$/i.exec(iri)?.[1]?.toLowerCase();
  return own && isUuid(own) ? own : uuidV5(iri);
}
