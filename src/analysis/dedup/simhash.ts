/**
 * 64-bit SimHash (Charikar): every feature votes with its weight on each of 64 bits through its hash, and
 * the sign of each total gives the bit. Similar feature sets give fingerprints a few bits apart. Values
 * travel as 16 lower-case hex digits; inside, as two unsigned 32-bit halves (no BigInt in hot loops).
 */
import { canonicalText, coreOf } from './canonical.js';
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
  return fingerprint.high.toString(16).padStart(8, '0') + fingerprint.low.toString(16).padStart(8, '0');
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

/** Adds the per-bit counts packed in byte lanes (see {@link simhashOfCanonical}) to `counts`. */
function flushLanes(lanes: Float64Array, counts: Float64Array): void {
  for (let k = 0; k < 8; k++) {
    const high = lanes[k] ?? 0;
    const low = lanes[8 + k] ?? 0;
    for (let lane = 0; lane < 4; lane++) {
      const bit = lane * 8 + k;
      counts[bit] = (counts[bit] ?? 0) + ((high >>> (lane * 8)) & 0xff);
      counts[32 + bit] = (counts[32 + bit] ?? 0) + ((low >>> (lane * 8)) & 0xff);
    }
    lanes[k] = 0;
    lanes[8 + k] = 0;
  }
}

/**
 * The SimHash of a canonical string over its character shingles, each occurrence weighing 1. The bits are
 * counted eight at a time: `(h >>> k) & 0x01010101` puts bits k, k+8, k+16 and k+24 into four byte lanes
 * that add up without carrying for 255 shingles, after which the lanes are flushed.
 */
export function simhashOfCanonical(canonical: string): string {
  const counts = new Float64Array(64);
  const lanes = new Float64Array(16);
  const size = Math.min(SHINGLE_SIZE, canonical.length);
  const shingles = canonical.length === 0 ? 0 : canonical.length - size + 1;
  for (let i = 0; i < shingles; i++) {
    const hash = hashRange(canonical, i, i + size);
    const high = mix32(hash ^ HIGH_SEED);
    const low = mix32(hash ^ LOW_SEED);
    for (let k = 0; k < 8; k++) {
      lanes[k] = (lanes[k] ?? 0) + ((high >>> k) & 0x01010101);
      lanes[8 + k] = (lanes[8 + k] ?? 0) + ((low >>> k) & 0x01010101);
    }
    if (i % 255 === 254) flushLanes(lanes, counts);
  }
  flushLanes(lanes, counts);
  for (let bit = 0; bit < 64; bit++) counts[bit] = 2 * (counts[bit] ?? 0) - shingles;
  return toHex(fingerprintOf(counts));
}

/**
 * The fingerprint of an item for the `simhash` field and for {@link SimhashIndex} lookups: the shingles
 * of its canonical core (the quoted original of a repost chain, else the whole text), so that reposts of
 * one post with different comments share a fingerprint.
 */
export function simhashOfText(text: string): string {
  return simhashOfCanonical(coreOf(canonicalText(text)));
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
