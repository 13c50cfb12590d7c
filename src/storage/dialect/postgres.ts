import pg from 'pg';
import { PostgresDialect } from 'kysely';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * A PostgreSQL pool whose bigint and numeric columns arrive as numbers (our epoch-ms times and counters stay
 * well inside 2^53), with connection and statement timeouts so no call waits forever. An idle connection the
 * server drops (restart, failover, admin termination) is reported to `onIdleError` and replaced on next use,
 * and so is one dropped while checked out; without a listener node-postgres would throw it as an uncaught
 * error and stop the process.
 */
export function openPostgres(
  url: string,
  statementTimeoutMs: number,
  onIdleError: (error: Error) => void = () => undefined,
): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: statementTimeoutMs,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID || oid === NUMERIC_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', onIdleError);
  // A connection held between queries (an open transaction, the connection a named lock keeps) is not idle
  // for the pool, so a server restart would surface as an 'error' event nobody listens to, and end the
  // process. Report it instead; the held connection's next query fails and the pool discards it.
  pool.on('connect', (client) => client.on('error', onIdleError));
  return { dialect: new PostgresDialect({ pool }), pool };
}
