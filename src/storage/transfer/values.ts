/**
 * Where the two engines store a value differently: SQLite hands integers over as bigint (exact), keeps
 * 0/1 for booleans, lets text hold NUL characters that PostgreSQL text cannot, and lets an integer column
 * hold a fraction that a PostgreSQL integer column refuses. `toTarget` turns a source value into what
 * PostgreSQL stores (and says when it had to change it); `canonical` spells a stored value the same way
 * whichever engine it was read from, so row checksums of both sides can be compared.
 */
import { createHash } from 'node:crypto';
import type { ValueKind } from './target.js';

const NUL = '\u0000';

/** Why a value had to change on its way to PostgreSQL. */
export type Adjustment = 'nul-removed' | 'fraction-rounded';

/** A converted value, and the change made to it if PostgreSQL could not store it as it was. */
export interface Converted {
  value: unknown;
  adjustment: Adjustment | null;
}

/** A source value converted for a target column of `kind`. */
export function toTarget(kind: ValueKind, value: unknown): Converted {
  if (value === null || value === undefined) return { value: null, adjustment: null };
  switch (kind) {
    case 'int':
      return typeof value === 'number' && !Number.isInteger(value)
        ? { value: Math.round(value), adjustment: 'fraction-rounded' }
        : { value: exactNumber(value), adjustment: null };
    case 'float4':
    case 'float8':
      return { value: Number(value), adjustment: null };
    case 'bool':
      return { value: Number(value) !== 0, adjustment: null };
    case 'bytea':
      return { value: Buffer.isBuffer(value) ? value : Buffer.from(String(value)), adjustment: null };
    case 'text': {
      const text = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
      return text.includes(NUL)
        ? { value: text.replaceAll(NUL, ''), adjustment: 'nul-removed' }
        : { value: text, adjustment: null };
    }
  }
}

/** The same spelling of a value for both engines (after {@link toTarget} on the source side). */
export function canonical(kind: ValueKind, value: unknown): string {
  if (value === null || value === undefined) return NUL;
  switch (kind) {
    case 'int':
      return String(exactNumber(value));
    case 'float4':
      return String(Math.fround(Number(value)));
    case 'float8':
      return String(Number(value));
    case 'bool':
      return value === true || Number(value) === 1 ? '1' : '0';
    case 'bytea':
      return createHash('sha1')
        .update(Buffer.isBuffer(value) ? value : Buffer.from(String(value)))
        .digest('hex');
    case 'text':
      return String(value);
  }
}

/** A 64-bit digest of one row's canonical values; the table checksum is their sum, so order is irrelevant. */
export function rowDigest(values: readonly string[]): bigint {
  return createHash('sha1').update(values.join('\u0001')).digest().readBigUInt64BE(0);
}

/** Adds a row digest to a running table checksum (modulo 2^64). */
export function addDigest(sum: bigint, digest: bigint): bigint {
  return BigInt.asUintN(64, sum + digest);
}

/** An integer as a number when it is exact as one, else as its decimal text (PostgreSQL takes both). */
function exactNumber(value: unknown): number | string {
  if (typeof value === 'bigint')
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  if (typeof value === 'number') return value;
  return String(value);
}
