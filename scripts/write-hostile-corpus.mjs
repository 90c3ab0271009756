// Writes this branch's files of the hostile-input corpus (tests/hostile/{annotations,codebooks,backups}/), as listed in
// tests/hostile/README.md. Run `node scripts/write-hostile-corpus.mjs` after changing a file here; the files are
// committed, so the tests read them as they are and never need this script. Files others added by hand are left alone.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './extension-browser.mjs';
import { flatCodebookQdc, newTagsJsonLd, uuid } from './hostile-files.mjs';

const root = path.join(projectRoot, 'tests', 'hostile');
const write = (folder, name, content) => {
  fs.mkdirSync(path.join(root, folder), { recursive: true });
  fs.writeFileSync(path.join(root, folder, name), content);
};
/** RFC 9562 version-5 UUID in the URL namespace, as taxonomy/name-uuid.ts makes it. */
function uuidV5(name) {
  const ns = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const hash = createHash('sha1').update(Buffer.concat([ns, Buffer.from(name, 'utf8')])).digest().subarray(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
const deep = (levels) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const json = (value) => JSON.stringify(value, null, 1);

// ---- annotations ---------------------------------------------------------------------------------------------------
const PAGE = 'https://www.example.gov.cn/zwgk/2024/report.html';
const annotation = (n, patch = {}) => ({
  id: `urn:uuid:${uuid(0xa11, n)}`,
  type: 'Annotation',
  motivation: 'classifying',
  created: '2024-05-01T08:00:00.000Z',
  body: [{ type: 'TextualBody', purpose: 'commenting', value: `备注 ${n}` }],
  target: { source: PAGE, selector: [{ type: 'TextQuoteSelector', exact: `引文 ${n}`, prefix: '前', suffix: '后' }] },
  ...patch,
});
const collection = (items, extra = {}) => ({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: items.length, first: { type: 'AnnotationPage', items }, ...extra });

write('annotations', 'refused-empty.jsonld', '');
write('annotations', 'refused-bom-only.jsonld', '\ufeff');
write('annotations', 'refused-not-json.jsonld', 'these are my annotations, one per line\n');
const whole = json(collection([annotation(1), annotation(2)]));
write('annotations', 'refused-truncated.jsonld', whole.slice(0, Math.floor(whole.length / 2)));
write('annotations', 'refused-deep-field.jsonld', JSON.stringify(collection([annotation(1, { note: 'x' })])).replace('"note":"x"', `"note":${deep(100_000)}`));
write('annotations', 'refused-wrong-type.json', json({ type: 'Collection', items: [] }));
write('annotations', 'accepted-new-tags-1000.jsonld', newTagsJsonLd(1000, PAGE));
write('annotations', 'accepted-concept-injection.jsonld', json(collection(
  [annotation(1, { body: [{ type: 'SpecificResource', purpose: 'classifying', source: 'https://team.example/codes/x' }] })],
  { concepts: [{ id: 'https://team.example/codes/x', type: 'Concept', prefLabel: { zh: '<img src=x onerror=alert(1)>', en: '"><script>alert(1)</script>' }, color: 'red; background: url(javascript:alert(1))', shortcut: 'too long' }] },
)));
write('annotations', 'accepted-concept-parent-cycle.jsonld', json(collection(
  [annotation(1, { body: [{ type: 'SpecificResource', purpose: 'classifying', source: 'urn:x:a' }, { type: 'SpecificResource', purpose: 'classifying', source: 'urn:x:b' }] })],
  { concepts: [{ id: 'urn:x:a', prefLabel: { zh: '甲', en: 'A' }, broader: 'urn:x:b' }, { id: 'urn:x:b', prefLabel: { zh: '乙', en: 'B' }, broader: 'urn:x:a' }] },
)));
write('annotations', 'accepted-prototype-keys.jsonld', `{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"first":{"type":"AnnotationPage","items":[${JSON.stringify(annotation(1)).replace('{', '{"__proto__":{"polluted":true},')}]}}`);
write('annotations', 'accepted-non-web-targets.jsonld', json(collection(
  // The markup percent-encoded: an IRI cannot hold < or > (the import refuses such a file whole).
  ['data:text/html,%3Cscript%3Ealert(1)%3C/script%3E', 'javascript:alert(1)', 'file:///etc/passwd', 'chrome://settings'].map((source, i) =>
    annotation(i + 1, { target: { source, selector: { type: 'TextQuoteSelector', exact: `引文 ${i}` } } })),
)));

// ---- codebooks -----------------------------------------------------------------------------------------------------
const NS = 'urn:QDA-XML:codebook:1.0';
const codebook = (codes, doctype = '') => `<?xml version="1.0" encoding="utf-8"?>\n${doctype}<CodeBook xmlns="${NS}"><Codes>${codes}</Codes></CodeBook>\n`;
const code = (n, name, inner = '', attrs = '') => `<Code guid="${uuid(0xc0de, n)}" name="${name}" isCodable="true"${attrs}>${inner}</Code>`;

write('codebooks', 'refused-empty.qdc', '');
write('codebooks', 'refused-not-xml.qdc', 'Code 1, Code 2, Code 3\n');
write('codebooks', 'refused-malformed.qdc', `<?xml version="1.0"?>\n<CodeBook xmlns="${NS}">\n  <Codes><Code guid="${uuid(0xc0de, 1)}" name=unquoted/></Codes>\n</CodeBook>\n`);
write('codebooks', 'refused-truncated.qdc', codebook(code(1, 'a') + code(2, 'b')).slice(0, 140));
write('codebooks', 'refused-wrong-root.qdc', '<Project xmlns="urn:QDA-XML:project:1.0"><CodeBook/></Project>');
write('codebooks', 'refused-deep-codes.qdc', codebook(Array.from({ length: 1000 }, (_, i) => `<Code guid="${uuid(0xdee9, i)}" name="c${i}">`).join('') + '</Code>'.repeat(1000)));
write('codebooks', 'refused-duplicate-guids.qdc', codebook(code(1, '一') + code(1, '二')));
// A footer IRI of 100 KB with the name-based guid it hashes to: a file may name its own ids, but not one that long;
// the code comes in under its guid instead.
const longIri = `https://team.example/${'a'.repeat(100_000)}`;
write('codebooks', 'accepted-long-footer-iri.qdc', codebook(`<Code guid="${uuidV5(longIri)}" name="x" isCodable="true"><Description>---\nPizhu-IRI: ${longIri}\nPizhu-Kind: term</Description></Code>`));
let entities = '<!DOCTYPE CodeBook [<!ENTITY lol0 "lol">';
for (let i = 1; i <= 10; i++) entities += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
write('codebooks', 'billion-laughs.qdc', codebook(code(1, '&lol10;'), `${entities}]>\n`));
write('codebooks', 'external-entity.qdc', codebook(code(1, '&xxe;'), '<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'));
write('codebooks', 'accepted-flat-2000.qdc', flatCodebookQdc(2000));
write('codebooks', 'accepted-markup-names.qdc', codebook(code(1, '&lt;script&gt;alert(1)&lt;/script&gt;', '', ' color="javascript:alert(1)"') + code(2, 'javascript:alert(1)', '<Description>&lt;img src=x onerror=alert(1)&gt;</Description>')));
const pizhuFile = (terms, taxonomy = {}) => json({
  format: 'pizhu-taxonomy', version: 1, exported: '2025-01-01T00:00:00.000Z',
  taxonomy: { id: 'https://team.example/tax', label: { zh: '分类表', en: 'Codebook' }, schemes: [{ id: 'https://team.example/tax/s', label: { zh: '方案', en: 'Scheme' }, order: 0 }], version: 1, modified: '2025-01-01T00:00:00.000Z', ...taxonomy },
  terms,
});
const term = (n, patch = {}) => ({ id: `https://team.example/tax/t${n}`, taxonomyId: 'https://team.example/tax', scheme: 'https://team.example/tax/s', notation: String(n), label: { zh: `术语${n}`, en: `Term ${n}` }, color: '#4363d8', order: n, ...patch });
write('codebooks', 'refused-empty.json', '');
write('codebooks', 'refused-not-json.json', '{ "format": "pizhu-taxonomy", oops }');
write('codebooks', 'refused-deep.json', `{"format":"pizhu-taxonomy","version":1,"x":${deep(100_000)}}`);
write('codebooks', 'refused-parent-cycle.json', pizhuFile([term(1, { parent: 'https://team.example/tax/t2' }), term(2, { parent: 'https://team.example/tax/t1' })]));
write('codebooks', 'refused-long-id.json', pizhuFile([term(1, { id: `https://team.example/tax/${'a'.repeat(10_000)}` })]));
write('codebooks', 'refused-bad-colour.json', pizhuFile([term(1, { color: 'red; background: url(javascript:alert(1))' })]));
write('codebooks', 'refused-deep-chain.json', pizhuFile(Array.from({ length: 200 }, (_, i) => term(i, i ? { parent: `https://team.example/tax/t${i - 1}` } : {}))));

// ---- backups -------------------------------------------------------------------------------------------------------
const NOW = '2024-05-01T08:00:00.000Z';
const TAX = 'https://team.example/tax';
const record = (n, patch = {}) => ({
  id: `urn:uuid:${uuid(0xb0c, n)}`, pageUrl: PAGE, sourceUrl: PAGE,
  quote: { exact: `引文 ${n}`, prefix: '前', suffix: '后' }, position: { start: n * 10, end: n * 10 + 4 },
  terms: [`${TAX}/t1`], note: '', created: NOW, modified: NOW, ...patch,
});
const backup = (patch = {}, tables = {}) => {
  const t = {
    taxonomies: [{ id: TAX, label: { zh: '分类表', en: 'Codebook' }, schemes: [{ id: `${TAX}/s`, label: { zh: '方案', en: 'Scheme' }, order: 0 }], version: 3, modified: NOW }],
    terms: [term(1)],
    pages: [{ url: PAGE, title: '某县报告', kind: 'report', firstSeen: NOW, lastSeen: NOW }],
    annotations: [record(1), record(2), record(3)],
    ...tables,
  };
  const counts = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.length]));
  return json({ format: 'pizhu-backup', version: 1, schemaVersion: 4, exported: NOW, counts, tables: t, ...patch });
};
write('backups', 'accepted-small.json', backup());
write('backups', 'accepted-lax-dates.json', backup({}, { annotations: [record(1, { created: 'Tue, 5 Mar 2024 10:00:00 GMT', modified: '2024/03/05 10:00' })] }));
write('backups', 'refused-declares-3-holds-0.json', backup({ counts: { taxonomies: 1, terms: 1, pages: 1, annotations: 3 } }, { annotations: [] }));
write('backups', 'refused-no-counts.json', backup({ counts: undefined }));
// No text has such a position: restored without one, the quote finds the passage (as on import).
write('backups', 'accepted-huge-position.json', backup({}, { annotations: [record(1, { position: { start: 1e308, end: -5 } })] }));
write('backups', 'refused-date-yesterday.json', backup({}, { annotations: [record(1, { created: 'yesterday' })] }));
write('backups', 'refused-deep-field.json', backup().replace('"note": ""', `"note": ${deep(100_000)}`));
write('backups', 'refused-duplicate-ids.json', backup({}, { annotations: [record(1), record(1)] }));
// An id too long to be a key: restored under a new id (as on import).
write('backups', 'accepted-long-id.json', backup({}, { annotations: [record(1, { id: `urn:x:${'a'.repeat(10_000)}` })] }));
write('backups', 'refused-stray-term.json', backup({}, { terms: [term(1), term(2, { taxonomyId: 'https://elsewhere.example/tax' })] }));
write('backups', 'refused-bad-term-colour.json', backup({}, { terms: [term(1, { color: 'javascript:alert(1)' })] }));
write('backups', 'refused-not-a-backup.json', json({ format: 'pizhu-taxonomy', tables: {} }));
write('backups', 'refused-newer-schema.json', backup({ schemaVersion: 99 }));
write('backups', 'refused-not-json.json', 'backup of 2024-05-01\n');
write('backups', 'refused-truncated.json', backup().slice(0, 300));
console.log(`wrote the corpus into ${path.relative(process.cwd(), root)}`);
