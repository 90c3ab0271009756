// The Firefox build (MV3) is made from the same sources; this checks it builds and declares what Firefox needs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('the Firefox build', () => {
  it('builds as MV3 with a sidebar, an add-on id and no Chrome-only permission', () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: root, stdio: 'pipe' });
    const manifest = JSON.parse(fs.readFileSync(path.join(root, '.output/firefox-mv3/manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(manifest.browser_specific_settings.gecko.id).toBe('pizhu@pizhu.app');
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(fs.existsSync(path.join(root, '.output/firefox-mv3', manifest.content_scripts[0].js[0]))).toBe(true);
  }, 120_000);
});
