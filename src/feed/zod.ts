/**
 * zod, configured once for the whole kit. The kit uses zod/mini (functional API, tree-shakable: about
 * 7 KB gzip instead of about 25 KB for zod classic), which loads no locale: every message the kit can
 * show is worded by its schemas (see schema.ts) or by parse.ts's fallbackError.
 * Jitless mode keeps zod from probing `new Function(...)`, which a strict Content-Security-Policy
 * (script-src 'self', Trusted Types) reports as a violation. This module's body runs before any module
 * that imports it, so the config is in force before the first parse.
 *
 * Every module of the kit imports zod from here, never from 'zod' or 'zod/mini' directly, as
 * `import * as z from './zod.js'`. Only the functions the kit uses are re-exported, by name: zod stays
 * external in the ES build, and `export * from 'zod/mini'` made every chunk that reads zod build the whole
 * zod/mini namespace at runtime, which an app's bundler cannot tree-shake (about 70 KB gzip per widget).
 * Add a name here when a schema needs one.
 */
import { config } from 'zod/mini';

config({ jitless: true });

export {
  NEVER,
  array,
  boolean,
  custom,
  enum,
  extend,
  globalRegistry,
  literal,
  minLength,
  object,
  optional,
  pipe,
  refine,
  regex,
  string,
  toJSONSchema,
  transform,
  trim,
  unknown,
  util,
} from 'zod/mini';
export type { ZodMiniType, core, input, output } from 'zod/mini';
