// The build's fix to WXT's content script context (scripts/quiet-script-start.mjs), on the file WXT really ships: the
// postMessage to the page goes, the CustomEvent that stops older copies of the script stays, and a file that has
// changed stops the build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { quietScriptStart } from '../../../scripts/quiet-script-start.mjs';

const wxtDir = fileURLToPath(new URL('../../../node_modules/wxt', import.meta.url));
const file = path.join(wxtDir, 'dist', 'utils', 'content-script-context.mjs');
const source = fs.readFileSync(file, 'utf8');
const transform = (code: string, id: string) => quietScriptStart().transform(code, id);

describe('quietScriptStart', () => {
  it('takes the postMessage to the page out of WXT’s context and keeps the rest', () => {
    expect(source).toContain('window.postMessage(');
    const fixed = transform(source, file)!.code;
    expect(fixed).not.toContain('window.postMessage(');
    expect(fixed).toContain('document.dispatchEvent(new CustomEvent(ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE');
    expect(fixed).toContain('listenForNewerScripts() {');
    expect(source.length - fixed.length).toBeLessThan(250);
  });

  it('leaves every other module alone', () => {
    expect(transform('window.postMessage({}, "*");', path.join(wxtDir, 'dist', 'utils', 'other.mjs'))).toBeNull();
  });

  it('stops the build when WXT’s file no longer holds the statement', () => {
    expect(() => transform(source.replace('window.postMessage(', 'window.top.postMessage('), file)).toThrow(/changed/);
  });
});
