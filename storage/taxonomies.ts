// Taxonomy and term rows. Every edit reads the stored state, applies one of the pure operations of taxonomy/edit.ts
// (which bump the taxonomy's version) and writes the taxonomy with the terms it touched, in one transaction. Terms
// are never deleted: annotations refer to them; retiring is how a term leaves use.
import { defaultTaxonomy } from '../taxonomy/default';
import * as ops from '../taxonomy/edit';
import { planMerge, type MergePlan } from '../taxonomy/merge';
import { addTaggingTerm } from '../taxonomy/tagging-terms';
import { touchedTerms, type TaxonomyState } from '../taxonomy/state';
import type { PizhuDB } from './db';
import { guard, notFound } from './errors';
import type { LocalizedText, Taxonomy, Term } from '../model';

const TERM_WRITE_BATCH = 250;

export class TaxonomyRepository {
  constructor(private readonly db: PizhuDB) {}

  list(): Promise<Taxonomy[]> {
    return guard(() => this.db.taxonomies.toArray());
  }

  get(id: string): Promise<TaxonomyState | undefined> {
    return guard(() => this.db.transaction('r', this.db.taxonomies, this.db.terms, () => this.read(id)));
  }

  /** Writes a whole state (a new taxonomy, or one merged elsewhere). Stored terms missing from it are kept. */
  put(state: TaxonomyState): Promise<void> {
    return guard(() =>
      this.db.transaction('rw', this.db.taxonomies, this.db.terms, async () => {
        await this.db.taxonomies.put(state.taxonomy);
        await this.putTerms(state.terms);
      }),
    );
  }

  /** The taxonomy to offer on first run: installs the default one when the database has none. */
  ensureDefault(): Promise<TaxonomyState> {
    return guard(() =>
      this.db.transaction('rw', this.db.taxonomies, this.db.terms, async () => {
        const first = await this.db.taxonomies.toCollection().first();
        if (first) return (await this.read(first.id))!;
        const state = defaultTaxonomy();
        await this.db.taxonomies.put(state.taxonomy);
        await this.db.terms.bulkPut(state.terms);
        return state;
      }),
    );
  }

  /** Applies `change` to the stored state and stores the result, all in one transaction; returns the new state. */
  edit(taxonomyId: string, change: (state: TaxonomyState) => TaxonomyState): Promise<TaxonomyState> {
    return guard(() =>
      this.db.transaction('rw', this.db.taxonomies, this.db.terms, async () => {
        const before = await this.read(taxonomyId);
        if (!before) throw notFound({ zh: `分类表：${taxonomyId}`, en: `taxonomy ${taxonomyId}` });
        const after = change(before);
        if (after === before) return before;
        await this.db.taxonomies.put(after.taxonomy);
        await this.putTerms(touchedTerms(before, after));
        return after;
      }),
    );
  }

  addTerm(taxonomyId: string, term: ops.NewTerm, now = new Date()) {
    return this.edit(taxonomyId, (s) => ops.addTerm(s, term, now));
  }

  /** A term named in the tag picker, added to the first taxonomy's tagging group (or the one already named so). */
  addTaggingTerm(text: string, now = new Date()): Promise<Term> {
    return guard(() =>
      this.db.transaction('rw', this.db.taxonomies, this.db.terms, async () => {
        const current = await this.ensureDefault();
        const { state, term } = addTaggingTerm(current, text, now);
        if (state !== current) {
          await this.db.taxonomies.put(state.taxonomy);
          await this.db.terms.bulkPut(touchedTerms(current, state));
        }
        return term;
      }),
    );
  }

  rename(taxonomyId: string, termId: string, label: Partial<LocalizedText>, now = new Date()) {
    return this.edit(taxonomyId, (s) => ops.renameTerm(s, termId, label, now));
  }

  recolour(taxonomyId: string, termId: string, color: string, now = new Date()) {
    return this.edit(taxonomyId, (s) => ops.recolourTerm(s, termId, color, now));
  }

  setShortcut(taxonomyId: string, termId: string, shortcut: string | undefined, now = new Date()) {
    return this.edit(taxonomyId, (s) => ops.setShortcut(s, termId, shortcut, now));
  }

  move(taxonomyId: string, termId: string, to: ops.Placement, now = new Date()) {
    return this.edit(taxonomyId, (s) => ops.moveTerm(s, termId, to, now));
  }

  retire(taxonomyId: string, termId: string, now = new Date()) {
    return this.edit(taxonomyId, (s) => ops.retireTerm(s, termId, now));
  }

  reinstate(taxonomyId: string, termId: string, now = new Date()) {
    return this.edit(taxonomyId, (s) => ops.reinstateTerm(s, termId, now));
  }

  /**
   * Merges a team member's codebook (from parseTaxonomyJson or importQdc) into the stored one. The plan is made
   * again inside the transaction, so what is applied is computed against what is stored at that moment.
   */
  merge(taxonomyId: string, incoming: TaxonomyState, now = new Date()): Promise<MergePlan> {
    return guard(() =>
      this.db.transaction('rw', this.db.taxonomies, this.db.terms, async () => {
        const current = await this.read(taxonomyId);
        if (!current) throw notFound({ zh: `分类表：${taxonomyId}`, en: `taxonomy ${taxonomyId}` });
        const plan = planMerge(current, incoming, now);
        if (plan.result !== current) {
          await this.db.taxonomies.put(plan.result.taxonomy);
          await this.putTerms(touchedTerms(current, plan.result));
        }
        return plan;
      }),
    );
  }

  /**
   * Writes terms a batch at a time inside the caller's transaction: issuing a put costs the page about 40 µs, so a
   * merge of 5,000 terms in one bulkPut was a single 200 ms task; each batch of 250 here is a task of its own.
   */
  private async putTerms(terms: readonly Term[]): Promise<void> {
    for (let i = 0; i < terms.length; i += TERM_WRITE_BATCH) await this.db.terms.bulkPut(terms.slice(i, i + TERM_WRITE_BATCH));
  }

  private async read(id: string): Promise<TaxonomyState | undefined> {
    const taxonomy = await this.db.taxonomies.get(id);
    if (!taxonomy) return undefined;
    return { taxonomy, terms: await this.db.terms.where('taxonomyId').equals(id).toArray() };
  }
}
