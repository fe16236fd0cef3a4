// The feed layer's share of the kit's script budget (the whole self-contained script must stay <= 45 KB
// gzip): zod/mini, tree-shaken. Guards against zod classic (about 25 KB gzip on its own) or a re-exported
// zod namespace object (`export { z }` in src/feed/zod.ts keeps all of zod/mini, its 40-odd locales
// included) creeping back in. 27 KB since CSV reading became strict and every input honours format and
// field-map (src/feed/read.ts, the locale number reader): about 1 KB more than the 25.6 KB before.
// 29 KB since the contract is one field table with an in-place checker that fills the analysis columns
// (fields.ts, check.ts, columns.ts in place of the fast path that read zod's internals): 26.7 -> 28.7 KB.
// 34 KB since history points carry every per-period field, the feed has one order of periods, the history
// points are read into columns while validating, and CSV reports and field maps carry history one row per
// account and period (history.ts, point-columns.ts, period-rows.ts, period-labels.ts, the periods envelope
// and its documentation in the JSON Schema, the period types and label arithmetic exported): 28.7 -> 32.9 KB.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../../src/feed/index.ts', import.meta.url));

async function bundle(): Promise<{ code: string; modules: string[] }> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, target: 'es2022', lib: { entry, formats: ['es'], fileName: 'feed' } },
  });
  const output = (Array.isArray(result) ? result[0] : result) as Rolldown.RolldownOutput;
  const chunks = output.output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  return { code: chunks.map((c) => c.code).join('\n'), modules: chunks.flatMap((c) => c.moduleIds) };
}

describe('feed bundle', () => {
  it('bundles zod/mini only, without locales, within 34 KB gzip (JSON Schema generator included)', async () => {
    const { code, modules } = await bundle();
    const zodModules = modules.filter((id) => id.includes('/node_modules/zod/'));
    expect(zodModules.length).toBeGreaterThan(0);
    expect(zodModules.filter((id) => /\/zod\/v4\/(classic|locales)\//.test(id))).toEqual([]);
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(34 * 1024);
  }, 30_000);
});
