import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// zod is used as zod/mini (small) and in jitless mode (strict CSP); src/feed/zod.ts is the one place that imports it.
const ZOD_MESSAGE = "Import z (zod/mini, jitless for strict CSP) from src/feed/zod.ts, the one place that imports zod.";

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
        {
          paths: [
            { name: 'zod', message: ZOD_MESSAGE },
            { name: 'd3', message: 'Import only the d3-* modules you use.' },
          ],
          patterns: [{ group: ['zod/*'], message: ZOD_MESSAGE }],
        },
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
