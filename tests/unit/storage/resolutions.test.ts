// The adjudication's decisions in the database, and the consensus coder's annotations written with them: one
// transaction for both, so a failed write leaves neither; a page's consensus replaces that coder's earlier
// annotations on the page and nothing else.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationRecord } from '../../../model';
import { AnnotationRepository } from '../../../storage/annotations';
import { PizhuDB } from '../../../storage/db';
import { StorageError } from '../../../storage/errors';
import { PageRepository } from '../../../storage/pages';
import { ResolutionRepository } from '../../../storage/resolutions';
import { annotation, freshName } from './fixtures';

const PAGE = 'https://gov.example/r';
const OTHER_PAGE = 'https://gov.example/s';
const CONSENSUS = 'urn:uuid:21032977-cd59-5ee0-9755-c82169d0f139';
const OTHER_CONSENSUS = 'urn:uuid:5a7c0000-0000-5000-8000-000000000001';
const ANN = { id: 'https://team.example/people/ann', name: '安' };
const BO = { id: 'https://team.example/people/bo', name: '博' };

function by(who: { id: string; name: string }, id: string, pageUrl = PAGE, created = '2024-03-01T00:00:00.000Z'): AnnotationRecord {
  return { ...annotation(id, pageUrl, created, ['t1']), creator: who };
}

let db: PizhuDB;
let repo: ResolutionRepository;
beforeEach(() => {
  db = new PizhuDB(freshName());
  repo = new ResolutionRepository(db);
});
afterEach(() => db.close());

describe('resolution repository', () => {
  it('keeps each decision under its consensus coder and gives back only that coder’s', async () => {
    await repo.settle({ consensus: CONSENSUS, pageUrl: PAGE, decide: { key: `${PAGE}#k1`, resolution: { choice: 'accept', coder: ANN.id } }, consensusAnnotations: [] });
    await repo.settle({ consensus: CONSENSUS, pageUrl: OTHER_PAGE, decide: { key: `${OTHER_PAGE}#k2`, resolution: { choice: 'merge' } }, consensusAnnotations: [] });
    await repo.settle({ consensus: OTHER_CONSENSUS, pageUrl: PAGE, decide: { key: `${PAGE}#k1`, resolution: { choice: 'neither' } }, consensusAnnotations: [] });
    expect(await repo.forConsensus(CONSENSUS)).toEqual(new Map([
      [`${PAGE}#k1`, { choice: 'accept', coder: ANN.id }],
      [`${OTHER_PAGE}#k2`, { choice: 'merge' }],
    ]));
    expect(await repo.forConsensus(OTHER_CONSENSUS)).toEqual(new Map([[`${PAGE}#k1`, { choice: 'neither' }]]));
    // A changed mind replaces the decision; a reopened one (forget) removes it.
    await repo.settle({ consensus: CONSENSUS, pageUrl: PAGE, decide: { key: `${PAGE}#k1`, resolution: { choice: 'merge' } }, consensusAnnotations: [] });
    await repo.settle({ consensus: CONSENSUS, pageUrl: OTHER_PAGE, forget: [`${OTHER_PAGE}#k2`], consensusAnnotations: [] });
    expect(await repo.forConsensus(CONSENSUS)).toEqual(new Map([[`${PAGE}#k1`, { choice: 'merge' }]]));
    const row = await db.resolutions.get([CONSENSUS, `${PAGE}#k1`]);
    expect(row).toMatchObject({ consensus: CONSENSUS, key: `${PAGE}#k1`, pageUrl: PAGE, resolution: { choice: 'merge' } });
    expect(Date.parse(row!.decided)).not.toBeNaN();
  });

  it('replaces the consensus coder’s annotations on the page and leaves every other annotation alone', async () => {
    const consensus = { id: CONSENSUS, name: '共识（安、博）' };
    const mine = [by(ANN, 'urn:uuid:a1'), by(BO, 'urn:uuid:b1'), by(consensus, 'urn:uuid:c-old'), by(consensus, 'urn:uuid:c-kept'),
      by(consensus, 'urn:uuid:c-elsewhere', OTHER_PAGE)];
    await db.annotations.bulkPut(mine);
    const kept = mine[3];
    const fresh = by(consensus, 'urn:uuid:c-new', PAGE, '2024-06-01T00:00:00.000Z');
    const written = await repo.settle({
      consensus: CONSENSUS, pageUrl: PAGE, decide: { key: `${PAGE}#k1`, resolution: { choice: 'accept', coder: BO.id } },
      // The kept record comes with its keys in another order: it is the same record and is not written again.
      consensusAnnotations: [{ ...Object.fromEntries(Object.entries(kept).reverse()) } as AnnotationRecord, fresh],
    });
    expect(written).toEqual({ put: [fresh], removed: ['urn:uuid:c-old'] });
    const ids = (await db.annotations.toArray()).map((a) => a.id).sort();
    expect(ids).toEqual(['urn:uuid:a1', 'urn:uuid:b1', 'urn:uuid:c-elsewhere', 'urn:uuid:c-kept', 'urn:uuid:c-new']);
    // Written as given: its timestamps are the consensus's, not the time of the write.
    expect(await db.annotations.get('urn:uuid:c-new')).toEqual(fresh);
  });

  it('writes nothing when part of the change cannot be written: the decision and the annotations go together', async () => {
    await db.annotations.bulkPut([by({ id: CONSENSUS, name: '共识' }, 'urn:uuid:c-old')]);
    // An annotation of another coder among the consensus's is refused, and with it the decision.
    await expect(repo.settle({
      consensus: CONSENSUS, pageUrl: PAGE, decide: { key: `${PAGE}#k1`, resolution: { choice: 'merge' } },
      consensusAnnotations: [by(ANN, 'urn:uuid:a1')],
    })).rejects.toBeInstanceOf(StorageError);
    expect(await repo.forConsensus(CONSENSUS)).toEqual(new Map());
    expect((await db.annotations.toArray()).map((a) => a.id)).toEqual(['urn:uuid:c-old']);
  });
});

describe('replaceCoderPage', () => {
  it('refuses records of another page', async () => {
    const annotations = new AnnotationRepository(db);
    await expect(annotations.replaceCoderPage(PAGE, CONSENSUS, [by({ id: CONSENSUS, name: '共识' }, 'urn:uuid:x', OTHER_PAGE)]))
      .rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('page texts', () => {
  it('reads the stored texts of the pages asked for, in that order, and leaves out pages without one', async () => {
    const pages = new PageRepository(db);
    await pages.upsertMany([
      { url: PAGE, title: '报告甲', kind: 'report' },
      { url: OTHER_PAGE, title: '报告乙', kind: 'report' },
      { url: 'https://gov.example/t', title: '无正文', kind: 'report' },
    ]);
    await pages.keepSnapshots([{ url: PAGE, text: '正文甲' }, { url: OTHER_PAGE, text: '正文乙' }]);
    expect(await pages.texts([OTHER_PAGE, 'https://gov.example/unknown', 'https://gov.example/t', PAGE])).toEqual([
      { url: OTHER_PAGE, title: '报告乙', text: '正文乙' },
      { url: PAGE, title: '报告甲', text: '正文甲' },
    ]);
    expect(await pages.texts([])).toEqual([]);
  });
});
