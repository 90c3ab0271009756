// The library tells open reports when the codebook was written, and only then.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onCodebookWritten } from '../../../library/codebook-changes';
import { PizhuDB } from '../../../storage/db';
import { TaxonomyRepository } from '../../../storage/taxonomies';

const dbs: PizhuDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('onCodebookWritten', () => {
  it('announces writes of terms or taxonomies, not of annotations or pages, and stops when asked', async () => {
    const db = new PizhuDB(`codebook-changes-${Date.now()}`);
    dbs.push(db);
    // Creating the database counts as writing every part of it: that is not what is tested here.
    await db.open();
    const announce = vi.fn();
    const stop = onCodebookWritten(db.name, announce);
    await db.pages.put({ url: 'u', title: 't', kind: 'report', firstSeen: '', lastSeen: '' });
    await vi.waitFor(() => expect(announce).not.toHaveBeenCalled());
    await new TaxonomyRepository(db).ensureDefault();
    await vi.waitFor(() => expect(announce).toHaveBeenCalled());
    const term = (await db.terms.toArray())[0];
    announce.mockClear();
    await db.terms.put({ ...term, label: { zh: '改名', en: 'Renamed' } });
    await vi.waitFor(() => expect(announce).toHaveBeenCalledTimes(1));
    stop();
    await db.terms.put({ ...term, label: { zh: '再改', en: 'Again' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(announce).toHaveBeenCalledTimes(1);
  });
});
