import { describe, expect, it } from 'vitest';
import { BATCH_WEIGHT, docWeight, FIRST_BATCH, MAX_BATCH, MIN_BATCH, nextBatchSize } from '../../../sync/batch-size';

const annotation = (note = '') => ({ data: { quote: { exact: '引文' }, note } });
const page = (chars: number) => ({ data: { url: 'http://example.gov.cn/a.html', snapshot: '字'.repeat(chars) } });

describe('the engine’s batches from the replica', () => {
  it('weigh a document by its long texts', () => {
    expect(docWeight(page(50_000))).toBeGreaterThan(50_000);
    expect(docWeight(annotation('备'.repeat(2000)))).toBeGreaterThan(docWeight(annotation()) + 1999);
    expect(docWeight({ data: null })).toBe(docWeight({}));
  });

  it('grow fourfold a batch while documents are light, up to the most', () => {
    const light = Array.from({ length: FIRST_BATCH }, () => annotation());
    expect(nextBatchSize(light, FIRST_BATCH)).toBe(FIRST_BATCH * 4);
    expect(nextBatchSize(light, FIRST_BATCH * 4)).toBe(MAX_BATCH);
  });

  it('shrink at once to what fits the weight when pages with their text come', () => {
    const pages = Array.from({ length: 100 }, () => page(60_000));
    const next = nextBatchSize(pages, MAX_BATCH);
    expect(next).toBeLessThan(MAX_BATCH);
    expect(next * docWeight(pages[0])).toBeLessThanOrEqual(BATCH_WEIGHT);
    expect(nextBatchSize([page(5_000_000)], MAX_BATCH)).toBe(MIN_BATCH);
  });

  it('keep their size after an empty read', () => {
    expect(nextBatchSize([], 1234)).toBe(1234);
  });
});
