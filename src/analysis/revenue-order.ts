/**
 * Accounts in order of revenue, largest first, by an LSD radix sort on the IEEE-754 bits: non-negative
 * doubles order like their bit patterns, so 100,000 accounts sort in a few milliseconds, several times
 * faster than a comparison sort. The ranking (pareto.ts) then orders only accounts of equal revenue.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Input indices sorted by revenue descending; accounts of equal revenue stay in input order (stable).
 * `revenue` must hold finite values >= 0 (and no -0).
 */
export function revenueOrder(revenue: Float64Array): Uint32Array {
  const n = revenue.length;
  let src = new Uint32Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  if (n < 2) return src;

  // LSD radix sort on inverted keys (so larger revenue comes first), 16 bits per pass, keys carried along
  // with the indices so every pass reads sequentially. Whole-unit revenue below 2^32 (the usual case)
  // needs 2 passes; anything else sorts on the 64 IEEE-754 bits in 4 passes.
  let integral = true;
  for (let i = 0; i < n; i++) {
    const v = revenue[i]!;
    if (v > 0xffffffff || v !== Math.floor(v)) {
      integral = false;
      break;
    }
  }
  let lo = new Uint32Array(n);
  let hi = integral ? lo : new Uint32Array(n);
  if (integral) {
    for (let i = 0; i < n; i++) lo[i] = ~revenue[i]!;
  } else {
    const words = new Uint32Array(revenue.buffer, revenue.byteOffset, n * 2);
    const l = LITTLE_ENDIAN ? 0 : 1;
    for (let i = 0; i < n; i++) {
      lo[i] = ~words[2 * i + l]!;
      hi[i] = ~words[2 * i + 1 - l]!;
    }
  }
  let dst = new Uint32Array(n);
  let dlo = new Uint32Array(n);
  let dhi = integral ? dlo : new Uint32Array(n);
  const counts = new Uint32Array(65536);
  const passes = integral ? 2 : 4;
  for (let pass = 0; pass < passes; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(key[i]! >>> shift) & 0xffff]!++;
    let single = false;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      if (c === n) {
        single = true;
        break;
      }
      counts[d] = sum;
      sum += c;
    }
    if (single) continue; // every key has the same digit: the pass would not move anything
    for (let i = 0; i < n; i++) {
      const at = counts[(key[i]! >>> shift) & 0xffff]!++;
      dst[at] = src[i]!;
      dlo[at] = lo[i]!;
      if (!integral) dhi[at] = hi[i]!;
    }
    [src, dst] = [dst, src];
    [lo, dlo] = [dlo, lo];
    if (integral) hi = lo;
    else [hi, dhi] = [dhi, hi];
  }
  return src;
}
