import js from '@eslint/js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const FOLDERS = [
  'src/core',
  'src/server',
  'sidebar',
  'request',
  'labels',
  'emulator',
  'playground',
  'bench',
  'scripts',
  'tests',
];

/** The project folder a file is in, or the path itself (relative to the root) when it is in none. */
function folderOf(file) {
  const relative = path.relative(ROOT, file).split(path.sep).join('/');
  return FOLDERS.find((f) => relative === f || relative.startsWith(`${f}/`)) ?? relative;
}

/**
 * Layers hold by tool, not by goodwill: a file may import only from the folders its layer names
 * (`allow`), and from `typeOnly` folders only with `import type`, which the build erases. Packages
 * are left to each layer's type environment (tsconfig.<layer>.json). A layer that names a folder in
 * `throughIndex` reaches each concern there (a folder of it) only through its index — `core/table`,
 * not `core/table/record` — so a concern's inside can change without touching the shell.
 */
const layerImports = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: {
          allow: { type: 'array', items: { type: 'string' } },
          typeOnly: { type: 'array', items: { type: 'string' } },
          throughIndex: { type: 'array', items: { type: 'string' } },
        },
        required: ['allow'],
        additionalProperties: false,
      },
    ],
    messages: {
      outside: '{{layer}} imports only from {{allowed}}: "{{source}}" is in {{target}}.',
      typeOnly:
        '{{layer}} may import {{target}} only with `import type`, so none of its code is bundled in: "{{source}}".',
      deep: '{{layer}} imports a concern of {{target}} through its index: "{{source}}" reaches inside {{concern}}.',
    },
  },
  create(context) {
    const { allow, typeOnly = [], throughIndex = [] } = context.options[0];
    const layer = folderOf(context.filename);
    const check = (node, source, isType) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(context.filename), source);
      const target = folderOf(resolved);
      if (throughIndex.includes(target)) {
        // Inside the folder: a top-level file (core/html) or a concern's folder (core/table) is fine,
        // a file inside a concern (core/table/record) is not.
        const inside = path.relative(path.join(ROOT, target), resolved).split(path.sep);
        if (inside.length > 1 && inside[1] !== 'index') {
          const data = { layer, source, target, concern: `${target}/${inside[0]}` };
          return context.report({ node, messageId: 'deep', data });
        }
      }
      if (allow.includes(target)) return;
      if (typeOnly.includes(target) && isType) return;
      const data = { layer, source, target, allowed: allow.join(', ') };
      context.report({ node, messageId: typeOnly.includes(target) ? 'typeOnly' : 'outside', data });
    };
    const declaration = (node) =>
      node.source &&
      check(node.source, node.source.value, node.importKind === 'type' || node.exportKind === 'type');
    return {
      ImportDeclaration: declaration,
      ExportNamedDeclaration: declaration,
      ExportAllDeclaration: declaration,
      ImportExpression: (node) => check(node.source, node.source.value, false),
      TSImportType: (node) => check(node.source, node.source.value, true),
    };
  },
};

/** The folders each layer may import from; tests may import anything. */
const LAYERS = {
  'src/core': { allow: ['src/core'] },
  'src/server': { allow: ['src/server', 'src/core'], throughIndex: ['src/core'] },
  // The page reaches the server only through google.script.run, typed by the server's api.
  sidebar: { allow: ['sidebar', 'src/core'], typeOnly: ['src/server'] },
  // The request page likewise; it shares the sidebar's typed google.script.run.
  request: { allow: ['request', 'sidebar', 'src/core'], typeOnly: ['src/server'] },
  // The QR label page: the core only.
  labels: { allow: ['labels', 'src/core'] },
  emulator: { allow: ['emulator', 'src/core'] },
  playground: { allow: ['playground', 'emulator', 'src/core', 'src/server'] },
  bench: { allow: ['bench', 'emulator', 'playground', 'src/core'] },
  scripts: { allow: ['scripts', 'playground'] },
};

export default tseslint.config(
  { ignores: ['dist/', '.tsbuild/', 'node_modules/', 'coverage/', 'tests/artifacts/'] },
  // vendored verbatim from ../shared/apps-script-cases (see emulator/README.md)
  { ignores: ['tests/emulator/apps-script-cases/cases.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { houqin: { rules: { 'layer-imports': layerImports } } },
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...Object.entries(LAYERS).map(([folder, options]) => ({
    files: [`${folder}/**/*.{ts,js,mjs}`],
    rules: { 'houqin/layer-imports': ['error', options] },
  })),
  {
    // The core is pure: no Apps Script globals may appear in it.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'SpreadsheetApp',
          'MailApp',
          'GmailApp',
          'PropertiesService',
          'LockService',
          'ScriptApp',
          'Session',
          'Utilities',
          'HtmlService',
          'CacheService',
          'Logger',
        ].map((name) => ({
          name,
          message: 'src/core is pure TypeScript; reach Apps Script through src/server.',
        })),
      ],
    },
  },
);
