#!/usr/bin/env node
// Reads the step list and the JSON test reports that scripts/test.sh wrote in one run, prints one line
// per step, and ends with the line CI reads: `N passed, N failed[, N skipped]`.
// Exits 1 if any step failed, or if no test ran at all.
//
//   node scripts/summarize-tests.mjs [RESULTS_DIR]        (default: <repo>/.test-results)
//
// RESULTS_DIR/steps.tsv has one line per step: name, kind (check | vitest | playwright), exit code,
// seconds, report file name. Reports are vitest's `json` reporter or Playwright's `json` reporter.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(repoRoot, '.test-results'));
const MAX_LISTED_FAILURES = 30;

function readSteps() {
  const manifest = join(dir, 'steps.tsv');
  if (existsSync(manifest)) {
    return readFileSync(manifest, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const [name = '?', kind = 'check', exit = '1', seconds = '0', report = ''] = line.split('\t');
        return { name, kind, exit: Number(exit), seconds: Number(seconds), report };
      });
  }
  // No step list: treat every JSON file in the folder as a report of a step that exited 0.
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file.replace(/\.json$/, ''), kind: 'auto', exit: 0, seconds: NaN, report: file }));
}

function readVitest(report) {
  const failures = [];
  let brokenFiles = 0;
  for (const file of report.testResults ?? []) {
    const where = file.name ? file.name.replace(`${repoRoot}/`, '') : '?';
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) failures.push(`${where} > ${a.fullName ?? a.title}`);
    // A file that failed without a failed test did not load, or failed in a hook: count it once.
    if (file.status === 'failed' && failed.length === 0) {
      brokenFiles += 1;
      failures.push(`${where}: ${String(file.message || 'failed outside any test').split('\n')[0]}`);
    }
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    failures,
  };
}

function readPlaywright(report) {
  const failures = [];
  const walk = (suite, path) => {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected') failures.push([...here, spec.title].join(' > ') + (test.projectName ? ` [${test.projectName}]` : ''));
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  const globalErrors = (report.errors ?? []).length;
  for (const error of report.errors ?? []) failures.push(`global error: ${String(error.message ?? error).split('\n')[0]}`);
  const s = report.stats ?? {};
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + (globalErrors > 0 ? 1 : 0),
    skipped: s.skipped ?? 0,
    failures,
  };
}

// timeout(1) exits 124 when it stops a step; 137 is a SIGKILL (its --kill-after, or the OOM killer).
const exitNote = (code) => (code === 124 ? 'timed out (exit 124)' : code === 137 ? 'killed (exit 137)' : `exited with code ${code}`);

function summarizeStep(step) {
  if (step.kind === 'check') {
    return { ...step, ok: step.exit === 0, note: step.exit === 0 ? '' : exitNote(step.exit), counts: null };
  }
  const file = step.report ? join(dir, step.report) : '';
  if (!file || !existsSync(file)) {
    return { ...step, ok: false, note: `no report: crashed or stopped before writing it (${exitNote(step.exit)}); counted as 1 failed`, counts: { passed: 0, failed: 1, skipped: 0, failures: ['no report'] } };
  }
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ...step, ok: false, note: `unreadable report (${error.message}); counted as 1 failed`, counts: { passed: 0, failed: 1, skipped: 0, failures: ['unreadable report'] } };
  }
  const isPlaywright = step.kind === 'playwright' || (step.kind === 'auto' && report.stats && Array.isArray(report.suites));
  const counts = isPlaywright ? readPlaywright(report) : readVitest(report);
  const notes = [];
  if (step.exit !== 0 && counts.failed === 0) {
    // e.g. a globalSetup that threw, or an unhandled error: the report alone looks green.
    counts.failed = 1;
    counts.failures.push(`runner exited with code ${step.exit} outside any test (see its output above)`);
    notes.push(`${exitNote(step.exit)} outside any test; counted as 1 failed`);
  }
  if (counts.passed + counts.failed + counts.skipped === 0) notes.push('no tests found');
  return { ...step, ok: counts.failed === 0, note: notes.join('; '), counts };
}

function count(n, word) {
  return `${n} ${word}`;
}

const results = readSteps().map(summarizeStep);
const total = { passed: 0, failed: 0, skipped: 0 };
for (const r of results) {
  if (!r.counts) continue;
  total.passed += r.counts.passed;
  total.failed += r.counts.failed;
  total.skipped += r.counts.skipped;
}

const failures = results.flatMap((r) => (r.counts ? r.counts.failures.map((f) => `${r.name}: ${f}`) : []));
if (failures.length > 0) {
  console.log('\nFailed tests:');
  for (const f of failures.slice(0, MAX_LISTED_FAILURES)) console.log(`  ✗ ${f}`);
  if (failures.length > MAX_LISTED_FAILURES) console.log(`  … and ${failures.length - MAX_LISTED_FAILURES} more`);
}

console.log('\nSummary:');
const width = Math.max(4, ...results.map((r) => r.name.length));
for (const r of results) {
  const status = r.ok ? 'ok  ' : 'FAIL';
  const time = Number.isFinite(r.seconds) ? `${String(r.seconds).padStart(4)}s` : '     ';
  const counts = r.counts
    ? `${count(r.counts.passed, 'passed')}, ${count(r.counts.failed, 'failed')}${r.counts.skipped ? `, ${count(r.counts.skipped, 'skipped')}` : ''}`
    : '';
  console.log(`  ${status}  ${r.name.padEnd(width)}  ${time}  ${[counts, r.note].filter(Boolean).join('  — ')}`.trimEnd());
}

const failedSteps = results.filter((r) => !r.ok).map((r) => r.name);
const testsRan = total.passed + total.failed > 0;
if (results.length === 0) console.log(`  (no steps recorded in ${dir})`);
if (failedSteps.length > 0) console.log(`FAILED steps: ${failedSteps.join(', ')}`);
if (!testsRan) console.log('FAILED: no tests ran');

console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = failedSteps.length > 0 || !testsRan ? 1 : 0;
