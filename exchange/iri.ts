// Identifiers from files. The W3C model says IRIs; its test suite checks URIs (ASCII only), so Pizhu writes an IRI
// in its URI form (RFC 3987 §3.1: characters outside ASCII percent-encoded as UTF-8), which names the same resource.
import { MAX_IRI_LENGTH } from './bounds';
import { isUri } from './w3c-musts';

/** The URI form of an absolute IRI, or undefined when the text is none (no scheme, spaces, characters no IRI has). */
export function toUri(iri: string): string | undefined {
  if (isUri(iri as unknown)) return iri;
  let encoded: string;
  try {
    // encodeURI leaves ASCII's reserved characters alone, and throws on a lone surrogate (not text at all).
    // Every character past ASCII (a negated control class would trip the lint rule on NUL).
    encoded = iri.replace(/[\u0080-\u{10ffff}]+/gu, (run) => encodeURI(run));
  } catch {
    return undefined;
  }
  return isUri(encoded) ? encoded : undefined;
}

/** An IRI Pizhu can use as a key: absolute, in URI form, and not longer than the bound on keys. */
export function usableIri(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_IRI_LENGTH * 4) return undefined;
  const uri = toUri(value);
  return uri !== undefined && uri.length <= MAX_IRI_LENGTH ? uri : undefined;
}
