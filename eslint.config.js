import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', 'custom-elements.json', '.vitest/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "Import z from src/feed/zod.ts, which sets zod's jitless mode for strict CSP." }, { name: 'd3', message: 'Import only the d3-* modules you use.' }] },
      ],
    },
  },
  {
    files: ['src/feed/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/analysis/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'HTMLElement', 'customElements'],
      'no-restricted-imports': ['error', { patterns: ['lit', 'lit/*', '../internal/*', '../components/*'] }],
    },
  },
);
