// What each bundle of the built extension weighs, against its budget (scripts/size-budget.json, `npm run size`),
// and that the code loaded on demand stays out of the first load: study mode and indicator naming out of the
// content script that runs on every page, the xlsx writer out of the side panel and the library page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionDir } from '../../scripts/extension-browser.mjs';
import { measure } from '../../scripts/size.mjs';

const read = (files: string[]) => files.map((f) => fs.readFileSync(path.join(extensionDir, f), 'utf8')).join('\n');

describe('bundle sizes', () => {
  const bundles = measure();
  const byName = new Map(bundles.map((b) => [b.name, b]));

  it.each(bundles.map((b) => [b.name, b] as const))('%s is within its budget', (_name, bundle) => {
    expect(bundle.files.length).toBeGreaterThan(0);
    expect(bundle.size).toBeLessThanOrEqual(bundle.budget);
  });

  it('keeps study mode out of the content script, and the xlsx writer out of the pages’ first load', () => {
    // GB/T 9704 is what study mode's notes compare a report with: in study.js, never in content.js.
    expect(read(byName.get('study')!.files)).toContain('9704');
    expect(read(byName.get('content')!.files)).not.toContain('9704');
    // Every workbook names its sheets' parts xl/worksheets/…: only the writer has that string.
    for (const page of ['sidepanel', 'library']) expect(read(byName.get(page)!.files)).not.toContain('xl/worksheets');
  });

  it('keeps indicator naming out of the content script: its own script, injected when first asked for', () => {
    // 梳理确认 is one of the verbs naming looks for (indicators/vocabulary.ts).
    expect(read(byName.get('indicators')!.files)).toContain('梳理确认');
    expect(read(byName.get('content')!.files)).not.toContain('梳理确认');
  });
});
