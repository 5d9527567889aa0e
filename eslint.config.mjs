// ESLint (flat config) with typescript-eslint: `npm run lint`, run by `npm test`.
// Besides the recommended rules, one rule keeps the core pure: server/src/core imports no Node
// built-in, no `vscode` and no LSP connection library (only the types-only packages
// `vscode-languageserver-types` and `vscode-languageserver-textdocument`).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Matching control characters is what the escaping code and its tests are for.
      'no-control-regex': 'off',
      // A timeout thrown inside a retry loop is not the symptom of the error it retries after.
      'preserve-caught-error': 'off',
      // Two spaces in a pattern are YAML indentation, read as such.
      'no-regex-spaces': 'off',
      // A variable given its fallback before a `try` that may set it reads clearer than one without.
      'no-useless-assignment': 'off',
    },
  },
  {
    // Tests and the benchmark read parsed JSON of many shapes (exports, imports, results).
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The web e2e runner loads its suites lazily, after mocha is set up.
    files: ['test/e2e/web/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // `_name` marks a parameter or binding kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    // Plain Node scripts: CommonJS `require` in bin/ is the point.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'The core is pure: no Node built-ins (it runs in a web worker too).' })),
            { name: 'vscode', message: 'The core is pure: no VS Code API.' },
            { name: 'vscode-languageserver', message: 'The core is pure: no LSP connection; use vscode-languageserver-types.' },
            { name: 'vscode-languageserver/node', message: 'The core is pure: no LSP connection; use vscode-languageserver-types.' },
            { name: 'vscode-languageserver/browser', message: 'The core is pure: no LSP connection; use vscode-languageserver-types.' },
            { name: 'vscode-languageclient', message: 'The core is pure: no LSP client.' },
          ],
          patterns: [
            {
              group: ['node:*', 'vscode-languageserver/*', 'vscode-languageclient/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'],
              message: 'The core is pure: no Node built-ins and no LSP transport.',
            },
          ],
        },
      ],
    },
  },
);
