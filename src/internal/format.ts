/**
 * Locale-aware number formatting for every widget, built on Intl.NumberFormat. One set of formatters
 * per (locale, currency) pair is cached, because constructing Intl formatters is slow and widgets format
 * thousands of labels. A value that is not a finite number is shown as NO_FIGURE ("–"), never as "NaN"
 * or "∞" (the feed keeps every total finite; this is the guard for a ratio without a base).
 */
export interface Formatters {
  readonly locale: string;
  readonly currency: string;
  /** Full money, no decimals: "$1,234,567". */
  money(value: number): string;
  /** Compact money for ticks and tiles: "$1.2M". */
  moneyCompact(value: number): string;
  /** A fraction as a percentage with one decimal: 0.164 -> "16.4%". */
  percent(value: number): string;
  /** A fraction as a whole percentage: 0.8 -> "80%". */
  percentWhole(value: number): string;
  /** A fraction as a percentage with a decimal only when needed: 0.8 -> "80%", 0.825 -> "82.5%". */
  percentShort(value: number): string;
  /** A plain number with grouping: 12345.6 -> "12,345.6". */
  number(value: number): string;
  /** A whole number with grouping: 1234 -> "1,234". */
  integer(value: number): string;
  /** A signed whole number: 12 -> "+12". */
  signedInteger(value: number): string;
  /** A signed number with at most one decimal: 2.14 -> "+2.1", 0.04 -> "±0" (a trend per period). */
  signedNumber(value: number): string;
  /** A compact plain number for ticks: 12000 -> "12K". */
  compact(value: number): string;
}

const cache = new Map<string, Formatters>();

/** What a formatter shows for NaN or ±Infinity. */
export const NO_FIGURE = '–';

/** `format`, showing NO_FIGURE for anything but a finite number. */
const finiteOnly = (format: Intl.NumberFormat) => (value: number) => (Number.isFinite(value) ? format.format(value) : NO_FIGURE);

/** The page's locale when none is set: the element's lang, then the document's, then the browser's. */
export function defaultLocale(element?: Element): string {
  const lang = element?.closest('[lang]')?.getAttribute('lang') || globalThis.document?.documentElement.lang;
  return lang || globalThis.navigator?.language || 'en-US';
}

function supportedLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en-US';
  } catch {
    return 'en-US'; // a malformed tag such as "en_US!" throws a RangeError
  }
}

function safeCurrency(currency: string): string {
  return /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
}

export function formatters(locale: string, currency = 'USD'): Formatters {
  const key = `${locale}|${currency}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const loc = supportedLocale(locale);
  const cur = safeCurrency(currency);
  const money = new Intl.NumberFormat(loc, { style: 'currency', currency: cur, maximumFractionDigits: 0 });
  const moneyCompact = new Intl.NumberFormat(loc, {
    style: 'currency',
    currency: cur,
    notation: 'compact',
    maximumSignificantDigits: 3,
  });
  const percent = new Intl.NumberFormat(loc, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percentWhole = new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: 0 });
  const percentShort = new Intl.NumberFormat(loc, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(loc, { maximumFractionDigits: 2 });
  const integer = new Intl.NumberFormat(loc, { maximumFractionDigits: 0 });
  const signedInteger = new Intl.NumberFormat(loc, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const signedNumber = new Intl.NumberFormat(loc, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const compact = new Intl.NumberFormat(loc, { notation: 'compact', maximumSignificantDigits: 3 });
  const result: Formatters = {
    locale: loc,
    currency: cur,
    money: finiteOnly(money),
    moneyCompact: finiteOnly(moneyCompact),
    percent: finiteOnly(percent),
    percentWhole: finiteOnly(percentWhole),
    percentShort: finiteOnly(percentShort),
    number: finiteOnly(number),
    integer: finiteOnly(integer),
    signedInteger: finiteOnly(signedInteger),
    signedNumber: (value) => (Number.isFinite(value) && Math.round(Math.abs(value) * 10) === 0 ? '±0' : finiteOnly(signedNumber)(value)),
    compact: finiteOnly(compact),
  };
  cache.set(key, result);
  return result;
}
