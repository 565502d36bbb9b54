// The layers hold by tool: a file placed in a layer fails `npm test` when it uses a global its layer
// must not see (tsconfig.<layer>.json) or imports a folder its layer must not reach (eslint.config.mjs).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');

/** The names of `globals` that a file at `path`, type-checked as its layer's project, cannot find. */
function missingGlobals(project: string, path: string, globals: readonly string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, project),
    { noEmit: true, composite: false, declaration: false, emitDeclarationOnly: false },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const file = join(ROOT, path);
  const text = globals.map((g) => `export const use_${g} = ${g};\n`).join('');
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, text, language) : getSourceFile(name, language, ...rest);
  const program = ts.createProgram({ rootNames: [file], options: config.options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file && d.start !== undefined)
    .map((d) => text.slice(d.start!, d.start! + d.length!))
    .sort();
}

const GLOBALS = ['Buffer', 'SpreadsheetApp', 'console', 'document', 'process', 'window'] as const;

describe('each layer type-checks with only its own globals', () => {
  it('the core sees no DOM, no Node and no Apps Script', () => {
    expect(missingGlobals('tsconfig.core.json', 'src/core/probe.ts', GLOBALS)).toEqual([...GLOBALS]);
  });

  it('the Apps Script shell sees Apps Script, and neither the DOM nor Node', () => {
    expect(missingGlobals('tsconfig.server.json', 'src/server/probe.ts', GLOBALS)).toEqual([
      'Buffer',
      'document',
      'process',
      'window',
    ]);
  });

  it('the sidebar page sees the DOM, and neither Apps Script nor Node', () => {
    expect(missingGlobals('tsconfig.page.json', 'sidebar/probe.ts', GLOBALS)).toEqual([
      'Buffer',
      'SpreadsheetApp',
      'process',
    ]);
  });
});

interface Case {
  readonly path: string;
  readonly code: string;
}

/**
 * The layer-import errors ESLint, with the project's config, gives each source placed at its path.
 * ESLint loads its config as an ES module, which Jest's module system cannot, so it runs in Node.
 */
function layerErrors(cases: readonly Case[]): string[][] {
  const lint = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint();
    const out = [];
    for (const c of cases) {
      const [result] = await eslint.lintText(c.code, { filePath: c.path });
      out.push(result.messages.filter((m) => m.ruleId === 'houqin/layer-imports').map((m) => m.message));
    }
    console.log(JSON.stringify(out));`;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', lint, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as string[][];
}

describe('lint rejects an import across layers', () => {
  // `fails`: what the error says, or null when the import is allowed.
  const cases: (Case & { readonly fails: string | null })[] = [
    {
      path: 'src/core/tasks/a.ts',
      code: "export { x } from '../../server/tasks/entry';",
      fails: 'is in src/server',
    },
    { path: 'src/core/a.ts', code: "export type { X } from '../../sidebar/rpc';", fails: 'is in sidebar' },
    { path: 'src/core/a.ts', code: "export * from '../../emulator';", fails: 'is in emulator' },
    {
      path: 'src/core/a.ts',
      code: "export { cliText } from '../../playground/cli';",
      fails: 'is in playground',
    },
    {
      path: 'src/core/a.ts',
      code: "type B = import('../../tests/support/bundle').Bundle;",
      fails: 'is in tests',
    },
    { path: 'src/core/a.ts', code: "export { addDays } from './time';", fails: null },
    {
      path: 'sidebar/a.ts',
      code: "export { myTasks } from '../src/server/tasks/api';",
      fails: 'only with `import type`',
    },
    {
      path: 'sidebar/a.ts',
      code: "export type { SidebarData } from '../src/server/sidebar/api';",
      fails: null,
    },
    { path: 'src/server/a.ts', code: "export { call } from '../../sidebar/rpc';", fails: 'is in sidebar' },
    {
      path: 'src/server/tasks/a.ts',
      code: "export { str } from '../../core/table/record';",
      fails: 'reaches inside src/core/table',
    },
    { path: 'src/server/tasks/a.ts', code: "export { str } from '../../core/table';", fails: null },
    { path: 'src/server/a.ts', code: "export { escapeHtml } from '../core/html';", fails: null },
    {
      path: 'playground/a.ts',
      code: "export { loadBundle } from '../tests/support/bundle';",
      fails: 'is in tests',
    },
    {
      path: 'bench/a.ts',
      code: "export { setSetting } from '../tests/support/workbook';",
      fails: 'is in tests',
    },
    { path: 'bench/a.ts', code: "export { loadBundle } from '../emulator/bundle';", fails: null },
  ];

  it('in every layer, and lets the allowed imports through', () => {
    const errors = layerErrors(cases);
    cases.forEach((c, i) => {
      const expected = c.fails === null ? [] : [expect.stringContaining(c.fails)];
      expect({ ...c, errors: errors[i] }).toEqual({ ...c, errors: expected });
    });
  });
});
