/**
 * Banded lookup of SimHash fingerprints: the 64 bits are cut into four bands of 16 bits, and every
 * fingerprint is filed under each of its four band values. Two fingerprints at most three bits apart
 * agree on at least one whole band (pigeonhole), so a query looks at four buckets instead of every entry.
 */
import { fromHex, hammingBetween, type Fingerprint } from './simhash.js';

/** One entry found by {@link SimhashIndex.query}: its id and how many bits it differs by. */
export interface SimhashCandidate<Id> {
  id: Id;
  distance: number;
}

/** The largest distance four bands can guarantee to find. */
export const MAX_BANDED_DISTANCE = 3;

/** The four 16-bit band values of a fingerprint. */
function bandsOf(fingerprint: Fingerprint): [number, number, number, number] {
  return [
    fingerprint.high >>> 16,
    fingerprint.high & 0xffff,
    fingerprint.low >>> 16,
    fingerprint.low & 0xffff,
  ];
}

/** An in-memory banded index from fingerprints to ids (for example the items of a time window). */
export class SimhashIndex<Id = string> {
  private readonly fingerprints: Fingerprint[] = [];
  private readonly ids: Id[] = [];
  /** Per band: band value → positions in `ids`. */
  private readonly bands: Map<number, number[]>[] = [new Map(), new Map(), new Map(), new Map()];

  /** The number of fingerprints added. */
  get size(): number {
    return this.ids.length;
  }

  /** Files `id` under the fingerprint `simhash` (16 hex digits). The same id may be added again. */
  add(id: Id, simhash: string): void {
    const fingerprint = fromHex(simhash);
    const position = this.ids.length;
    this.ids.push(id);
    this.fingerprints.push(fingerprint);
    bandsOf(fingerprint).forEach((value, band) => {
      const buckets = this.bands[band];
      const bucket = buckets?.get(value);
      if (bucket) bucket.push(position);
      else buckets?.set(value, [position]);
    });
  }

  /**
   * The ids whose fingerprints are at most `maxDistance` bits from `simhash` (0–3; larger values are
   * capped because the bands cannot guarantee them), nearest first, each added entry once.
   */
  query(simhash: string, maxDistance: number = MAX_BANDED_DISTANCE): SimhashCandidate<Id>[] {
    const limit = Math.min(Math.max(0, maxDistance), MAX_BANDED_DISTANCE);
    const fingerprint = fromHex(simhash);
    const seen = new Set<number>();
    const found: SimhashCandidate<Id>[] = [];
    bandsOf(fingerprint).forEach((value, band) => {
      for (const position of this.bands[band]?.get(value) ?? []) {
        if (seen.has(position)) continue;
        seen.add(position);
        const other = this.fingerprints[position];
        const id = this.ids[position];
        if (other === undefined || id === undefined) continue;
        const distance = hammingBetween(fingerprint, other);
        if (distance <= limit) found.push({ id, distance });
      }
    });
    return found.sort((a, b) => a.distance - b.distance);
  }
}
