// The Firefox build (MV3) is made from the same sources (by global-setup.ts, before this project's files); this
// checks it declares what Firefox needs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firefoxExtensionDir } from '../../scripts/extension-browser.mjs';

describe('the Firefox build', () => {
  it('is MV3 with a sidebar, a button on the toolbar, an add-on id and no Chrome-only permission', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(firefoxExtensionDir, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(manifest.action.default_area).toBe('navbar');
    expect(manifest.browser_specific_settings.gecko.id).toBe('pizhu@pizhu.app');
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(fs.existsSync(path.join(firefoxExtensionDir, manifest.content_scripts[0].js[0]))).toBe(true);
  });
});
