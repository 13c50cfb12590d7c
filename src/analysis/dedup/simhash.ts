/**
 * 64-bit SimHash (Charikar): every feature votes with its weight on each of 64 bits through its hash, and
 * the sign of each total gives the bit. Similar feature sets give fingerprints a few bits apart. Values
 * travel as 16 lower-case hex digits; inside, as two unsigned 32-bit halves (no BigInt in hot loops).
 */
import { canonicalText, canonicalTextOf, coreOf } from './canonical.js';
import { hashRange, mix32, SHINGLE_SIZE } from './shingles.js';

/** A fingerprint as two unsigned 32-bit halves. */
export interface Fingerprint {
  high: number;
  low: number;
}

const HIGH_SEED = 0x9e3779b9;
const LOW_SEED = 0x7f4a7c15;
const HEX = /^[0-9a-f]{16}$/u;

/** Adds one feature's votes (its 32-bit hash stretched to 64 bits) to the totals. */
function vote(totals: Float64Array, hash: number, weight: number): void {
  const high = mix32(hash ^ HIGH_SEED);
  const low = mix32(hash ^ LOW_SEED);
  for (let bit = 0; bit < 32; bit++) {
    totals[bit] = (totals[bit] ?? 0) + ((high >>> bit) & 1 ? weight : -weight);
    totals[bit + 32] = (totals[bit + 32] ?? 0) + ((low >>> bit) & 1 ? weight : -weight);
  }
}

/** The fingerprint the totals stand for. */
function fingerprintOf(totals: Float64Array): Fingerprint {
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((totals[bit] ?? 0) > 0) high |= 1 << bit;
    if ((totals[bit + 32] ?? 0) > 0) low |= 1 << bit;
  }
  return { high: high >>> 0, low: low >>> 0 };
}

/** 16 hex digits for a fingerprint. */
export function toHex(fingerprint: Fingerprint): string {
  const { high, low } = fingerprint;
  return String.fromCharCode(
    hexDigit(high >>> 28),
    hexDigit(high >>> 24),
    hexDigit(high >>> 20),
    hexDigit(high >>> 16),
    hexDigit(high >>> 12),
    hexDigit(high >>> 8),
    hexDigit(high >>> 4),
    hexDigit(high),
    hexDigit(low >>> 28),
    hexDigit(low >>> 24),
    hexDigit(low >>> 20),
    hexDigit(low >>> 16),
    hexDigit(low >>> 12),
    hexDigit(low >>> 8),
    hexDigit(low >>> 4),
    hexDigit(low),
  );
}

/** The character code of the lower-case hex digit of the low four bits of `value`. */
function hexDigit(value: number): number {
  const nibble = value & 0xf;
  return nibble < 10 ? 0x30 + nibble : 0x57 + nibble;
}

/** A fingerprint from 16 hex digits; throws a TypeError for anything else. */
export function fromHex(hex: string): Fingerprint {
  const lower = hex.toLowerCase();
  if (!HEX.test(lower)) throw new TypeError(`not a 64-bit simhash (16 hex digits): "${hex}"`);
  return { high: parseInt(lower.slice(0, 8), 16), low: parseInt(lower.slice(8), 16) };
}

/**
 * The SimHash of `tokens` as 16 hex digits, each token weighted by `weights[i]` (1 when not given, for
 * example IDF weights of words). No tokens give `0000000000000000`.
 */
export function simhash64(tokens: readonly string[], weights?: readonly number[]): string {
  const totals = new Float64Array(64);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    vote(totals, hashRange(token, 0, token.length), weights?.[i] ?? 1);
  }
  return toHex(fingerprintOf(totals));
}

/** Bit planes of the per-bit counters: 32 of them count past any text's number of shingles. */
const PLANES = 32;
const HIGH_PLANES = new Int32Array(PLANES);
const LOW_PLANES = new Int32Array(PLANES);

/**
 * Adds `high` to the 32 bit-sliced counters of {@link HIGH_PLANES} and `low` to those of
 * {@link LOW_PLANES}: plane p holds bit p of every counter, so adding is a ripple carry across the
 * `depth` planes the final counts can need (a fixed count of steps: cheaper than stopping early, whose
 * branch the processor cannot predict). The two carry chains are independent and share one loop, so the
 * processor works on both at once.
 */
function addSlicedPair(high: number, low: number, depth: number): void {
  let highCarry = high;
  let lowCarry = low;
  for (let p = 0; p < depth; p++) {
    const highPlane = HIGH_PLANES[p] ?? 0;
    const lowPlane = LOW_PLANES[p] ?? 0;
    HIGH_PLANES[p] = highPlane ^ highCarry;
    LOW_PLANES[p] = lowPlane ^ lowCarry;
    highCarry = highPlane & highCarry;
    lowCarry = lowPlane & lowCarry;
  }
}

/** The bits whose bit-sliced counter exceeds `limit`, compared from the top plane down. */
function countersAbove(planes: Int32Array, limit: number): number {
  let above = 0;
  let equal = -1;
  for (let p = PLANES - 1; p >= 0; p--) {
    const plane = planes[p] ?? 0;
    if ((limit >>> p) & 1) equal &= plane;
    else {
      above |= equal & plane;
      equal &= ~plane;
    }
  }
  return above >>> 0;
}

/**
 * The SimHash of a canonical string over its character shingles, each occurrence weighing 1: a bit is
 * set when more than half of the shingles' stretched hashes have it. The 64 counters are bit-sliced
 * (see {@link addSliced}) and compared with half the count all at once, which costs a few operations
 * per shingle instead of one per bit.
 */
export function simhashOfCanonical(canonical: string): string {
  HIGH_PLANES.fill(0);
  LOW_PLANES.fill(0);
  const size = Math.min(SHINGLE_SIZE, canonical.length);
  const shingles = canonical.length === 0 ? 0 : canonical.length - size + 1;
  const depth = 32 - Math.clz32(shingles);
  for (let i = 0; i < shingles; i++) {
    const hash = hashRange(canonical, i, i + size);
    addSlicedPair(mix32(hash ^ HIGH_SEED), mix32(hash ^ LOW_SEED), depth);
  }
  const half = Math.floor(shingles / 2);
  return toHex({ high: countersAbove(HIGH_PLANES, half), low: countersAbove(LOW_PLANES, half) });
}

/**
 * The fingerprint of an item for the `simhash` field and for {@link SimhashIndex} lookups: the shingles
 * of its canonical core (the quoted original of a repost chain, else the whole text), so that reposts of
 * one post with different comments share a fingerprint.
 */
export function simhashOfText(text: string): string {
  return simhashOfCanonical(coreOf(canonicalText(text)));
}

/** {@link simhashOfText} when `normalized` (normalizeText(text)) is at hand already. */
export function simhashOfNormalized(text: string, normalized: string): string {
  return simhashOfCanonical(coreOf(canonicalTextOf(text, normalized)));
}

/** The number of set bits of a 32-bit value. */
function popCount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The number of bits in which two fingerprints differ. */
export function hammingBetween(a: Fingerprint, b: Fingerprint): number {
  return popCount32((a.high ^ b.high) >>> 0) + popCount32((a.low ^ b.low) >>> 0);
}

/** The number of bits in which two 16-hex-digit fingerprints differ (0–64). */
export function hammingDistance(a: string, b: string): number {
  return hammingBetween(fromHex(a), fromHex(b));
}
