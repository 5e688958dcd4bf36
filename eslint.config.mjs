// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Boundary zones (ARCHITECTURE §2-3): which environment each folder may run in. */
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'This layer must not use Node built-ins.' })), patterns: ['node:*'] };
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import electron (use PlatformPort).' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'renderer/dist/**', '.lab/**', 'test-results/**', 'playwright-report/**', 'e2e/lab/apps/**/static/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: [...noNode.paths, noElectron], patterns: noNode.patterns }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/rpc/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { paths: [...noNode.paths, noElectron], patterns: [...noNode.patterns, '**/electron/**'] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['e2e/lab/apps/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
