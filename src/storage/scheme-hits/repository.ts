/**
 * Scheme hits in SQLite or PostgreSQL through Kysely. Volumes per bucket are grouped in SQL with integer
 * arithmetic both engines share (`published_at - published_at % bucket`), the bucket length written as a
 * literal so that the grouped and selected expressions are the same text on PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../platform/errors.js';
import type { Database } from '../schema.js';
import type { HitBucket, SchemeHit, SchemeHitRepository } from './types.js';

/** Rows per INSERT statement (well under either engine's bound-parameter limit). */
const INSERT_CHUNK = 500;

function checkBucket(bucketMs: number): void {
  if (!Number.isSafeInteger(bucketMs) || bucketMs <= 0) {
    throw new AppError('BAD_REQUEST', 'a bucket length must be a positive whole number of ms', { bucketMs });
  }
}

/** Scheme hits in SQLite or PostgreSQL through Kysely. */
export class KyselySchemeHitRepository implements SchemeHitRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(hits: readonly SchemeHit[]): Promise<void> {
    for (let offset = 0; offset < hits.length; offset += INSERT_CHUNK) {
      const rows = hits.slice(offset, offset + INSERT_CHUNK).map((hit) => ({
        schemeId: hit.schemeId,
        itemId: hit.itemId,
        unitId: hit.unitId,
        publishedAt: hit.publishedAt,
        negative: hit.negative ? 1 : 0,
      }));
      await this.db
        .insertInto('schemeHits')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['schemeId', 'itemId']).doUpdateSet((eb) => ({
            publishedAt: eb.ref('excluded.publishedAt'),
            negative: eb.ref('excluded.negative'),
          })),
        )
        .execute();
    }
  }

  async countBuckets(schemeId: string, from: number, to: number, bucketMs: number): Promise<HitBucket[]> {
    checkBucket(bucketMs);
    const bucket = sql<number>`(${sql.ref('publishedAt')} - (${sql.ref('publishedAt')} % ${sql.lit(bucketMs)}))`;
    const rows = await this.db
      .selectFrom('schemeHits')
      .select([
        bucket.as('start'),
        (eb) => eb.fn.countAll<number | string>().as('total'),
        (eb) => eb.fn.sum<number | string | null>('negative').as('negative'),
      ])
      .where('schemeId', '=', schemeId)
      .where('publishedAt', '>=', from)
      .where('publishedAt', '<', to)
      .groupBy(bucket)
      .orderBy(bucket)
      .execute();
    return rows.map((row) => ({
      start: Number(row.start),
      total: Number(row.total),
      negative: Number(row.negative ?? 0),
    }));
  }

  async recentItemIds(schemeId: string, since: number, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('schemeHits')
      .select('itemId')
      .where('schemeId', '=', schemeId)
      .where('publishedAt', '>=', since)
      .orderBy('publishedAt', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => row.itemId);
  }

  async purge(before: number): Promise<number> {
    const result = await this.db
      .deleteFrom('schemeHits')
      .where('publishedAt', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
