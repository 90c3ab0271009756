// @vitest-environment jsdom
// Codebook files from elsewhere (issue 11): what a broken file is told, and files that once froze the library.
import { describe, expect, it } from 'vitest';
import { flatCodebookQdc, taxonomyRecords } from '../../../scripts/hostile-files.mjs';
import { AREA_COLOURS, REPORT_COLOURS, highlightDistance } from '../../../taxonomy/palette';
import { readCodebookFile } from '../../../taxonomy/codebook-file';
import { defaultTaxonomy } from '../../../taxonomy/default';
import { TaxonomyError } from '../../../taxonomy/errors';
import { taxonomyToJson } from '../../../taxonomy/json-file';
import { planMerge } from '../../../taxonomy/merge';
import { importedSchemeId } from '../../../taxonomy/refi-qda';
import { findProblem, MAX_TERM_DEPTH } from '../../../taxonomy/state';

const now = new Date('2025-06-03T00:00:00Z');
const read = (name: string, text: string) => readCodebookFile({ name, text }, { current: defaultTaxonomy() });

async function refusal(name: string, text: string): Promise<TaxonomyError> {
  try {
    await read(name, text);
  } catch (e) {
    expect(e).toBeInstanceOf(TaxonomyError);
    const error = e as TaxonomyError;
    expect(error.zh.trim()).not.toBe('');
    expect(error.en.trim()).not.toBe('');
    return error;
  }
  throw new Error(`expected ${name} to be refused`);
}

describe('what a broken codebook file is told', () => {
  it('an empty .qdc is empty, not "not valid JSON"; text in a .qdc is not XML', async () => {
    for (const text of ['', '  \n', '\ufeff']) {
      const empty = await refusal('codes.qdc', text);
      expect(empty.en).toMatch(/empty/);
      expect(empty.zh).toMatch(/空/);
      expect(empty.en).not.toMatch(/JSON/);
    }
    const prose = await refusal('codes.qdc', 'hello, these are my codes');
    expect(prose.en).toMatch(/not well-formed XML at line 1, column \d+/);
    expect(prose.zh).toMatch(/不是格式正确的 XML，第 1 行第 \d+ 列/);
    expect(prose.en).not.toMatch(/JSON/);
  });

  it('a malformed .qdc names the line and column once, in words of its own', async () => {
    const error = await refusal('codes.qdc', '<?xml version="1.0"?>\n<CodeBook>\n  <Code x="1" x="2"/>\n</CodeBook>');
    expect(error.en).toMatch(/^The file is not well-formed XML at line 3, column \d+: an attribute appears twice\.$/);
    expect(error.zh).toMatch(/^文件不是格式正确的 XML，第 3 行第 \d+ 列：同一个属性出现了两次。$/);
    expect(error.details).toHaveLength(1);
  });

  it('says what kind of problem each is, truncation and entities among them', async () => {
    const truncated = await refusal('cut.qdc', '<?xml version="1.0"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a');
    expect(truncated.zh).toMatch(/^文件不是格式正确的 XML，第 2 行第 \d+ 列：/);
    expect(truncated.en).toMatch(/at line 2, column \d+: .*(truncated|malformed)/);
    const mismatched = await refusal('x.qdc', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes></Code></CodeBook>');
    expect(mismatched.en).toMatch(/an end tag does not match its start tag/);
    const entity = await refusal('x.qdc', '<!DOCTYPE CodeBook [<!ENTITY e "x">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>&e;</Codes></CodeBook>');
    expect(entity.en).toMatch(/entity .* Pizhu does not expand/);
    // The parser's own words, once, apart from Pizhu's message.
    expect(entity.details).toHaveLength(1);
    expect(`${entity.zh} ${entity.en}`).not.toContain(entity.details[0]);
  });

  it('a Pizhu JSON file: empty, broken (line and column), nested too deep', async () => {
    expect((await refusal('codes.json', '')).en).toMatch(/empty/);
    const broken = await refusal('codes.json', '{\n  "format": "pizhu-taxonomy",\n  "version": 1,\n  oops\n}');
    expect(broken.en).toBe('The file is not valid JSON: there is an error at line 4, column 3.');
    expect(broken.zh).toBe('文件不是有效的 JSON：第 4 行第 3 列有误。');
    const deep = await refusal('codes.json', `{"format":"pizhu-taxonomy","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(deep.en).toMatch(/nests too deep: more than 64 levels at line 1, column \d+/);
  });

  it('refuses a term id long enough to slow every later comparison', async () => {
    const state = defaultTaxonomy();
    const long = { ...state, terms: [...state.terms, { ...state.terms[0], id: `urn:x:${'a'.repeat(5000)}`, shortcut: undefined }] };
    expect((await refusal('codes.json', taxonomyToJson(long))).en).toMatch(/term id is too long/);
  });

  it('refuses a chain of parents deeper than any codebook, and still finds a cycle', async () => {
    const { taxonomy, terms } = taxonomyRecords(10);
    const chain = Array.from({ length: 5000 }, (_, i) => ({ ...terms[1], id: `urn:x:${i}`, notation: String(i), ...(i ? { parent: `urn:x:${i - 1}` } : { parent: undefined }) }));
    expect(findProblem({ taxonomy, terms: chain })?.en).toMatch(new RegExp(`nested too deep \\(more than ${MAX_TERM_DEPTH} levels\\)`));
    const loop = [{ ...terms[1], id: 'urn:a', parent: 'urn:b' }, { ...terms[1], id: 'urn:b', parent: 'urn:a' }];
    expect(findProblem({ taxonomy, terms: loop })?.en).toMatch(/form a cycle/);
    const qdcDeep = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${Array.from({ length: 60 }, (_, i) => `<Code guid="a1b2c3d4-0000-4000-8000-${String(i).padStart(12, '0')}" name="c${i}">`).join('')}${'</Code>'.repeat(60)}</Codes></CodeBook>`;
    expect((await refusal('deep.qdc', qdcDeep)).en).toMatch(/nest too deep/);
  });
});

describe('large codebooks without colours (issue 11: 2,000 codes froze the library)', () => {
  it('5,000 flat codes are read and merged, each with a palette colour, spread evenly over the palette', async () => {
    const current = defaultTaxonomy();
    const incoming = await readCodebookFile({ name: 'flat.qdc', text: flatCodebookQdc(5000) }, { current });
    const imported = incoming.terms.filter((t) => t.scheme === importedSchemeId(current.taxonomy.id));
    expect(imported).toHaveLength(5000);
    const palette: string[] = [...AREA_COLOURS, ...REPORT_COLOURS];
    const uses = new Map<string, number>();
    for (const t of imported) {
      expect(palette).toContain(t.color);
      uses.set(t.color, (uses.get(t.color) ?? 0) + 1);
    }
    // Every colour of the palette, each used about as often as any other (5,000 / 20 = 250).
    expect(uses.size).toBe(palette.length);
    expect(Math.max(...uses.values()) - Math.min(...uses.values())).toBeLessThanOrEqual(2);
    const plan = planMerge(current, incoming, now);
    expect(plan.summary.added).toHaveLength(5000);
    expect(findProblem(plan.result)).toBeUndefined();
  });

  it('each colour is still the palette colour farthest from those in use', async () => {
    // The rule as it was written before it was made linear: every candidate against every colour in use.
    const farthest = (used: string[]) => {
      const palette = [...AREA_COLOURS, ...REPORT_COLOURS];
      const nearest = palette.map((c) => Math.min(...used.map((u) => highlightDistance(c, u))));
      return palette[nearest.indexOf(Math.max(...nearest))];
    };
    const base = defaultTaxonomy();
    // Room to choose: a codebook that uses three colours of the palette and one of its own.
    const current = { ...base, terms: base.terms.slice(0, 4).map((t, i) => ({ ...t, parent: undefined, color: ['#e6194b', '#3cb44b', '#4363d8', '#777777'][i] })) };
    const incoming = await readCodebookFile({ name: 'flat.qdc', text: flatCodebookQdc(6) }, { current });
    const used = current.terms.map((t) => t.color);
    for (const term of incoming.terms.filter((t) => t.scheme === importedSchemeId(base.taxonomy.id))) {
      expect(term.color).toBe(farthest(used));
      used.push(term.color);
    }
  });
});
