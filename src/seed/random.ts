/**
 * A small, fast, seeded pseudo-random generator for seed data and benchmarks.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator, 128 bits of
 * state), keyed from the numeric seed through a 32-bit integer hash. Everything is plain 32-bit
 * integer arithmetic, so a given seed yields the same stream on every platform and Node version.
 *
 * `fork(salt)` derives an independent generator from this generator's *seed* (its key) and the
 * salt, not from its current position: `rng.fork(42)` returns the same stream whether it is called
 * before or after drawing numbers from `rng`, and forking never consumes from the parent. This makes
 * it cheap to give article number N its own stream (`root.fork(N)`) so that generating article N
 * does not depend on the articles generated before it.
 */

const TWO_POW_32 = 4294967296;
const GOLDEN = 0x9e3779b9;

/** Murmur3's 32-bit finalizer: a bijection on 32-bit integers with good avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A 32-bit hash of a finite number. Integers in [0, 2^32) map bijectively, so distinct small
 * integer seeds (or salts) never collide; larger, negative and fractional values are folded in.
 */
function hashNumber(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Random: seed/salt must be a finite number, got ${value}`);
  if (value === 0) return fmix32(GOLDEN); // also folds -0 into 0
  const whole = Math.floor(value);
  const low = whole >>> 0;
  let h = fmix32((low ^ GOLDEN) >>> 0);
  const high = Math.floor(whole / TWO_POW_32);
  if (high !== 0) h = fmix32((h ^ fmix32((high | 0) >>> 0)) + 0x632be5ab);
  const frac = value - whole;
  if (frac !== 0) h = fmix32((h ^ fmix32(Math.floor(frac * TWO_POW_32) >>> 0)) + 0x7f4a7c15);
  return h;
}

export class Random {
  // The 128-bit key this stream was started from (what `fork` derives from). Declared before the
  // sfc32 state so that constructed and forked instances get their properties in the same order.
  private k0 = 0;
  private k1 = 0;
  private k2 = 0;
  private k3 = 0;
  // sfc32 state
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number) {
    // splitmix32 expansion of the hashed seed into four key words
    let x = hashNumber(seed);
    const words = [0, 0, 0, 0];
    for (let i = 0; i < 4; i++) {
      x = (x + GOLDEN) >>> 0;
      words[i] = fmix32(x);
    }
    this.init(words[0], words[1], words[2], words[3]);
  }

  private init(k0: number, k1: number, k2: number, k3: number): void {
    this.k0 = k0;
    this.k1 = k1;
    this.k2 = k2;
    this.k3 = k3;
    this.a = k0 | 0;
    this.b = k1 | 0;
    this.c = k2 | 0;
    this.d = k3 | 0;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    const lo = Math.ceil(min);
    const hi = Math.floor(max);
    if (!(hi >= lo)) throw new RangeError(`Random.int: empty range [${min}, ${max}]`);
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** One element, uniformly. Throws on an empty array. */
  pick<T>(items: readonly T[]): T {
    const n = items.length;
    if (n === 0) throw new RangeError('Random.pick: empty array');
    return items[Math.floor(this.next() * n)];
  }

  /**
   * `count` elements at distinct positions, in random order (fewer if the array is shorter).
   * Elements are distinct as long as the array holds no duplicates.
   */
  pickSome<T>(items: readonly T[], count: number): T[] {
    const n = items.length;
    const k = Math.max(0, Math.min(n, Math.floor(count)));
    if (k === 0) return [];
    if (k <= 8 && k * 2 <= n) {
      // few draws from a larger array: rejection sampling, no copy
      const chosen: number[] = [];
      while (chosen.length < k) {
        const i = Math.floor(this.next() * n);
        if (!chosen.includes(i)) chosen.push(i);
      }
      return chosen.map((i) => items[i]);
    }
    // partial Fisher–Yates on a copy
    const copy = items.slice();
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (n - i));
      const tmp = copy[i];
      copy[i] = copy[j];
      copy[j] = tmp;
    }
    copy.length = k;
    return copy;
  }

  /** True with probability p (always draws one number, so streams stay aligned). */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /**
   * An independent generator derived from this generator's seed and `salt`. Does not consume from
   * or depend on this generator's position; distinct integer salts in [0, 2^32) always give
   * distinct streams.
   */
  fork(salt: number): Random {
    const s = hashNumber(salt);
    const child = Object.create(Random.prototype) as Random;
    child.init(
      fmix32(((this.k0 + fmix32((s + GOLDEN) >>> 0)) >>> 0) ^ 0x243f6a88),
      fmix32(((this.k1 + fmix32((s + 2 * GOLDEN) >>> 0)) >>> 0) ^ 0x85a308d3),
      fmix32(((this.k2 + fmix32((s + 3 * GOLDEN) >>> 0)) >>> 0) ^ 0x13198a2e),
      fmix32(((this.k3 + fmix32((s + 4 * GOLDEN) >>> 0)) >>> 0) ^ 0x03707344),
    );
    return child;
  }
}
