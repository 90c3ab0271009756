// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { AREAS_SCHEME, REPORT_SCHEME, TAXONOMY_BASE, defaultTaxonomy } from '../../../taxonomy/default';
import { addTerm, retireTerm } from '../../../taxonomy/edit';
import { TaxonomyError } from '../../../taxonomy/errors';
import { guidForIri, uuidV5 } from '../../../model';
import { planMerge } from '../../../taxonomy/merge';
import { QDC_NAMESPACE, exportQdc, importQdc, importedSchemeId } from '../../../taxonomy/refi-qda';
import { findProblem } from '../../../taxonomy/state';
import { schemaProblems } from '../../support/xmllint';

const T = (slug: string) => `${TAXONOMY_BASE}/term/${slug}`;
const now = new Date('2025-06-03T00:00:00Z');
// jsdom's DOMParser, which the environment installs globally: the tests read the exported XML with it (the import
// reads XML with a parser of its own, which needs none).
const DOMParser = globalThis.DOMParser;

async function rejection(xml: string): Promise<TaxonomyError> {
  try {
    await importQdc(xml, { current: defaultTaxonomy() });
  } catch (e) {
    expect(e).toBeInstanceOf(TaxonomyError);
    expect((e as TaxonomyError).code).toBe('malformed-file');
    return e as TaxonomyError;
  }
  throw new Error('expected the file to be rejected');
}

const codebook = (codes: string) => `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="${QDC_NAMESPACE}"><Codes>${codes}</Codes></CodeBook>`;

describe('name-based guids', () => {
  it('are RFC 9562 version-5 UUIDs of the IRI (as Python uuid5(NAMESPACE_URL, iri) gives)', async () => {
    expect(await uuidV5(T('enforcement'))).toBe('55481afe-4119-5d89-af31-8e2f848a4224');
    expect(await guidForIri('urn:uuid:0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0')).toBe('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0');
  });
});

describe('REFI-QDA export', () => {
  it('writes a namespaced CodeBook with schemes as non-codable codes and nested terms, stable across exports', async () => {
    const state = retireTerm(defaultTaxonomy(), T('emergencies/plans'), now);
    const xml = await exportQdc(state);
    expect(await exportQdc(state)).toBe(xml);
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.documentElement.namespaceURI).toBe(QDC_NAMESPACE);
    const top = [...doc.documentElement.children[0].children];
    expect(top.map((c) => c.getAttribute('name'))).toEqual(['工作领域', '报告结构']);
    expect(top.every((c) => c.getAttribute('isCodable') === 'false')).toBe(true);
    const enforcement = [...doc.getElementsByTagName('Code')].find((c) => c.getAttribute('name') === '行政执法工作体系')!;
    expect(enforcement.getAttribute('guid')).toBe('55481afe-4119-5d89-af31-8e2f848a4224');
    expect(enforcement.getAttribute('color')).toMatch(/^#[0-9A-F]{6}$/);
    expect(enforcement.getAttribute('isCodable')).toBe('true');
    expect(enforcement.parentElement!.getAttribute('name')).toBe('工作领域');
    expect([...enforcement.children].filter((c) => c.localName === 'Code')).toHaveLength(6);
    expect(enforcement.children[0].textContent).toMatch(/^健全行政执法工作体系/);
    const retired = [...doc.getElementsByTagName('Code')].find((c) => c.getAttribute('name') === '应急制度与预案')!;
    expect(retired.getAttribute('isCodable')).toBe('false');
  });

  it('validates against the REFI-QDA Codebook.xsd (xmllint), also with a retired term and markup in a name', async () => {
    let state = retireTerm(defaultTaxonomy(), T('emergencies/plans'), now);
    state = addTerm(state, { label: { zh: 'A & <B> "C" 𠮷', en: 'x' }, scheme: AREAS_SCHEME, id: 'urn:uuid:11111111-2222-4333-8444-555555555555' }, now);
    expect(schemaProblems(await exportQdc(state), 'Codebook.xsd')).toBe('');
    // The check can fail: a Code without its required isCodable attribute is refused.
    expect(schemaProblems((await exportQdc(state)).replace(/ isCodable="true"/, ''), 'Codebook.xsd')).toMatch(/isCodable/);
  });

  it('escapes markup in names and notes', async () => {
    const state = addTerm(defaultTaxonomy(), { label: { zh: 'A & <B> "C"', en: 'x' }, scheme: AREAS_SCHEME, id: 'urn:uuid:11111111-2222-4333-8444-555555555555' }, now);
    const xml = await exportQdc(state);
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const code = [...doc.getElementsByTagName('Code')].find((c) => c.getAttribute('guid') === '11111111-2222-4333-8444-555555555555')!;
    expect(code.getAttribute('name')).toBe('A & <B> "C"');
  });
});

describe('REFI-QDA import', () => {
  it('round-trips ours → qdc → ours, keeping ids, labels, colours, hierarchy, notes, shortcuts and retirement', async () => {
    let state = defaultTaxonomy();
    state = addTerm(state, { label: { zh: '队员的术语', en: 'A teammate’s term' }, parent: T('rules/legislation'), id: 'urn:uuid:9b2c1e4a-7f00-4d1e-9c3b-2a1f0e9d8c7b', scopeNote: { zh: '说明\n第二行', en: 'Note' } }, now);
    state = retireTerm(state, T('report/attachments'), now);
    const back = await importQdc(await exportQdc(state), { current: state });
    const sort = (ts: typeof state.terms) => [...ts].sort((a, b) => a.id.localeCompare(b.id));
    expect(sort(back.terms)).toEqual(sort(state.terms));
    expect(back.taxonomy.schemes).toEqual(state.taxonomy.schemes);
    expect(planMerge(state, back, now).changes).toBe(0);
  });

  it('brings a teammate’s terms with their IRIs into a codebook that lacks them', async () => {
    const theirs = addTerm(defaultTaxonomy(), { label: { zh: '新增', en: 'Added' }, parent: T('enforcement'), id: 'https://team.example/terms/42', shortcut: 'k' }, now);
    const incoming = await importQdc(await exportQdc(theirs), { current: defaultTaxonomy() });
    expect(incoming.terms.find((term) => term.id === 'https://team.example/terms/42')).toMatchObject({ label: { zh: '新增', en: 'Added' }, parent: T('enforcement'), shortcut: 'k' });
    const plan = planMerge(defaultTaxonomy(), incoming, now);
    expect(plan.summary.added.map((term) => term.id)).toEqual(['https://team.example/terms/42']);
  });

  it('imports a MAXQDA-like codebook without colours or descriptions, assigning colours', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
      <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA 2022">
        <Codes>
          <Code guid="{A1B2C3D4-0000-4000-8000-000000000001}" name="Themen" isCodable="true">
            <Code guid="A1B2C3D4-0000-4000-8000-000000000002" name="Transparenz" isCodable="true"/>
            <Code guid="A1B2C3D4-0000-4000-8000-000000000003" name="Beteiligung" isCodable="true">
              <Description>Public participation</Description>
            </Code>
          </Code>
          <Code guid="A1B2C3D4-0000-4000-8000-000000000004" name="Rot" isCodable="true" color="#FF0000"/>
          <Code guid="${await guidForIri(T('disputes'))}" name="矛盾纠纷" isCodable="true"/>
        </Codes>
        <Sets/>
      </CodeBook>`;
    const current = defaultTaxonomy();
    const incoming = await importQdc(xml, { current });
    const byName = (n: string) => incoming.terms.find((term) => term.label.zh === n)!;
    const imported = importedSchemeId(current.taxonomy.id);
    expect(incoming.taxonomy.schemes.find((s) => s.id === imported)!.label.zh).toBe('导入的代码');
    expect(byName('Themen')).toMatchObject({ id: 'urn:uuid:a1b2c3d4-0000-4000-8000-000000000001', scheme: imported, notation: 'I1', order: 0 });
    expect(byName('Beteiligung')).toMatchObject({ parent: 'urn:uuid:a1b2c3d4-0000-4000-8000-000000000001', notation: 'I1.2', order: 1, scopeNote: { zh: 'Public participation', en: 'Public participation' } });
    expect(byName('Rot').color).toBe('#ff0000');
    for (const term of incoming.terms) expect(term.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(byName('Themen').color).not.toBe(byName('Rot').color);
    expect(byName('Transparenz').color).not.toBe(byName('Beteiligung').color);
    // A guid of one of ours is our term: renamed, keeping what the file does not carry.
    const disputes = current.terms.find((term) => term.id === T('disputes'))!;
    expect(byName('矛盾纠纷')).toMatchObject({ id: T('disputes'), scheme: AREAS_SCHEME, color: disputes.color, notation: disputes.notation, label: { zh: '矛盾纠纷', en: disputes.label.en } });
    expect(findProblem(incoming)).toBeUndefined();
    const plan = planMerge(current, incoming, now);
    expect(plan.summary.added).toHaveLength(4);
    expect(plan.summary.renamed.map((term) => term.id)).toEqual([T('disputes')]);
    expect(plan.result.terms.filter((term) => term.scheme === REPORT_SCHEME)).toHaveLength(10);
  });

  it('rejects malformed files with a message naming the problem', async () => {
    expect((await rejection('this is not xml <')).en).toMatch(/not well-formed XML/);
    expect((await rejection('<CodeBook xmlns="urn:QDA-XML:project:1.0"><Codes/></CodeBook>')).en).toMatch(/found <CodeBook> in namespace urn:QDA-XML:project:1.0/);
    expect((await rejection('<CodeBook><Codes/></CodeBook>')).zh).toMatch(/无命名空间/);
    expect((await rejection(`<CodeBook xmlns="${QDC_NAMESPACE}"/>`)).en).toMatch(/no <Codes>/);
    expect((await rejection(codebook('<Code name="缺少" isCodable="true"/>'))).en).toBe('Code “缺少” has no guid attribute');
    const noName = await rejection(codebook('<Code guid="a1b2c3d4-0000-4000-8000-00000000000a" name="上级" isCodable="true"><Code guid="a1b2c3d4-0000-4000-8000-00000000000b" isCodable="true"/></Code>'));
    expect(noName.en).toBe('The code with guid a1b2c3d4-0000-4000-8000-00000000000b (under “上级”) has no name attribute');
    expect(noName.zh).toContain('在“上级”之下');
    const dup = await rejection(codebook('<Code guid="a1b2c3d4-0000-4000-8000-00000000000a" name="一" isCodable="true"/><Code guid="A1B2C3D4-0000-4000-8000-00000000000A" name="二" isCodable="true"/>'));
    expect(dup.en).toMatch(/guid A1B2C3D4-0000-4000-8000-00000000000A occurs more than once \(code “二”\)/);
    expect((await rejection(codebook('<Code guid="42" name="x" isCodable="true"/>'))).en).toMatch(/not a UUID: 42/);
  });

  it('reads a codebook where there is no DOMParser (a worker, the service worker)', async () => {
    const saved = globalThis.DOMParser;
    // @ts-expect-error simulating a worker
    delete globalThis.DOMParser;
    try {
      const incoming = await importQdc(codebook('<Code guid="a1b2c3d4-0000-4000-8000-00000000000a" name="一" isCodable="true"/>'), { current: defaultTaxonomy() });
      expect(incoming.terms.map((t) => t.label.zh)).toEqual(['一']);
    } finally {
      globalThis.DOMParser = saved;
    }
    expect((await importQdc(codebook(''), { current: defaultTaxonomy() })).terms).toEqual([]);
  });
});
