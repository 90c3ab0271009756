// What the taxonomy editor asks of the rest of Pizhu, in one place: the stored codebook and its edits (through
// TaxonomyRepository, one transaction each), a teammate's file read and planned as a merge, and the two export
// formats. The editor component holds none of this logic; it receives a TaxonomyService as a prop.
import type { LocalizedText } from '../model';
import type { PizhuDB } from '../storage/db';
import { TaxonomyRepository } from '../storage/taxonomies';
import type { NewTerm, Placement } from '../taxonomy/edit';
import { taxonomyToJson } from '../taxonomy/json-file';
import type { MergeSummary } from '../taxonomy/merge';
import { exportQdc } from '../taxonomy/refi-qda';
import type { TaxonomyState } from '../taxonomy/state';
import { readCodebookPlan } from './read-file';

export interface MergePreview {
  fileName: string;
  incoming: TaxonomyState;
  summary: MergeSummary;
  changes: number;
}

export class TaxonomyService {
  private readonly repo: TaxonomyRepository;

  constructor(db: PizhuDB) {
    this.repo = new TaxonomyRepository(db);
  }

  /** The codebook to edit: the stored one, or the default installed now. */
  load(): Promise<TaxonomyState> {
    return this.repo.ensureDefault();
  }

  addTerm = (taxonomyId: string, term: NewTerm) => this.repo.addTerm(taxonomyId, term);
  rename = (taxonomyId: string, termId: string, label: Partial<LocalizedText>) => this.repo.rename(taxonomyId, termId, label);
  recolour = (taxonomyId: string, termId: string, color: string) => this.repo.recolour(taxonomyId, termId, color);
  setShortcut = (taxonomyId: string, termId: string, shortcut: string | undefined) => this.repo.setShortcut(taxonomyId, termId, shortcut);
  move = (taxonomyId: string, termId: string, to: Placement) => this.repo.move(taxonomyId, termId, to);
  retire = (taxonomyId: string, termId: string) => this.repo.retire(taxonomyId, termId);
  reinstate = (taxonomyId: string, termId: string) => this.repo.reinstate(taxonomyId, termId);

  /**
   * Reads a teammate's codebook file and says what merging it would change, touching nothing. The file is read and
   * the merge planned in the reader worker, so that a file of thousands of codes keeps the page responsive; a file
   * too large for a codebook is refused before it is read.
   */
  async previewMerge(file: File, current: TaxonomyState): Promise<MergePreview> {
    return { fileName: file.name, ...(await readCodebookPlan(file, current)) };
  }

  /** Applies a previewed merge to what is stored now; returns the stored state after it. */
  async applyMerge(taxonomyId: string, incoming: TaxonomyState): Promise<TaxonomyState> {
    await this.repo.merge(taxonomyId, incoming);
    return (await this.repo.get(taxonomyId))!;
  }

  jsonFile(state: TaxonomyState): { blob: Blob; name: string } {
    return { blob: new Blob([taxonomyToJson(state)], { type: 'application/json' }), name: `pizhu-taxonomy-v${state.taxonomy.version}.json` };
  }

  async qdcFile(state: TaxonomyState): Promise<{ blob: Blob; name: string }> {
    return { blob: new Blob([await exportQdc(state)], { type: 'application/xml' }), name: `pizhu-taxonomy-v${state.taxonomy.version}.qdc` };
  }
}
