// Files that once froze the library, made to any size: a REFI-QDA codebook of flat codes without colours, an
// annotation file whose every tag is a new term without a colour, and a codebook (taxonomy with terms) to store
// straight into the database. The benchmark (scripts/bench/codebook.mjs) and the e2e tests use them, so that what
// is measured and what is tested are the same files.

const hex = (n, width) => n.toString(16).padStart(width, '0');
/** A version-4-shaped UUID numbered `n` in its last group, distinct per `family`. */
export const uuid = (family, n) => `${hex(family, 8)}-0000-4000-8000-${hex(n, 12)}`;

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A .qdc with `count` top-level codes, none with a colour or a description (as MAXQDA writes a flat code list). */
export function flatCodebookQdc(count) {
  const codes = [];
  for (let i = 0; i < count; i++) codes.push(`<Code guid="${uuid(0xc0de, i)}" name="${escapeXml(`代码 ${i + 1}`)}" isCodable="true"/>`);
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="hostile"><Codes>\n${codes.join('\n')}\n</Codes></CodeBook>\n`;
}

/** A W3C annotation collection of `count` annotations on one page, each tagged with a text tag of its own. */
export function newTagsJsonLd(count, pageUrl = 'https://www.example.gov.cn/zwgk/2024/report.html') {
  const items = [];
  for (let i = 0; i < count; i++) {
    items.push({
      id: `urn:uuid:${uuid(0x7a6, i)}`,
      type: 'Annotation',
      motivation: 'tagging',
      created: '2024-05-01T08:00:00.000Z',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: `标签 ${i + 1}` }],
      target: { source: pageUrl, selector: [{ type: 'TextQuoteSelector', exact: `引文 ${i + 1}`, prefix: '', suffix: '' }] },
    });
  }
  return JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: count, first: { type: 'AnnotationPage', items } });
}

/**
 * A taxonomy of `count` terms as the database stores it: groups of one parent and nine children across two schemes,
 * every term with a colour, ids that sort in tree order.
 */
export function taxonomyRecords(count, taxonomyId = 'https://team.example/taxonomy/large') {
  const schemes = [
    { id: `${taxonomyId}/scheme/a`, label: { zh: '方案甲', en: 'Scheme A' }, order: 0 },
    { id: `${taxonomyId}/scheme/b`, label: { zh: '方案乙', en: 'Scheme B' }, order: 1 },
  ];
  const colours = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#a44fd6', '#469990'];
  const terms = [];
  const order = new Map();
  let parent;
  for (let i = 0; i < count; i++) {
    const isParent = i % 10 === 0;
    const group = Math.floor(i / 10);
    const scheme = schemes[group % 2].id;
    const slot = isParent ? scheme : parent.id;
    const position = order.get(slot) ?? 0;
    order.set(slot, position + 1);
    const term = {
      id: `${taxonomyId}/term/${String(i).padStart(6, '0')}`,
      taxonomyId,
      scheme,
      notation: isParent ? `${position + 1}` : `${parent.notation}.${position + 1}`,
      label: { zh: `术语 ${i + 1}`, en: `Term ${i + 1}` },
      color: colours[i % colours.length],
      order: position,
      ...(isParent ? {} : { parent: parent.id }),
    };
    if (isParent) parent = term;
    terms.push(term);
  }
  const taxonomy = { id: taxonomyId, label: { zh: '大型分类表', en: 'A large codebook' }, schemes, version: 1, modified: '2025-01-01T00:00:00.000Z' };
  return { taxonomy, terms };
}
