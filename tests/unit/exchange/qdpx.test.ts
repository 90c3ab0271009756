// @vitest-environment jsdom
// The REFI-QDA project (.qdpx): what Pizhu writes (checked against Project.xsd with xmllint), that code points and
// Chinese survive, the round trip Pizhu → .qdpx → Pizhu, files as QDA tools write them, and hostile archives.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { codePointIndex } from '../../../anchoring/code-points';
import { describeRange } from '../../../anchoring/describe';
import { zipProject } from '../../../exchange/qdpx/archive';
import { QdpxError, readQdpx } from '../../../exchange/qdpx/read';
import { sourceGuid, userGuid } from '../../../exchange/qdpx/vocabulary';
import { writeProject, type ProjectInput } from '../../../exchange/qdpx/write';
import type { AnnotationRecord, PageRecord } from '../../../model';
import { TAXONOMY_BASE, defaultTaxonomy } from '../../../taxonomy/default';
import { addTerm } from '../../../taxonomy/edit';
import { guidForIri } from '../../../model';
import { schemaProblems } from '../../support/xmllint';

const DOMParser = globalThis.DOMParser;
const NS = 'urn:QDA-XML:project:1.0';
const T = (slug: string) => `${TAXONOMY_BASE}/term/${slug}`;
const OWN_TERM = 'https://team.example/codes/place-names';
const now = new Date('2025-06-03T08:00:00.000Z');

// A report whose text has characters outside the BMP (𠮷, 𡌶: rare place-name characters) before the passages.
const TEXT = '𠮷县2023年法治政府建设情况报告\n\n一年来，𡌶镇全面推进依法行政，行政复议案件纠错率为12.5%。\n\n二、主要举措\n<b>重大行政决策</b>严格执行“三重一大”制度。';
const PAGE: PageRecord = {
  url: 'http://www.jixian.gov.cn/zwgk/2024/fzzf.html',
  title: '𠮷县2023年法治政府建设情况报告',
  kind: 'report',
  docNumber: '𠮷政字〔2024〕3号',
  issuer: '𠮷县人民政府',
  published: '2024-03-28',
  snapshot: TEXT,
  snapshotAt: '2024-04-01T02:03:04.000Z',
  firstSeen: '2024-04-01T02:03:04.000Z',
  lastSeen: '2024-04-02T02:03:04.000Z',
};
// A page that came by import and was never visited: no text stored.
const UNSEEN: PageRecord = { url: 'http://www.gov.cn/zhengce/2021/content_5630802.htm', title: '法治政府建设实施纲要', kind: 'document', firstSeen: '2024-04-03T00:00:00.000Z', lastSeen: '2024-04-03T00:00:00.000Z' };

function on(text: string, exact: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`not in text: ${exact}`);
  // Stored positions count code points, as the model does.
  const { quote, position } = describeRange(text, at, at + exact.length);
  const points = codePointIndex(text);
  return { quote, position: { start: points.toCodePoint(position.start), end: points.toCodePoint(position.end) } };
}

function annotation(n: number, fields: Partial<AnnotationRecord> & Pick<AnnotationRecord, 'quote' | 'position'>): AnnotationRecord {
  return {
    id: `urn:uuid:7a000000-0000-4000-8000-00000000000${n}`,
    pageUrl: PAGE.url,
    sourceUrl: PAGE.url,
    terms: [T('rules/legislation')],
    note: '',
    created: `2024-04-0${n}T08:00:00.000Z`,
    modified: `2024-04-0${n}T09:30:00.000Z`,
    ...fields,
  };
}

const ANNOTATIONS: AnnotationRecord[] = [
  annotation(1, { ...on(TEXT, '𡌶镇全面推进依法行政'), terms: [T('rules/legislation'), OWN_TERM], creator: { id: 'https://team.example/people/li', name: '李老师' } }),
  annotation(2, { ...on(TEXT, '纠错率为12.5%'), note: '与上年相比有进步 <见附表> & “注意”\r\n第二行', creator: { name: '王同学' } }),
  annotation(3, { ...on(TEXT, '<b>重大行政决策</b>'), sourceUrl: `${PAGE.url}?from=timeline` }),
  // Made on a later version of the page: its quote is not in the stored text (an orphan there).
  annotation(4, { quote: { exact: '新增的一段话', prefix: '开头，', suffix: '。' }, position: { start: 300, end: 306 } }),
  // On the page whose text was never stored.
  annotation(5, { pageUrl: UNSEEN.url, sourceUrl: UNSEEN.url, quote: { exact: '法治政府基本建成', prefix: '到2025年，', suffix: '。' }, position: { start: 40, end: 48 }, note: '纲要目标' }),
  annotation(6, { pageUrl: UNSEEN.url, sourceUrl: UNSEEN.url, quote: { exact: '𠮷', prefix: '', suffix: '' }, position: { start: -1, end: -1 }, terms: [] }),
];

function codebook() {
  return addTerm(defaultTaxonomy(), { label: { zh: '地名用字', en: 'Place-name characters' }, parent: T('rules/legislation'), id: OWN_TERM, shortcut: 'k' }, now);
}

function input(extra: Partial<ProjectInput> = {}): ProjectInput {
  return { annotations: ANNOTATIONS, pages: new Map([[PAGE.url, PAGE], [UNSEEN.url, UNSEEN]]), codebooks: [codebook()], now, ...extra };
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml');
const all = (doc: Document, tag: string) => [...doc.getElementsByTagNameNS(NS, tag)];

async function archive(extra: Partial<ProjectInput> = {}): Promise<Uint8Array> {
  const chunks = await zipProject(await writeProject(input(extra)));
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

describe('REFI-QDA project export', () => {
  it('writes a project.qde that validates against Project.xsd, and the check can fail', async () => {
    const { qde } = await writeProject(input());
    expect(schemaProblems(qde, 'Project.xsd')).toBe('');
    expect(schemaProblems(qde.replace(/ startPosition="\d+"/, ''), 'Project.xsd')).toMatch(/startPosition/);
  });

  it('is UTF-8 without a BOM, each page a TextSource with its text in Sources/<guid>.txt', async () => {
    const zip = unzipSync(await archive());
    const names = Object.keys(zip).sort();
    const pageGuid = await sourceGuid(PAGE.url, 'page');
    expect(names).toContain('project.qde');
    expect(names).toContain(`Sources/${pageGuid}.txt`);
    for (const name of names) expect([...zip[name].subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(zip[`Sources/${pageGuid}.txt`])).toBe(TEXT);
    const doc = parse(strFromU8(zip['project.qde']));
    const source = all(doc, 'TextSource').find((s) => s.getAttribute('guid') === pageGuid)!;
    expect(source.getAttribute('plainTextPath')).toBe(`internal://${pageGuid}.txt`);
    expect(source.getAttribute('name')).toBe(PAGE.title);
    const description = source.getElementsByTagNameNS(NS, 'Description')[0].textContent!;
    for (const fact of [PAGE.title, PAGE.issuer!, PAGE.published!, PAGE.docNumber!, PAGE.url]) expect(description).toContain(fact);
    // The issuer is a Case of its sources; the facts are Variables with values on the source.
    const issuerCase = all(doc, 'Case').find((c) => c.getAttribute('name') === PAGE.issuer)!;
    expect(issuerCase.getElementsByTagNameNS(NS, 'SourceRef')[0].getAttribute('targetGUID')).toBe(pageGuid);
    const values = [...source.getElementsByTagNameNS(NS, 'VariableValue')].map((v) => v.lastElementChild!.textContent);
    expect(values).toEqual(expect.arrayContaining([PAGE.url, '工作报告', PAGE.issuer, '2024-03-28', PAGE.docNumber, '页面原文']));
  });

  it('counts positions in code points: characters outside the BMP keep them right', async () => {
    const zip = unzipSync(await archive());
    const doc = parse(strFromU8(zip['project.qde']));
    const text = [...strFromU8(zip[`Sources/${await sourceGuid(PAGE.url, 'page')}.txt`])];
    const selection = (id: string) => all(doc, 'PlainTextSelection').find((s) => s.getAttribute('guid') === id.slice('urn:uuid:'.length))!;
    for (const a of ANNOTATIONS.slice(0, 3)) {
      const sel = selection(a.id);
      const start = Number(sel.getAttribute('startPosition'));
      const end = Number(sel.getAttribute('endPosition'));
      expect(text.slice(start, end).join('')).toBe(a.quote!.exact);
      expect(sel.getAttribute('name')).toBe(a.quote!.exact);
    }
    // 𡌶 sits after one astral character (𠮷) and a line break or two: UTF-16 would put it one further.
    const first = selection(ANNOTATIONS[0].id);
    const page = PAGE.snapshot!;
    const utf16 = page.indexOf(ANNOTATIONS[0].quote!.exact);
    expect(Number(first.getAttribute('startPosition'))).toBe(ANNOTATIONS[0].position!.start);
    expect(Number(first.getAttribute('startPosition'))).toBe(utf16 - 1);
  });

  it('writes one Coding per term, creatingUser on every selection and coding, notes as Notes with a NoteRef', async () => {
    const doc = parse((await writeProject(input())).qde);
    const users = new Map(all(doc, 'User').map((u) => [u.getAttribute('guid'), u]));
    expect([...users.values()].map((u) => u.getAttribute('name')).sort()).toEqual(['批注 Pizhu', '李老师', '王同学'].sort());
    expect(users.get(await userGuid({ id: 'https://team.example/people/li', name: '李老师' }))!.getAttribute('id')).toBe('https://team.example/people/li');
    for (const el of [...all(doc, 'PlainTextSelection'), ...all(doc, 'Coding')]) expect(users.has(el.getAttribute('creatingUser'))).toBe(true);
    const first = all(doc, 'PlainTextSelection').find((s) => s.getAttribute('name') === ANNOTATIONS[0].quote!.exact)!;
    const refs = [...first.getElementsByTagNameNS(NS, 'CodeRef')].map((r) => r.getAttribute('targetGUID'));
    expect(refs).toEqual([await guidForIri(T('rules/legislation')), await guidForIri(OWN_TERM)]);
    const codeGuids = new Set(all(doc, 'Code').map((c) => c.getAttribute('guid')));
    for (const ref of all(doc, 'CodeRef')) expect(codeGuids.has(ref.getAttribute('targetGUID'))).toBe(true);
    const noted = all(doc, 'PlainTextSelection').find((s) => s.getAttribute('name') === ANNOTATIONS[1].quote!.exact)!;
    const noteGuid = noted.getElementsByTagNameNS(NS, 'NoteRef')[0].getAttribute('targetGUID');
    const note = all(doc, 'Note').find((n) => n.getAttribute('guid') === noteGuid)!;
    expect(note.getElementsByTagNameNS(NS, 'PlainTextContent')[0].textContent).toBe(ANNOTATIONS[1].note);
  });

  it('gives the same file for the same annotations: guids are stable across exports', async () => {
    const a = (await writeProject(input())).qde;
    const b = (await writeProject(input({ annotations: [...ANNOTATIONS].reverse() }))).qde;
    const guids = (xml: string) => [...xml.matchAll(/\sguid="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(guids(b)).toEqual(guids(a));
    expect(new Set(guids(a)).size).toBe(guids(a).length);
  });

  it('assembles a source from the quotes where the text is missing or does not hold an annotation', async () => {
    const files = await writeProject(input());
    expect(files.assembled).toEqual([
      { url: PAGE.url, annotations: 1, reason: 'orphans' },
      { url: UNSEEN.url, annotations: 2, reason: 'no-text' },
    ]);
    const quotesPath = `Sources/${await sourceGuid(UNSEEN.url, 'quotes')}.txt`;
    const assembled = files.sources.find((s) => s.path === quotesPath)!;
    expect(assembled.text).toContain('到2025年，法治政府基本建成。');
    const doc = parse(files.qde);
    expect(all(doc, 'TextSource')).toHaveLength(3);
  });
});

describe('the .qdpx container', () => {
  it('writes a large text in slices, keeping a character outside the BMP that straddles a slice whole', async () => {
    // 𠮷 is two UTF-16 units; placed so that the first slice (2^20 units) would end between them.
    const big = `${'法'.repeat((1 << 20) - 1)}𠮷${'治'.repeat(10)}`;
    let pauses = 0;
    const chunks = await zipProject({ qde: '<Project/>', sources: [{ path: 'Sources/big.txt', text: big }] }, { between: async () => void pauses++ });
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    expect(strFromU8(unzipSync(bytes)['Sources/big.txt'])).toBe(big);
    expect(pauses).toBe(1);
  });
});

describe('REFI-QDA project round trip', () => {
  it('Pizhu → .qdpx → Pizhu keeps every annotation, term, coder and note, and the page text', async () => {
    const back = await readQdpx(await archive(), { DOMParser, now: '2030-01-01T00:00:00.000Z' });
    expect(back.warnings).toEqual([]);
    const byId = (list: AnnotationRecord[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(back.annotations)).toEqual(byId(ANNOTATIONS));
    const page = back.pages.find((p) => p.url === PAGE.url)!;
    expect(page).toMatchObject({ title: PAGE.title, kind: 'report', issuer: PAGE.issuer, published: PAGE.published, docNumber: PAGE.docNumber, snapshot: TEXT });
    // Quotes assembled for the unseen page are not its text.
    const unseen = back.pages.find((p) => p.url === UNSEEN.url)!;
    expect(unseen.snapshot).toBeUndefined();
    expect(unseen).toMatchObject({ title: UNSEEN.title, kind: 'document' });
    // Every term of the codebook comes back under its IRI, with its labels, parent and shortcut.
    const own = back.importedTerms.find((t) => t.id === OWN_TERM)!;
    expect(own).toMatchObject({ label: { zh: '地名用字', en: 'Place-name characters' }, parent: T('rules/legislation'), shortcut: 'k' });
    expect(back.importedTerms.map((t) => t.id).sort()).toEqual(codebook().terms.map((t) => t.id).sort());
  });

  it('keeps a coder known by IRI only (not named yet) without a name, and a note on the whole page as such', async () => {
    const unnamed = { id: 'urn:uuid:00000000-0000-4000-8000-0000000000aa', name: '' };
    const { quote: _q, position: _p, ...rest } = ANNOTATIONS[1];
    const wholePage: AnnotationRecord = { ...rest, id: 'urn:uuid:7a000000-0000-4000-8000-0000000000ff', note: '整篇报告的备忘' };
    const back = await readQdpx(await archive({ annotations: [{ ...ANNOTATIONS[0], creator: unnamed }, wholePage] }), { DOMParser });
    const [first, page] = [...back.annotations].sort((a, b) => a.id.localeCompare(b.id));
    expect(first.creator).toEqual(unnamed);
    expect(page).toMatchObject({ id: wholePage.id, note: '整篇报告的备忘', pageUrl: PAGE.url });
    expect(page.quote).toBeUndefined();
    expect(page.position).toBeUndefined();
  });

  it('reads every guid back whether the tool wrote it in upper case or in braces', async () => {
    const zip = unzipSync(await archive());
    const qde = strFromU8(zip['project.qde']).replace(/(guid|GUID|User)="([0-9a-f-]{36})"/g, (_, k, g) => `${k}="{${g.toUpperCase()}}"`);
    const back = await readQdpx(zipSync({ ...zip, 'project.qde': strToU8(qde) }), { DOMParser });
    expect(back.annotations.map((a) => a.id).sort()).toEqual(ANNOTATIONS.map((a) => a.id).sort());
    expect(back.annotations.find((a) => a.id === ANNOTATIONS[0].id)!.terms).toEqual(ANNOTATIONS[0].terms);
  });
});

// ---- files as QDA tools write them ---------------------------------------------------------------------------------

const G = {
  user: '088B08AC-D5CD-4ADB-8B71-B4F3459C177F',
  folder: 'A182CD3A-D83C-4D8C-BC80-26D9103EC6D6',
  code: '2D2466F0-D77F-4F8C-BDF9-628966B6B74D',
  other: '086AC733-7B1C-4749-A138-D7182F63A5C9',
  source: '69A4332D-5B31-4915-B520-5275CFC21B40',
  text: '01106019-2518-43DD-BBD1-8F0252BACB30',
  sel1: '4191294A-E287-4510-95B0-69BCE4638E56',
  sel2: 'B49D7982-BB8E-4335-80AF-DC869CCC3F45',
  note: 'E41BE463-FDF3-4ED0-B668-119C53D8D687',
  link: '7B56978E-9D9F-4D47-B4EC-436E2F6B8BE5',
  variable: '51DC3BCD-5454-47FF-A4D6-EA699144410D',
};

/** A project as ATLAS.ti or NVivo writes it: upper-case guids, a CR LF text with a BOM, a Link from a Note. */
function toolProject(origin: string, text: string, positions: [number, number][], names: string[]): Uint8Array {
  const qde = `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<Project xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" origin="${origin}" name="访谈项目">
  <Users><User guid="${G.user}" name="Enric Llagostera" /></Users>
  <CodeBook><Codes>
    <Code guid="${G.folder}" name="依法行政" isCodable="false">
      <Description>A folder</Description>
      <Code guid="${G.code}" name="行政复议" isCodable="true" color="#F00082" />
    </Code>
    <Code guid="${G.other}" name="地名" isCodable="true" />
  </Codes></CodeBook>
  <Variables><Variable guid="${G.variable}" name="URL" typeOfVariable="Text"/></Variables>
  <Cases><Case guid="D9001BCB-0803-4B06-B4D4-BE0ACCD558A9"><VariableValue><VariableRef targetGUID="${G.variable}"/><TextValue>http://www.jixian.gov.cn/zwgk/2024/fzzf.html?from=timeline</TextValue></VariableValue><SourceRef targetGUID="${G.source}"/></Case></Cases>
  <Sources>
    <TextSource plainTextPath="internal://${G.text}.txt" creatingUser="${G.user}" creationDateTime="2018-03-27T18:01:07Z" guid="${G.source}" name="jixian.docx">
      <PlainTextSelection startPosition="${positions[0][0]}" endPosition="${positions[0][1]}" creatingUser="${G.user}" creationDateTime="2018-03-27T19:29:27Z" modifiedDateTime="2018-03-27T19:30:00Z" guid="${G.sel1}" name="${names[0]}">
        <Description>quotation comment</Description>
        <Coding creatingUser="${G.user}" creationDateTime="2018-03-27T19:29:27Z" guid="445A6AEC-1400-4502-919D-0867832FF211"><CodeRef targetGUID="${G.code}"/></Coding>
        <Coding guid="89B9918E-4209-4FE0-BEA0-0C7FF56D67A4"><CodeRef targetGUID="${G.other}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection startPosition="${positions[1][0]}" endPosition="${positions[1][1]}" guid="${G.sel2}" name="${names[1]}" />
    </TextSource>
    <PictureSource guid="02255470-09E6-400B-9E20-97D71FBEC65D" path="internal://87EAD86F-3112-4537-8A01-01427CAE1C6D.jpg" name="photo.jpg" />
  </Sources>
  <Notes><Note guid="${G.note}" name="Memo"><PlainTextContent>这条备忘很重要</PlainTextContent></Note></Notes>
  <Links><Link guid="${G.link}" direction="OneWay" originGUID="${G.note}" targetGUID="${G.sel2}" /></Links>
</Project>`;
  return zipSync({ 'project.qde': strToU8(`\ufeff${qde}`), [`Sources/${G.text}.txt`]: strToU8(`\ufeff${text}`) });
}

// Line 2 starts after one CR LF; 𠮷 is one code point.
const TOOL_TEXT = '𠮷县法治政府建设报告\r\n一年来，行政复议案件纠错率为12.5%。\r\n𡌶镇的地名。';

describe('REFI-QDA projects from QDA tools', () => {
  it('reads ATLAS.ti: CR LF counted as one character, a Link to a Note, folders, a URL from a nameless Case', async () => {
    const lf = TOOL_TEXT.replace(/\r\n/g, '\n');
    const cp = (s: string) => [...s].length;
    const at = (exact: string) => [cp(lf.slice(0, lf.indexOf(exact))), cp(lf.slice(0, lf.indexOf(exact))) + cp(exact)] as [number, number];
    const file = toolProject('ATLAS.ti for Windows 23.2.3', TOOL_TEXT, [at('行政复议案件'), at('𡌶镇的地名')], ['行政复议案件', '𡌶镇的地名']);
    const back = await readQdpx(file, { DOMParser, now: '2030-01-01T00:00:00.000Z' });
    const url = 'http://www.jixian.gov.cn/zwgk/2024/fzzf.html';
    expect(back.pages).toEqual([{ url, title: 'jixian.docx', snapshot: lf }]);
    const [first, second] = back.annotations;
    expect(first).toMatchObject({
      id: `urn:uuid:${G.sel1.toLowerCase()}`,
      pageUrl: url,
      quote: { exact: '行政复议案件' },
      terms: [`urn:uuid:${G.code.toLowerCase()}`, `urn:uuid:${G.other.toLowerCase()}`],
      note: 'quotation comment',
      creator: { id: `urn:uuid:${G.user.toLowerCase()}`, name: 'Enric Llagostera' },
      created: '2018-03-27T19:29:27Z',
      modified: '2018-03-27T19:30:00Z',
    });
    expect([...lf].slice(first.position!.start, first.position!.end).join('')).toBe('行政复议案件');
    expect(second).toMatchObject({ quote: { exact: '𡌶镇的地名' }, note: '这条备忘很重要', terms: [], created: '2030-01-01T00:00:00.000Z' });
    expect(second.creator).toBeUndefined();
    expect(back.importedTerms).toEqual([
      { id: `urn:uuid:${G.folder.toLowerCase()}`, label: { zh: '依法行政', en: '依法行政' }, scopeNote: { zh: 'A folder', en: '' }, retired: true },
      { id: `urn:uuid:${G.code.toLowerCase()}`, label: { zh: '行政复议', en: '行政复议' }, color: '#f00082', parent: `urn:uuid:${G.folder.toLowerCase()}` },
      { id: `urn:uuid:${G.other.toLowerCase()}`, label: { zh: '地名', en: '地名' } },
    ]);
    expect(back.warnings).toEqual([expect.stringMatching(/1 PictureSource element skipped/)]);
  });

  it('reads NVivo: CR LF counted as two characters, chosen because the names then match', async () => {
    const cp = (s: string) => [...s].length;
    const at = (exact: string) => [cp(TOOL_TEXT.slice(0, TOOL_TEXT.indexOf(exact))), cp(TOOL_TEXT.slice(0, TOOL_TEXT.indexOf(exact))) + cp(exact)] as [number, number];
    const file = toolProject('NVivo 14', TOOL_TEXT, [at('行政复议案件'), at('𡌶镇的地名')], ['行政复议案件', '𡌶镇的地名']);
    const back = await readQdpx(file, { DOMParser });
    expect(back.annotations.map((a) => a.quote!.exact)).toEqual(['行政复议案件', '𡌶镇的地名']);
  });

  it('maps a Code whose guid is one of ours back to our term', async () => {
    const known = new Map([[G.code.toLowerCase(), T('rules/legislation')]]);
    const file = toolProject('MAXQDA 2022', TOOL_TEXT.replace(/\r\n/g, '\n'), [[15, 21], [32, 37]], ['', '']);
    const back = await readQdpx(file, { DOMParser, knownTerms: known });
    expect(back.annotations[0].terms[0]).toBe(T('rules/legislation'));
    expect(back.annotations[0].quote!.exact).toBe([...TOOL_TEXT.replace(/\r\n/g, '\n')].slice(15, 21).join(''));
  });
});

describe('a project as QualCoder writes it', () => {
  it('reads a lower-case sources folder, BOMs, one selection per code and the coding memo in the Description', async () => {
    const text = '张店区2017年度法治政府建设情况的报告\n积极推进行政复议标准化建设。';
    const start = text.indexOf('积极');
    const sel = (guid: string, code: string) =>
      `<PlainTextSelection guid="${guid}" startPosition="${start}" endPosition="${start + 6}" name="积极推进行政" creatingUser="c2b6d1b0-1f5e-4c52-9d2a-1a2b3c4d5e6f" creationDateTime="2021-02-06T10:00:00Z">
<Description>memo on the coding</Description>
<Coding guid="${guid.replace(/^./, 'e')}" creatingUser="c2b6d1b0-1f5e-4c52-9d2a-1a2b3c4d5e6f"><CodeRef targetGUID="${code}" /></Coding>
</PlainTextSelection>`;
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="qc.qda" origin="QualCoder 3.5" xmlns="${NS}">
<Users><User guid="c2b6d1b0-1f5e-4c52-9d2a-1a2b3c4d5e6f" name="colin" /></Users>
<CodeBook><Codes><Code guid="aaaaaaaa-1111-4111-8111-111111111111" name="复议" isCodable="true" color="#AA0000"><Description /></Code>
<Code guid="bbbbbbbb-2222-4222-8222-222222222222" name="标准化" isCodable="true" /></Codes></CodeBook>
<Sources><TextSource plainTextPath="internal://d6753209-b998-4e21-8a9f-1a4be2394c8a.txt" creatingUser="c2b6d1b0-1f5e-4c52-9d2a-1a2b3c4d5e6f" creationDateTime="2021-02-06T09:00:00Z" guid="ed7add1a-2800-4263-ab33-2518caba4ea5" name="report.txt">
${sel('11111111-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'aaaaaaaa-1111-4111-8111-111111111111')}
${sel('22222222-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'bbbbbbbb-2222-4222-8222-222222222222')}
</TextSource></Sources>
<Description>project memo</Description>
</Project>`;
    const file = zipSync({ 'project.qde': strToU8(`\ufeff${qde}`), 'sources/d6753209-b998-4e21-8a9f-1a4be2394c8a.txt': strToU8(`\ufeff${text}`) });
    const back = await readQdpx(file, { DOMParser });
    expect(back.pages).toEqual([{ url: 'urn:uuid:ed7add1a-2800-4263-ab33-2518caba4ea5', title: 'report.txt', snapshot: text }]);
    expect(back.annotations.map((a) => [a.quote!.exact, a.terms, a.note, a.creator?.name])).toEqual([
      ['积极推进行政', ['urn:uuid:aaaaaaaa-1111-4111-8111-111111111111'], 'memo on the coding', 'colin'],
      ['积极推进行政', ['urn:uuid:bbbbbbbb-2222-4222-8222-222222222222'], 'memo on the coding', 'colin'],
    ]);
    expect(back.importedTerms.map((t) => t.label.zh)).toEqual(['复议', '标准化']);
  });
});

describe('hostile .qdpx files', () => {
  async function refusal(bytes: Uint8Array, options = {}): Promise<QdpxError> {
    try {
      await readQdpx(bytes, { DOMParser, ...options });
    } catch (e) {
      expect(e).toBeInstanceOf(QdpxError);
      return e as QdpxError;
    }
    throw new Error('expected the file to be refused');
  }

  it('refuses what is not a zip, and a zip without project.qde', async () => {
    expect((await refusal(strToU8('not a zip at all'))).en).toMatch(/not a valid zip/);
    expect((await refusal(zipSync({ 'readme.txt': strToU8('hi') }))).en).toMatch(/no project\.qde/);
  });

  it('refuses a zip bomb by its declared sizes before inflating it, and too many entries', async () => {
    const qde = `<Project xmlns="${NS}" name="x"><Sources><TextSource guid="${G.source}" plainTextPath="internal://a.txt"/></Sources></Project>`;
    const bomb = zipSync({ 'project.qde': strToU8(qde), 'Sources/a.txt': new Uint8Array(4 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const e = await refusal(bomb, { limits: { totalBytes: 1024 * 1024 } });
    expect(e.en).toMatch(/over the limit/);
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`Sources/${i}.txt`, strToU8('x')]));
    expect((await refusal(zipSync({ 'project.qde': strToU8('<Project/>'), ...many }), { limits: { entries: 20 } })).en).toMatch(/more than 20 files/);
  });

  it('inflates no entry past its declared size', async () => {
    // A central directory that under-declares the size of the text: what comes out is cut at the declared size.
    const honest = zipSync({ 'project.qde': strToU8(`<Project xmlns="${NS}" name="x"/>`) }, { level: 9 });
    const lying = honest.slice();
    const dir = lying.length - 22 - 46 - 'project.qde'.length;
    new DataView(lying.buffer).setUint32(dir + 24, 5, true);
    // Cut after five bytes, "<Proj" is not XML.
    expect((await refusal(lying)).en).toMatch(/not well-formed XML/);
  });

  it('refuses entity definitions (a billion laughs) before parsing', async () => {
    const qde = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><Project xmlns="${NS}" name="&b;"/>`;
    expect((await refusal(zipSync({ 'project.qde': strToU8(qde) }))).en).toMatch(/document type declaration/);
  });
});
