// `npm run deploy:dev` / `deploy:prod` run in a copy of the project whose `npm` and `clasp` only
// record how they were called: what a deploy pushes, to which script, and what it refuses.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DEV_ID = '1aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789_-aBcDeFgHiJkLmNoPq';
const PROD_ID = '1zYxWvUtSrQpOnMlKjIhGfEdCbA9876543210-_zYxWvUtSrQpOnMlKj';

interface Deploy {
  readonly status: number | null;
  readonly stderr: string;
  /** The commands the deploy ran, in order. */
  readonly ran: string[];
}

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'houqin-deploy-'));
  cpSync(join(ROOT, 'scripts'), join(dir, 'scripts'), { recursive: true });
  for (const file of ['.clasp.dev.json', '.clasp.prod.json']) cpSync(join(ROOT, file), join(dir, file));
  const recorder = (name: string) =>
    `#!/bin/sh\necho "${name} $*" >> "${join(dir, 'ran.log')}"\nexit \${FAKE_${name.toUpperCase()}_STATUS:-0}\n`;
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(dir, 'bin', 'npm'), recorder('npm'));
  writeFileSync(join(dir, 'node_modules', '.bin', 'clasp'), recorder('clasp'));
  chmodSync(join(dir, 'bin', 'npm'), 0o755);
  chmodSync(join(dir, 'node_modules', '.bin', 'clasp'), 0o755);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setScriptId(target: 'dev' | 'prod', scriptId: string, rootDir = 'dist'): void {
  writeFileSync(join(dir, `.clasp.${target}.json`), JSON.stringify({ scriptId, rootDir }));
}

function deploy(target: string, env: Record<string, string> = {}): Deploy {
  // tsx is resolved from the project; the copy's own `npm` comes first on the PATH.
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'scripts', 'deploy.ts'), target], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env, PATH: `${join(dir, 'bin')}${delimiter}${process.env.PATH}` },
  });
  let ran: string[] = [];
  try {
    ran = readFileSync(join(dir, 'ran.log'), 'utf8').trim().split('\n');
  } catch {
    // nothing ran
  }
  return { status: result.status, stderr: result.stderr, ran };
}

describe('a deploy', () => {
  it('runs every test, then pushes the tested files to the development script', () => {
    setScriptId('dev', DEV_ID);
    const result = deploy('dev');
    expect(result.ran).toEqual(['npm test', 'clasp --project .clasp.dev.json push --force']);
    expect(result.status).toBe(0);
  });

  it('pushes production with its own project file', () => {
    setScriptId('dev', DEV_ID);
    setScriptId('prod', PROD_ID);
    expect(deploy('prod').ran).toEqual(['npm test', 'clasp --project .clasp.prod.json push --force']);
  });

  it('pushes nothing when a test fails', () => {
    setScriptId('dev', DEV_ID);
    const result = deploy('dev', { FAKE_NPM_STATUS: '1' });
    expect(result.ran).toEqual(['npm test']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The tests failed: nothing was pushed.');
  });

  it('refuses, before running anything, while the project file holds no script id (as committed)', () => {
    const result = deploy('dev');
    expect(result.ran).toEqual([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('.clasp.dev.json holds no script id');
    expect(result.stderr).toContain('.clasp.dev.json 里没有脚本 ID');
    expect(deploy('prod').stderr).toContain('.clasp.prod.json holds no script id');
  });

  it('refuses the old placeholder in place of a script id', () => {
    setScriptId('dev', 'PASTE-YOUR-SCRIPT-ID-HERE');
    const result = deploy('dev');
    expect(result.ran).toEqual([]);
    expect(result.stderr).toContain('.clasp.dev.json holds no script id');
  });

  it('refuses to push anything but the built and tested dist/', () => {
    setScriptId('dev', DEV_ID, '.');
    const result = deploy('dev');
    expect(result.ran).toEqual([]);
    expect(result.stderr).toContain('"rootDir" must be "dist"');
  });

  it('refuses production when it names the development script', () => {
    setScriptId('dev', DEV_ID);
    setScriptId('prod', DEV_ID);
    const result = deploy('prod');
    expect(result.ran).toEqual([]);
    expect(result.stderr).toContain('name the same script');
  });

  it('refuses a target it does not know', () => {
    setScriptId('dev', DEV_ID);
    const result = deploy('staging');
    expect(result.ran).toEqual([]);
    expect(result.stderr).toContain('npm run deploy:dev | npm run deploy:prod');
  });
});
