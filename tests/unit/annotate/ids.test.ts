import { describe, expect, it } from 'vitest';
import { newUuidIri } from '../../../model';

describe('annotation ids', () => {
  it('are version-4 UUID IRIs, different every time', () => {
    const ids = Array.from({ length: 200 }, newUuidIri);
    for (const id of ids) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
