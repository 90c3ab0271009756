// The declaration blocks of a stylesheet of the project, for tests that check what its rules say. A plain reader,
// enough for the project's own flat sheets: comments dropped, rules nested in @media read like the others.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');

/**
 * The declaration block of every rule in `file` (relative to the project's root) whose selector list holds
 * `selector` itself (`.picker-frame` is not `.picker-frame.open`), @media rules included.
 */
export function declarationsFor(file: string, selector: string): string[] {
  const css = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const blocks: string[] = [];
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (selectors.split(',').some((s) => s.trim() === selector)) blocks.push(body);
  }
  return blocks;
}
