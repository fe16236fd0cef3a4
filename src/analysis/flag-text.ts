/** A red flag in words, with the caller's number formats (the flags themselves: flags.ts). (Stub.) */
import { FLAG_META, type RedFlag } from './flags.js';

/** One English sentence with the flag's figures. */
export function flagText(
  flag: RedFlag,
  formatMoney: (value: number) => string = String,
  formatPercent: (fraction: number) => string = String,
  formatNumber: (value: number) => string = String,
): string {
  void formatMoney;
  void formatPercent;
  void formatNumber;
  return `${FLAG_META[flag.type].label}.`;
}
