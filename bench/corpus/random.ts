/**
 * Seeded randomness for the corpus: the same seed gives the same corpus on every machine, so benchmark
 * runs compare like with like. Math.random is never used.
 */

/** A small, fast, seedable generator (sfc32) with the helpers the corpus needs. */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** `digits` lower-case hex digits. */
  hex(digits: number): string {
    let out = '';
    while (out.length < digits)
      out += Math.floor(this.next() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return out.slice(0, digits);
  }
}

/**
 * Draws from a list with Zipf weights 1/rank^s: the first elements are common, the last ones rare.
 * Cumulative weights are computed once; each draw is a binary search.
 */
export class ZipfPicker<T> {
  private readonly cumulative: number[];

  constructor(
    private readonly list: readonly T[],
    exponent = 1.05,
  ) {
    let total = 0;
    this.cumulative = list.map((_, rank) => (total += 1 / Math.pow(rank + 1, exponent)));
  }

  /** One element, chosen with the Zipf weights. */
  pick(random: SeededRandom): T {
    const target = random.next() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.cumulative[mid] ?? 0) < target) low = mid + 1;
      else high = mid;
    }
    return this.list[low] as T;
  }
}
