// Read only the component sources, never dist/ or storybook-static/.
export default {
  globs: ['src/components/**/*.ts', 'src/internal/kam-source.ts', 'src/internal/kam-element.ts', 'src/internal/kam-widget.ts'],
  exclude: ['**/*.test.ts', '**/define.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
};
