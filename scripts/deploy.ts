// `npm run deploy:dev` / `npm run deploy:prod`: pushes the add-on to the development or the production
// script, once the project file names one and every test passes on the very files it pushes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkNotDevelopment,
  DeployRefused,
  isDeployTarget,
  PROJECT_FILES,
  scriptIdOf,
} from './clasp-project';

const ROOT = join(__dirname, '..');

function projectText(file: string): string | null {
  return existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : null;
}

function run(command: string, args: string[], failed: string): void {
  if (spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new DeployRefused(failed);
}

function deploy(target: unknown): void {
  if (!isDeployTarget(target))
    throw new DeployRefused('用法 / usage: npm run deploy:dev | npm run deploy:prod');
  const id = scriptIdOf(target, projectText(PROJECT_FILES[target]) ?? '{}');
  const devText = projectText(PROJECT_FILES.dev);
  if (target === 'prod' && devText !== null) checkNotDevelopment(id, devText);
  // `npm test` builds dist/ first, so what is pushed is exactly what the tests ran.
  run('npm', ['test'], '测试未通过，没有推送。\nThe tests failed: nothing was pushed.');
  // --force: the manifest we built replaces the remote one, without a question in the middle of a deploy.
  const clasp = join(ROOT, 'node_modules', '.bin', 'clasp');
  run(
    clasp,
    ['--project', PROJECT_FILES[target], 'push', '--force'],
    'clasp push 失败。\nclasp push failed.',
  );
}

try {
  deploy(process.argv[2]);
} catch (error) {
  if (!(error instanceof DeployRefused)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
