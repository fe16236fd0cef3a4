/** Registers <kam-red-flags>. Import this file (or `kam-widgets/red-flags`) to use the tag. */
import { defineElement } from '../../internal/define.js';
import { KamRedFlags } from './kam-red-flags.js';

defineElement('kam-red-flags', KamRedFlags);

export { KamRedFlags };
export type { FlagRow, KamFlagsDetail, KpiFlagRow, RedFlagsRow } from './kam-red-flags.js';
