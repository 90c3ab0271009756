// Validates XML against the REFI-QDA schemas in ../shared/conformance/refi-qda with xmllint (Debian's
// libxml2-utils; .ci/run installs it). Returns xmllint's complaints, '' when the document is valid.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SHARED } from './fixtures';

export const REFI_SCHEMAS = path.join(SHARED, 'conformance/refi-qda');

export function schemaProblems(xml: string | Uint8Array, schema: 'Project.xsd' | 'Codebook.xsd'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-xsd-'));
  try {
    const file = path.join(dir, 'doc.xml');
    fs.writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(REFI_SCHEMAS, schema), file], { encoding: 'utf8' });
    if (run.error) throw new Error(`xmllint could not run (apt-get install libxml2-utils): ${run.error.message}`);
    return run.status === 0 ? '' : `${run.stderr}`.trim() || `xmllint exited with ${run.status}`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
