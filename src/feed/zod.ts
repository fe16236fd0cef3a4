/**
 * zod, configured once for the whole kit. Jitless mode keeps zod from probing `new Function(...)`,
 * which a strict Content-Security-Policy (script-src 'self', Trusted Types) reports as a violation.
 * Every module of the kit imports zod from here, never from 'zod' directly.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
