// The JSON-LD vocabulary of Pizhu's W3C export. Everything an annotation needs for a generic W3C client is in
// the standard context; this extension context only names what a re-import needs on top: the codebook's
// concepts (SKOS) and the page metadata (Dublin Core), each described once per collection.

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const DCTERMS = 'http://purl.org/dc/terms/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
/** Pizhu's own terms, where neither SKOS nor Dublin Core has one. */
export const PIZHU_VOCAB = 'urn:pizhu:vocab:';

export const PIZHU_CONTEXT = {
  Concept: `${SKOS}Concept`,
  prefLabel: { '@id': `${SKOS}prefLabel`, '@container': '@language' },
  scopeNote: { '@id': `${SKOS}scopeNote`, '@container': '@language' },
  notation: `${SKOS}notation`,
  inScheme: { '@id': `${SKOS}inScheme`, '@type': '@id' },
  broader: { '@id': `${SKOS}broader`, '@type': '@id' },
  taxonomy: { '@id': `${PIZHU_VOCAB}taxonomy`, '@type': '@id' },
  color: `${PIZHU_VOCAB}color`,
  shortcut: `${PIZHU_VOCAB}shortcut`,
  retired: { '@id': `${PIZHU_VOCAB}retired`, '@type': `${XSD}boolean` },
  order: { '@id': `${PIZHU_VOCAB}order`, '@type': `${XSD}integer` },
  title: `${DCTERMS}title`,
  issuer: `${DCTERMS}publisher`,
  published: { '@id': `${DCTERMS}issued`, '@type': `${XSD}date` },
  docNumber: `${PIZHU_VOCAB}docNumber`,
  pageKind: `${PIZHU_VOCAB}pageKind`,
  concepts: { '@id': `${PIZHU_VOCAB}concepts`, '@container': '@set' },
  pages: { '@id': `${PIZHU_VOCAB}pages`, '@container': '@set' },
} as const;

export const COLLECTION_CONTEXT = [ANNO_CONTEXT, PIZHU_CONTEXT] as const;

export const GENERATOR = { type: 'Software', name: 'Pizhu' } as const;

/** Tags from other tools have no IRI: one is made from the label, so the same tag always maps to the same term. */
export const TAG_IRI_PREFIX = 'urn:pizhu:tag:';

export function tagIri(label: string): string {
  return TAG_IRI_PREFIX + encodeURIComponent(label.normalize('NFC').trim());
}

/** Default upper bound on an import file: beyond it the whole text would sit in memory several times over. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
