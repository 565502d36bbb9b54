/**
 * The emulator against real Apps Script behaviour: runs the vendored cases.mjs (each case names its source,
 * a gas-fakes test that runs on live Apps Script or a page of Google's reference) and the project's own
 * project-cases.mjs on the emulator bundled exactly as ../shared/apps-script-cases/run.sh bundles it, and
 * requires every case listed in required.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { REQUIRED_CASES } from './apps-script-cases/required';

const ROOT = join(__dirname, '..', '..');
const VENDORED = join(__dirname, 'apps-script-cases', 'cases.mjs');
const PROJECT = join(__dirname, 'apps-script-cases', 'project-cases.mjs');
const SHARED = join(ROOT, '..', 'shared', 'apps-script-cases', 'cases.mjs');

interface Outcome {
  id: string;
  pass: boolean;
  reason?: string;
  actual?: string;
}
interface Report {
  cases: { id: string; api: string; expected: string; source: string }[];
  results: Record<string, Outcome[]>;
}

let report: Report;

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'apps-script-cases-'));
  try {
    const bundle = join(dir, 'emulator.cjs');
    // the flags of run.sh
    buildSync({
      entryPoints: [join(ROOT, 'emulator', 'index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      logLevel: 'error',
      outfile: bundle,
    });
    const out = join(dir, 'report.json');
    execFileSync(process.execPath, [PROJECT, '--project', bundle, '--json', out], { stdio: 'pipe' });
    report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('passes every required Apps Script case', () => {
  const outcomes = new Map((report.results['project emulator'] ?? []).map((r) => [r.id, r]));
  const byId = new Map(report.cases.map((c) => [c.id, c]));
  const failures = REQUIRED_CASES.filter((id) => !outcomes.get(id)?.pass).map((id) => {
    const c = byId.get(id);
    const o = outcomes.get(id);
    return `${id} [${c?.api}] expected ${c?.expected}, got (${o?.reason}) ${o?.actual} — ${c?.source}`;
  });
  expect(failures).toEqual([]);
});

it('requires only cases that exist, each once', () => {
  const ids = new Set(report.cases.map((c) => c.id));
  expect(REQUIRED_CASES.filter((id) => !ids.has(id))).toEqual([]);
  expect(new Set(REQUIRED_CASES).size).toBe(REQUIRED_CASES.length);
});

it('runs the same cases as ../shared/apps-script-cases when that folder is present', () => {
  // A clone without ../shared runs the vendored copy alone; CI has ../shared and catches a stale copy.
  const vendored = readFileSync(VENDORED, 'utf8');
  if (existsSync(SHARED) && vendored !== readFileSync(SHARED, 'utf8')) {
    throw new Error(
      'tests/emulator/apps-script-cases/cases.mjs differs from ../shared/apps-script-cases/cases.mjs: ' +
        'copy the shared file over it, then list the new cases the emulator passes in required.ts',
    );
  }
  expect(vendored).toContain('export const CASES');
});
