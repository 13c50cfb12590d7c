/** The {@link LockRepository} over Kysely: PostgreSQL advisory locks keyed by a 64-bit hash of the name. */
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect/types.js';
import type { Database } from '../schema.js';
import type { LockRepository } from './types.js';

/** Pause between attempts while another process holds the lock. */
const RETRY_MS = 25;

export class KyselyLockRepository implements LockRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  async hold<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (this.dialect !== 'postgres') return work();
    if (this.db.isTransaction) {
      await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(this.db);
      return work();
    }
    // A try-lock loop rather than a blocking pg_advisory_lock, so the wait is not cut by the statement timeout.
    return this.db.connection().execute(async (connection) => {
      for (;;) {
        const { rows } = await sql<{ locked: boolean }>`
          select pg_try_advisory_lock(hashtextextended(${name}, 0)) as locked`.execute(connection);
        if (rows[0]?.locked === true) break;
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(hashtextextended(${name}, 0))`
          .execute(connection)
          .catch(() => undefined);
      }
    });
  }
}
