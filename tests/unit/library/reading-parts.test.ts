// @vitest-environment jsdom
// The reading crosses from its worker in parts of bounded size, each cloned on its own, and is whole again after.
import { describe, expect, it } from 'vitest';
import { ReadingAssembly, readingParts } from '../../../library/reading-parts';
import { readStoredText } from '../../../reading/read';
import { structureToKeep } from '../../../reading/structure';
import { scanFixture } from '../study-ui/helpers/scan';

describe('readingParts', () => {
  it('sends every list in batches and puts the reading together again', async () => {
    const { scan } = await scanFixture('zhangdian-2017-report');
    const text = scan.layout.map.text;
    const reading = await readStoredText({ title: scan.layout.title, kind: scan.kind, text, structure: structureToKeep(scan.layout.segments, scan.layout.blocks), selectors: [] });
    const parts = readingParts(reading, 10);
    for (const part of parts) if (part.type === 'items') expect(part.items.length).toBeLessThanOrEqual(10);
    expect(new Set(parts.filter((p) => p.type === 'items').map((p) => (p as { list: string }).list))).toEqual(new Set(['matches', 'lines', 'outline', 'cited', 'notes', 'rows']));
    // The last part holds no list: it is small, whatever the text.
    const last = parts[parts.length - 1];
    expect(last.type).toBe('rest');
    expect(JSON.stringify(last).length).toBeLessThan(2000);
    const assembly = new ReadingAssembly();
    const done = parts.map((p) => assembly.add(structuredClone(p)));
    expect(done.slice(0, -1).every((r) => r === undefined)).toBe(true);
    expect(done[done.length - 1]).toEqual(reading);
  });
});
