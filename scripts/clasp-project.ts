// Which clasp project file each deploy pushes to, and why a file cannot be pushed to: a deploy must
// never send the add-on to a script nobody chose, nor push files the tests did not check.

export const PROJECT_FILES = { dev: '.clasp.dev.json', prod: '.clasp.prod.json' } as const;
export type DeployTarget = keyof typeof PROJECT_FILES;

const NAMES: Record<DeployTarget, { zh: string; en: string }> = {
  dev: { zh: '开发用（测试）表格', en: 'development (test) spreadsheet' },
  prod: { zh: '学校正式使用的表格', en: "school's production spreadsheet" },
};

/** Apps Script ids are 57 such characters; a placeholder such as PASTE-YOUR-SCRIPT-ID-HERE is not. */
const SCRIPT_ID = /^[A-Za-z0-9_-]{40,}$/;

/** The folder the build writes and `npm test` checks; .claspignore lets only its three files through. */
const ROOT_DIR = 'dist';

export class DeployRefused extends Error {}

export function isDeployTarget(value: unknown): value is DeployTarget {
  return typeof value === 'string' && Object.hasOwn(PROJECT_FILES, value);
}

/** The script id `text` (the content of the target's project file) names, or why it cannot be pushed to. */
export function scriptIdOf(target: DeployTarget, text: string): string {
  const file = PROJECT_FILES[target];
  let project: { scriptId?: unknown; rootDir?: unknown };
  try {
    project = JSON.parse(text) as typeof project;
  } catch (error) {
    throw new DeployRefused(`${file} 不是有效的 JSON。\n${file} is not valid JSON: ${String(error)}`);
  }
  if (typeof project.scriptId !== 'string' || !SCRIPT_ID.test(project.scriptId)) {
    const { zh, en } = NAMES[target];
    throw new DeployRefused(
      `${file} 里没有脚本 ID：打开${zh} → 扩展程序 → Apps Script → 项目设置，把“脚本 ID”填入 "scriptId"。\n` +
        `${file} holds no script id: open the ${en} → Extensions → Apps Script → Project settings, ` +
        `and copy its Script ID into "scriptId".`,
    );
  }
  if (project.rootDir !== ROOT_DIR)
    throw new DeployRefused(
      `${file} 的 "rootDir" 必须是 "${ROOT_DIR}"（构建并经过测试的文件）。\n` +
        `${file}: "rootDir" must be "${ROOT_DIR}", the files the build writes and the tests check.`,
    );
  return project.scriptId;
}

/** Refuses a production id that the development project file also names: a test push would reach the school. */
export function checkNotDevelopment(prodId: string, devText: string): void {
  let devId: unknown;
  try {
    devId = (JSON.parse(devText) as { scriptId?: unknown }).scriptId;
  } catch {
    return; // no development project to confuse with
  }
  if (devId === prodId)
    throw new DeployRefused(
      `${PROJECT_FILES.dev} 与 ${PROJECT_FILES.prod} 是同一个脚本 ID：开发用表格必须是另一个表格。\n` +
        `${PROJECT_FILES.dev} and ${PROJECT_FILES.prod} name the same script: development needs its own spreadsheet.`,
    );
}
