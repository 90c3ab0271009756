// The adjudication's decisions: for each consensus coder (agreement/coders.ts consensusCoderId, one per set of coders
// reconciled) and each disagreement (agreement/adjudication.ts, keyed by its page and its annotations), the choice
// made — accept a coder's annotations, merge, or neither. They are kept in the database so that closing the library
// loses none of them; a disagreement whose annotations changed since gets a new key and comes back unresolved, and
// its old row is dropped the next time that page is settled.
//
// A decision and the consensus coder's annotations it gives for the page are written in one transaction (settle), so
// that the consensus stored always matches the decisions stored.
import Dexie from 'dexie';
import type { Resolution } from '../agreement/adjudication';
import type { AnnotationRecord } from '../model';
import { AnnotationRepository } from './annotations';
import type { PizhuDB } from './db';
import { guard } from './errors';

export interface ResolutionRecord {
  /** The consensus coder's IRI. */
  consensus: string;
  /** The disagreement's key (its page URL, '#', a name-based UUID of its annotations). */
  key: string;
  pageUrl: string;
  resolution: Resolution;
  /** ISO 8601, when the choice was made. */
  decided: string;
}

export interface SettleChange {
  consensus: string;
  pageUrl: string;
  /** A decision made (or changed) on one disagreement of the page. */
  decide?: { key: string; resolution: Resolution };
  /** Keys whose decisions go: a disagreement reopened, or stale keys of the page. */
  forget?: readonly string[];
  /** The consensus coder's annotations on the page after the change: they replace those stored. */
  consensusAnnotations: readonly AnnotationRecord[];
  now?: Date;
}

export class ResolutionRepository {
  constructor(private readonly db: PizhuDB) {}

  /** Every decision kept for a consensus coder, by disagreement key. */
  forConsensus(consensus: string): Promise<Map<string, Resolution>> {
    return guard(async () => {
      const rows = await this.db.resolutions
        .where('[consensus+pageUrl]')
        .between([consensus, Dexie.minKey], [consensus, Dexie.maxKey])
        .toArray();
      return new Map(rows.map((r) => [r.key, r.resolution]));
    });
  }

  /**
   * Records a decision (or takes some back) and writes the consensus coder's annotations for the page, all or
   * nothing. Returns the annotations written and the ids deleted, for the page to update what it shows.
   */
  settle(change: SettleChange): Promise<{ put: AnnotationRecord[]; removed: string[] }> {
    return guard(() =>
      this.db.transaction('rw', [this.db.resolutions, this.db.annotations], async () => {
        const { consensus, pageUrl } = change;
        const forget = (change.forget ?? []).filter((k) => k !== change.decide?.key);
        if (forget.length) await this.db.resolutions.bulkDelete(forget.map((key): [string, string] => [consensus, key]));
        if (change.decide) {
          await this.db.resolutions.put({
            consensus,
            key: change.decide.key,
            pageUrl,
            resolution: change.decide.resolution,
            decided: (change.now ?? new Date()).toISOString(),
          });
        }
        return new AnnotationRepository(this.db).replaceCoderPage(pageUrl, consensus, change.consensusAnnotations);
      }),
    );
  }
}
