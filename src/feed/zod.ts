/**
 * zod, configured once for the whole kit. The kit uses zod/mini (functional API, tree-shakable: about
 * 7 KB gzip instead of about 25 KB for zod classic), which loads no locale: every message the kit can
 * show is worded by its schemas (see schema.ts) or by parse.ts's fallbackError.
 * Jitless mode keeps zod from probing `new Function(...)`, which a strict Content-Security-Policy
 * (script-src 'self', Trusted Types) reports as a violation.
 *
 * Every module of the kit imports zod from here, never from 'zod' or 'zod/mini' directly, and always as
 * `import * as z from './zod.js'`: this module re-exports the zod/mini namespace. (Do not re-export a
 * namespace object instead, `export { z }`: bundlers then keep all of zod/mini, its 40-odd locales included.)
 */
import { config } from 'zod/mini';

config({ jitless: true });

export * from 'zod/mini';
