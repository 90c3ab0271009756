// A newcomer without a screen sees Pizhu at work: npm start (and npm run screenshots) photograph a report with its
// highlights and card, the side panel's tabs and the library in headless Chromium, in the Chinese UI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeScreenshots } from '../../scripts/screenshots.mjs';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('screenshots for a machine without a screen', () => {
  it('writes one PNG per view, each of its own', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-shots-'));
    try {
      const shots = await takeScreenshots({ out });
      expect(shots.map((s) => path.basename(s.file))).toEqual([
        'report-highlights.png', 'side-panel.png', 'side-panel-annotations.png', 'side-panel-study.png', 'library.png',
      ]);
      const files = shots.map((s) => fs.readFileSync(s.file));
      for (const f of files) {
        expect(f.subarray(0, 4).equals(PNG)).toBe(true);
        expect(f.length).toBeGreaterThan(10_000);
      }
      expect(new Set(files.map((f) => f.toString('base64'))).size).toBe(files.length);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
