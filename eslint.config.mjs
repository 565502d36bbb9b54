import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'tests/artifacts/'] },
  // vendored verbatim from ../shared/apps-script-cases (see emulator/README.md)
  { ignores: ['tests/emulator/apps-script-cases/cases.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
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
