import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PizhuDB } from '../../../storage/db';
import { TaxonomyRepository } from '../../../storage/taxonomies';
import { DEFAULT_TAXONOMY_ID, REPORT_SCHEME, TAXONOMY_BASE, defaultTaxonomy } from '../../../taxonomy/default';
import { renameTerm } from '../../../taxonomy/edit';
import { TaxonomyError } from '../../../taxonomy/errors';
import { freshName } from './fixtures';

const T = (slug: string) => `${TAXONOMY_BASE}/term/${slug}`;
let db: PizhuDB;
let repo: TaxonomyRepository;
beforeEach(() => {
  db = new PizhuDB(freshName());
  repo = new TaxonomyRepository(db);
});
afterEach(() => db.close());

describe('taxonomy repository', () => {
  it('installs the default taxonomy once', async () => {
    const first = await repo.ensureDefault();
    expect(first).toEqual(defaultTaxonomy());
    expect((await repo.get(DEFAULT_TAXONOMY_ID))!.terms).toHaveLength(first.terms.length);
    await repo.rename(DEFAULT_TAXONOMY_ID, T('enforcement'), { zh: '执法' });
    const second = await repo.ensureDefault();
    expect(second.terms.find((term) => term.id === T('enforcement'))!.label.zh).toBe('执法');
    expect(await repo.list()).toHaveLength(1);
  });

  it('stores each edit with the version bumped, writing only the terms touched', async () => {
    await repo.ensureDefault();
    const written: string[] = [];
    db.terms.hook('updating', (_changes, key) => void written.push(key as string));
    db.terms.hook('creating', (key) => void written.push(key as string));
    const after = await repo.recolour(DEFAULT_TAXONOMY_ID, T('rules'), '#336699', new Date('2025-05-05T00:00:00Z'));
    expect(written).toEqual([T('rules')]);
    expect(after.taxonomy).toMatchObject({ version: 2, modified: '2025-05-05T00:00:00.000Z' });
    const stored = (await repo.get(DEFAULT_TAXONOMY_ID))!;
    expect(stored.taxonomy.version).toBe(2);
    expect(stored.terms.find((term) => term.id === T('rules'))!.color).toBe('#336699');

    await repo.move(DEFAULT_TAXONOMY_ID, T('rules/clean-up'), { parent: T('report/measures') });
    await repo.retire(DEFAULT_TAXONOMY_ID, T('emergencies'));
    await repo.reinstate(DEFAULT_TAXONOMY_ID, T('emergencies'));
    await repo.setShortcut(DEFAULT_TAXONOMY_ID, T('report/attachments'), 'f');
    const added = await repo.addTerm(DEFAULT_TAXONOMY_ID, { label: { zh: '新', en: 'New' }, scheme: REPORT_SCHEME, id: 'urn:uuid:new' });
    expect(added.taxonomy.version).toBe(7);
    const final = (await repo.get(DEFAULT_TAXONOMY_ID))!;
    expect(final).toEqual({ taxonomy: added.taxonomy, terms: expect.arrayContaining(added.terms) });
    expect(final.terms).toHaveLength(added.terms.length);
    expect(final.terms.find((term) => term.id === T('rules/clean-up'))).toMatchObject({ scheme: REPORT_SCHEME, parent: T('report/measures') });
  });

  it('rejects an invalid edit with the taxonomy error and writes nothing', async () => {
    await repo.ensureDefault();
    const error = await repo.move(DEFAULT_TAXONOMY_ID, T('oversight'), { parent: T('oversight/openness') }).catch((e) => e);
    expect(error).toBeInstanceOf(TaxonomyError);
    expect(error.code).toBe('cycle');
    const stored = (await repo.get(DEFAULT_TAXONOMY_ID))!;
    const pristine = defaultTaxonomy();
    expect(stored.taxonomy).toEqual(pristine.taxonomy);
    expect(stored.terms).toHaveLength(pristine.terms.length);
    expect(stored.terms).toEqual(expect.arrayContaining(pristine.terms));
  });

  it('reports an edit of a taxonomy that does not exist', async () => {
    await expect(repo.retire('urn:uuid:none', T('rules'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('merges a teammate’s codebook in one transaction and returns the summary', async () => {
    await repo.ensureDefault();
    const theirs = renameTerm(defaultTaxonomy(), T('decisions'), { zh: '决策' });
    const plan = await repo.merge(DEFAULT_TAXONOMY_ID, theirs);
    expect(plan.summary.renamed.map((term) => term.id)).toEqual([T('decisions')]);
    const stored = (await repo.get(DEFAULT_TAXONOMY_ID))!;
    expect(stored.terms.find((term) => term.id === T('decisions'))!.label.zh).toBe('决策');
    expect(stored.taxonomy.version).toBe(3);
    const again = await repo.merge(DEFAULT_TAXONOMY_ID, theirs);
    expect(again.changes).toBe(0);
    expect((await repo.get(DEFAULT_TAXONOMY_ID))!.taxonomy.version).toBe(3);
  });
});
