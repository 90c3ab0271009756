// Runs the W3C test suite's checker (../shared/tools/w3c-check/check.mjs) on a document, as the evaluation does.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SHARED } from '../../../support/fixtures';

export const CHECKER = join(SHARED, 'tools/w3c-check/check.mjs');
const dir = mkdtempSync(join(tmpdir(), 'pizhu-w3c-'));

export interface CheckResult {
  code: number;
  out: string;
  passed: number;
  failed: number;
  /** The FAIL lines. */
  failures: string[];
}

export async function w3cCheck(doc: unknown, name: string): Promise<CheckResult> {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  let code = 0;
  let out: string;
  try {
    out = (await promisify(execFile)('node', [CHECKER, file], { cwd: dir, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (e) {
    const err = e as { code: number; stdout: string };
    code = err.code;
    out = err.stdout;
  }
  const counts = /(\d+) passed, (\d+) failed/.exec(out);
  return {
    code,
    out,
    passed: Number(counts?.[1] ?? 0),
    failed: Number(counts?.[2] ?? -1),
    failures: out.split('\n').filter((l) => l.startsWith('FAIL')),
  };
}
