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
