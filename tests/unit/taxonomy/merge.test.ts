import { describe, expect, it } from 'vitest';
import { REPORT_SCHEME, TAXONOMY_BASE, defaultTaxonomy } from '../../../taxonomy/default';
import { addTerm, moveTerm, recolourTerm, renameTerm, retireTerm, setShortcut } from '../../../taxonomy/edit';
import { TaxonomyError } from '../../../taxonomy/errors';
import { parseTaxonomyJson, taxonomyToJson } from '../../../taxonomy/json-file';
import { planMerge } from '../../../taxonomy/merge';
import { findProblem } from '../../../taxonomy/state';

const T = (slug: string) => `${TAXONOMY_BASE}/term/${slug}`;
const now = new Date('2025-06-02T00:00:00Z');

function malformedMessage(source: string): { zh: string; en: string } {
  try {
    parseTaxonomyJson(source);
  } catch (e) {
    expect(e).toBeInstanceOf(TaxonomyError);
    expect((e as TaxonomyError).code).toBe('malformed-file');
    return e as TaxonomyError;
  }
  throw new Error('expected the file to be rejected');
}

describe('pizhu-taxonomy JSON file', () => {
  it('round-trips a state exactly', () => {
    const edited = addTerm(retireTerm(defaultTaxonomy(), T('emergencies'), now), { label: { zh: '新', en: 'New' }, parent: T('rules'), id: 'urn:uuid:n' }, now);
    const text = taxonomyToJson(edited, now);
    expect(JSON.parse(text)).toMatchObject({ format: 'pizhu-taxonomy', version: 1, exported: now.toISOString() });
    expect(parseTaxonomyJson(text)).toEqual(edited);
  });

  it('names what is wrong with a malformed file', () => {
    const good = JSON.parse(taxonomyToJson(defaultTaxonomy(), now));
    expect(malformedMessage('{ nope').en).toMatch(/not valid JSON/);
    expect(malformedMessage(JSON.stringify({ ...good, format: 'other' })).zh).toMatch(/pizhu-taxonomy/);
    expect(malformedMessage(JSON.stringify({ ...good, version: 9 })).en).toMatch(/version 9/);
    const orphan = structuredClone(good);
    orphan.terms[3].parent = 'urn:uuid:gone';
    expect(malformedMessage(JSON.stringify(orphan)).en).toMatch(/parent that does not exist: urn:uuid:gone/);
    const badColour = structuredClone(good);
    badColour.terms[0].color = 'blue';
    expect(malformedMessage(JSON.stringify(badColour)).en).toMatch(/colour.*blue/);
    const dup = structuredClone(good);
    dup.terms.push(dup.terms[0]);
    expect(malformedMessage(JSON.stringify(dup)).en).toContain(`Duplicate term id: ${good.terms[0].id}`);
    const noLabel = structuredClone(good);
    delete noLabel.terms[2].label;
    expect(malformedMessage(JSON.stringify(noLabel)).zh).toContain('第 3 个术语');
  });
});

describe('merging a team member’s codebook', () => {
  const ours = addTerm(defaultTaxonomy(), { label: { zh: '我的术语', en: 'Mine' }, parent: T('rules'), shortcut: 'q', id: 'urn:uuid:mine' }, now);

  function theirs() {
    let s = defaultTaxonomy();
    s = renameTerm(s, T('enforcement/three-systems'), { zh: '三项制度' }, now);
    s = recolourTerm(s, T('disputes'), '#123456', now);
    s = moveTerm(s, T('disputes/petitions'), { parent: T('oversight') }, now);
    s = retireTerm(s, T('emergencies/participation'), now);
    s = addTerm(s, { label: { zh: '他的术语', en: 'Theirs' }, scheme: REPORT_SCHEME, shortcut: 'q', id: 'urn:uuid:theirs' }, now);
    return s;
  }

  it('summarises each kind of change before anything is applied', () => {
    const incoming = theirs();
    const { summary, result, changes } = planMerge(ours, incoming, now);
    expect(summary.added.map((term) => term.id)).toEqual(['urn:uuid:theirs']);
    expect(summary.renamed).toEqual([expect.objectContaining({ id: T('enforcement/three-systems'), from: { zh: '行政执法三项制度', en: 'The three enforcement systems' } })]);
    expect(summary.recoloured).toEqual([expect.objectContaining({ id: T('disputes'), from: defaultTaxonomy().terms.find((term) => term.id === T('disputes'))!.color })]);
    expect(summary.moved.map((term) => term.id)).toContain(T('disputes/petitions'));
    expect(summary.moved.find((term) => term.id === T('disputes/petitions'))!.fromParent).toBe(T('disputes'));
    expect(summary.retired.map((term) => term.id)).toEqual([T('emergencies/participation')]);
    expect(summary.onlyHere.map((term) => term.id)).toEqual(['urn:uuid:mine']);
    expect(summary.shortcutsDropped).toEqual([expect.objectContaining({ id: 'urn:uuid:theirs', shortcut: 'q' })]);
    expect(summary.unchanged.length).toBe(incoming.terms.length - 1 - 1 - 1 - summary.moved.length - 1);
    expect(changes).toBeGreaterThan(0);

    const byId = new Map(result.terms.map((term) => [term.id, term]));
    expect(byId.get(T('enforcement/three-systems'))!.label.zh).toBe('三项制度');
    expect(byId.get('urn:uuid:mine')!.shortcut).toBe('q');
    expect(byId.get('urn:uuid:theirs')!.shortcut).toBeUndefined();
    expect(result.terms).toHaveLength(ours.terms.length + 1);
    expect(result.taxonomy.version).toBe(Math.max(ours.taxonomy.version, incoming.taxonomy.version) + 1);
    expect(findProblem(result)).toBeUndefined();
    expect(ours.terms.find((term) => term.id === T('enforcement/three-systems'))!.label.zh).toBe('行政执法三项制度');
  });

  it('changes nothing when the codebooks agree', () => {
    const current = defaultTaxonomy();
    const plan = planMerge(current, defaultTaxonomy(), now);
    expect(plan.changes).toBe(0);
    expect(plan.result).toBe(current);
    expect(plan.summary.unchanged).toHaveLength(current.terms.length);
  });

  it('moves our own children along when their parent moves to another scheme', () => {
    const mine = addTerm(defaultTaxonomy(), { label: { zh: '子', en: 'Child' }, parent: T('disputes/mediation'), id: 'urn:uuid:kid' }, now);
    const incoming = moveTerm(defaultTaxonomy(), T('disputes/mediation'), { parent: T('report/measures') }, now);
    const { result } = planMerge(mine, incoming, now);
    expect(result.terms.find((term) => term.id === 'urn:uuid:kid')!.scheme).toBe(REPORT_SCHEME);
    expect(findProblem(result)).toBeUndefined();
  });

  it('keeps our shortcut when theirs collides, and takes theirs when the key is free', () => {
    const incoming = setShortcut(defaultTaxonomy(), T('report/attachments'), 'f', now);
    const { result, summary } = planMerge(ours, incoming, now);
    expect(result.terms.find((term) => term.id === T('report/attachments'))!.shortcut).toBe('f');
    expect(summary.edited.map((term) => term.id)).toEqual([T('report/attachments')]);
  });
});
