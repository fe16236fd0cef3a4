import type { Plugin } from 'vite';

/**
 * @open-wc/testing imports `/__web-dev-server__web-socket.js`, which exists only under Web Test Runner;
 * resolve it to an empty module so the package loads under vitest.
 */
export function openWcUnderVitest(): Plugin {
  const id = '/__web-dev-server__web-socket.js';
  return {
    name: 'kam:open-wc-under-vitest',
    enforce: 'pre',
    // Matches the bare id and the relative form the dependency optimizer rewrites it to.
    resolveId: (source) => (source.endsWith(id.slice(1)) ? `\0${id}` : undefined),
    load: (resolved) => (resolved === `\0${id}` ? 'export default {}; export const sendMessage = () => {};' : undefined),
  };
}

/**
 * For the self-contained script, which cannot load chunks: the kit's own `import('./x.js')` of code loaded
 * on first use becomes a static import of the same module, resolved at once. Left to the bundler, an
 * inlined `import()` makes it wrap every module of the script in a lazy initializer (about 2.4 KB gzip
 * more, for nothing: the code is in the file either way).
 */
export function staticImportsOfExtras(): Plugin {
  return {
    name: 'kam:static-imports-of-extras',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('import(')) return undefined;
      const imports: string[] = [];
      const rewritten = code.replace(/\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g, (_call, quote: string, specifier: string) => {
        const name = `__kamExtra${imports.length}`;
        imports.push(`import * as ${name} from ${quote}${specifier}${quote};`);
        return `Promise.resolve(${name})`;
      });
      return imports.length ? { code: `${imports.join('\n')}\n${rewritten}`, map: null } : undefined;
    },
  };
}
