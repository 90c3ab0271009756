// `npm test`: the static checks (the type check and lint, which keeps the folder graph; one test each), the unit
// project, then the end-to-end projects (Chromium, then Firefox), each with its usual output, and one closing line
// counting all: `N passed, N failed` (`, N skipped` when some were). Extra arguments go to every vitest run, e.g.
// `npm test -- -t 'page kind'`. Exits non-zero when a test failed or none ran.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pizhu-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

// The static checks run only for a whole run: arguments select tests, and a selection is not about types.
if (process.argv.length <= 2) {
  for (const [name, bin, args] of [
    ['typecheck (tsc --noEmit)', path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc'), ['--noEmit']],
    ['lint (eslint .)', path.join(projectRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'), ['.']],
  ]) {
    console.log(`\n▶ ${name}`);
    const { status } = spawnSync(process.execPath, [bin, ...args], { cwd: projectRoot, stdio: 'inherit' });
    if (status === 0) {
      totals.passed += 1;
      console.log(`✓ ${name}`);
    } else {
      totals.failed += 1;
      problems.push(`${name} failed, see its output above`);
    }
  }
}

for (const project of ['unit', 'e2e', 'e2e-firefox']) {
  const report = path.join(reportDir, `${project}.json`);
  // --passWithNoTests: arguments that select files of one project only leave the others empty, not failed.
  const { status, error } = spawnSync(process.execPath, [vitest, 'run', '--project', project, '--passWithNoTests',
    '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: projectRoot, stdio: 'inherit' });
  const counts = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : null;
  // A file that does not load fails with no test failed in it: it counts as one failure.
  const unloaded = counts?.testResults.filter((f) => f.status === 'failed'
    && !f.assertionResults.some((t) => t.status === 'failed')) ?? [];
  if (counts) {
    totals.passed += counts.numPassedTests;
    totals.failed += counts.numFailedTests + unloaded.length;
    totals.skipped += counts.numPendingTests + counts.numTodoTests;
  }
  for (const f of unloaded) problems.push(`${project}: ${path.relative(projectRoot, f.name)} failed outside its tests`);
  // Each failed test again at the end, with the first lines of its message: CI shows only the output's tail, and a
  // failure early in a long run would otherwise be a bare count there.
  for (const file of counts?.testResults ?? []) {
    for (const t of file.assertionResults.filter((r) => r.status === 'failed')) {
      const lines = stripVTControlCharacters(t.failureMessages?.[0] ?? '').split('\n');
      const stack = lines.findIndex((line) => /^\s+at /.test(line));
      const message = lines.slice(0, stack === -1 ? undefined : stack).filter((line) => line.trim()).slice(0, 8)
        .map((line) => `    ${line.slice(0, 300)}`).join('\n');
      problems.push(`${project}: ✗ ${path.relative(projectRoot, file.name)} > ${t.fullName}\n${message}`);
    }
  }
  // Nor does a run whose global setup throws or that crashes.
  if (status !== 0 && !counts?.numFailedTests && !unloaded.length) {
    totals.failed += 1;
    problems.push(`${project}: vitest ${error ? `could not start (${error.message})` : `exited with ${status}`}`
      + ' without a failed test; counted as one failure, see its output above');
  }
}
fs.rmSync(reportDir, { recursive: true, force: true });

for (const p of problems) console.log(p);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
