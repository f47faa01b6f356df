// Lint rules: typescript-eslint, the Office add-in rules on host code, and the layer rule that keeps
// src/core free of Office, DOM and UI (STYLE.md convention 1).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import prettierConfig from 'eslint-config-prettier';

const officeRules = {
  'office-addins/no-context-sync-in-loop': 'error',
  'office-addins/load-object-before-read': 'error',
  'office-addins/call-sync-before-read': 'error',
  'office-addins/test-for-null-using-isNullObject': 'error',
  'office-addins/no-office-initialize': 'error',
  'office-addins/no-navigational-load': 'error',
};

/** The layer rule for src/core; `leavingCore` are the relative paths that reach outside it from a file's folder. */
function corePurityRules(leavingCore) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['react', 'react-*', '@fluentui/*', 'office-*', '@microsoft/*', 'exceljs', 'xlsx'],
            message: 'src/core must not import UI or Office code.',
          },
          { group: leavingCore, message: 'src/core imports nothing else of ours.' },
          {
            group: ['node:*', 'fs', 'path', 'stream', 'os'],
            message: 'src/core must run in the browser too: no Node built-ins.',
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      'window',
      'document',
      'Office',
      'Excel',
      'CustomFunctions',
      'console',
      'process',
    ],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'docs/**', 'examples/**/*.xlsx'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettierConfig,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: [
      'src/excel/**/*.ts',
      'src/excel/**/*.tsx',
      'src/taskpane/**/*.ts',
      'src/taskpane/**/*.tsx',
      'src/commands/**/*.ts',
    ],
    plugins: { 'office-addins': officeAddins },
    rules: officeRules,
  },
  // The analytics engine is pure: it must run in Node, a Web Worker and the custom-functions runtime alike.
  // Files at the top of src/core leave it with '../'; files in its subfolders (btyd) only with '../../'.
  { files: ['src/core/*.ts'], rules: corePurityRules(['../*', '../../*']) },
  { files: ['src/core/*/**/*.ts'], rules: corePurityRules(['../../*', '../../../*']) },
  // The message catalogue words core's codes for every entry point: it may read core, and nothing else of ours.
  {
    files: ['src/messages/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                '@fluentui/*',
                'office-*',
                '../taskpane/*',
                '../excel/*',
                '../functions/*',
                '../cli/*',
                'node:*',
              ],
              message: 'src/messages depends on core only, so every entry point (pane, functions, CLI) can use it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'process'],
    },
  },
  {
    files: ['src/functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', '@fluentui/*', '../taskpane/*', '../excel/*'],
              message: 'Custom functions call core only.',
            },
          ],
        },
      ],
    },
  },
  // The Excel adapter reads and writes the workbook; it knows nothing of the UI or of the other entry points.
  {
    files: ['src/excel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', '@fluentui/*', '../taskpane/*', '../functions/*', '../cli/*'],
              message: 'src/excel is the Office.js adapter: core and Office only.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document'],
    },
  },
  // UI components get host calls through props and src/taskpane/run (as Microsoft's templates do), so they
  // render against any host: Office, the demo's stand-in, a test.
  {
    files: ['src/taskpane/components/**/*.tsx', 'src/taskpane/components/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../excel', '../../excel/*', '../../standin', '../../standin/*'],
              allowTypeImports: true,
              message: 'UI components reach the workbook through props or src/taskpane/run, never the adapter.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Excel', 'Office'],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', '*.config.js', '*.config.mjs', '.ci/**'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        __filename: 'readonly',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
