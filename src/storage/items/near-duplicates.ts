/**
 * Candidates for near-duplicate checks: stored items of a unit, published since a time, that share at least
 * one 16-bit band of their SimHash with the new item's (four indexed lookups). By the pigeonhole principle
 * every item within Hamming distance 3 shares a band; the caller confirms with the full comparison.
 */
import { sql, type Kysely } from 'kysely';
import type { NearDuplicateCandidate } from '../repositories.js';
import type { Database } from '../schema.js';
import { simhashBands } from './rows.js';

/** Most candidates returned per lookup (the newest first). */
export const MAX_NEAR_CANDIDATES = 50;

/** Stored items of `unitId` published at or after `since` sharing a SimHash band with `simhash`. */
export async function findNearDuplicateCandidates(
  db: Kysely<Database>,
  unitId: string,
  simhash: string,
  since: number,
): Promise<NearDuplicateCandidate[]> {
  const lookups = simhashBands(simhash).flatMap((band, index) =>
    band === null
      ? []
      : [
          sql`select id, unit_id, simhash, published_at, dup_of from items where ${sql.ref(`simhash_band${index}`)} = ${band} and published_at >= ${since}`,
        ],
  );
  if (lookups.length === 0) return [];
  // One indexed lookup per band (band, published_at), united; the unit is checked on the few rows found.
  const { rows } = await sql<{
    id: string;
    simhash: string | null;
    published_at: number | string;
    dup_of: string | null;
  }>`
    select id, simhash, published_at, dup_of from (${sql.join(lookups, sql` union `)}) as candidates
    where unit_id = ${unitId} order by published_at desc limit ${MAX_NEAR_CANDIDATES}`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    simhash: row.simhash,
    publishedAt: Number(row.published_at),
    dupOf: row.dup_of,
  }));
}
