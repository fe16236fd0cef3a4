// The feed layer's share of what a page loads: zod/mini, tree-shaken. Guards against zod classic (about
// 25 KB gzip on its own) or a re-exported zod namespace object (`export { z }` in src/feed/zod.ts keeps
// all of zod/mini, its 40-odd locales included) creeping back in. Measured as the size report measures
// an entry (bundled with its dependencies and minified whole, scripts/bundle-sizes.ts): the feed entry
// with everything it loads on first use (the CSV and field-map readers) and its JSON Schema generator.
// 31 KB since history points carry every per-period field, read into columns while validating, with one
// order of periods and CSV reports one row per account and period (27 -> 30.6 KB); 31.3 KB since the
// contract has costToServe and an account's goals (an object of its own in the checker, zod and CSV).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { measureEntry } from '../../scripts/bundle-sizes.js';

const entry = fileURLToPath(new URL('../../src/feed/index.ts', import.meta.url));

describe('feed bundle', () => {
  it('bundles zod/mini only, without locales, within 31.3 KB gzip (JSON Schema generator and the readers loaded on first use included)', async () => {
    const { initial, onFirstUse } = await measureEntry(entry);
    const zodModules = [...initial.modules, ...onFirstUse.modules].filter((id) => id.includes('/node_modules/zod/'));
    expect(zodModules.length).toBeGreaterThan(0);
    expect(zodModules.filter((id) => /\/zod\/v4\/(classic|locales)\//.test(id))).toEqual([]);
    expect(initial.gzip + onFirstUse.gzip).toBeLessThanOrEqual(31.3 * 1024);
  }, 30_000);
});
