/**
 * Database targets for tests that must pass on both engines. SQLite always runs (a fresh file in a temp
 * folder). PostgreSQL runs when FENGXIANG_TEST_POSTGRES_URL is set: every call creates a fresh database
 * on that server and drops it afterwards, so test files never see each other's rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** One engine to run a suite against. */
export interface DatabaseTarget {
  name: 'sqlite' | 'postgres';
  /** Creates a fresh, empty database and returns its URL and how to remove it. */
  create(): Promise<{ url: string; drop(): Promise<void> }>;
}

const POSTGRES_URL = process.env['FENGXIANG_TEST_POSTGRES_URL'];

/** The SQLite target: a fresh file under the OS temp folder. */
export const sqliteTarget: DatabaseTarget = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'fx-test-'));
    return {
      url: `sqlite:${join(dir, 'test.sqlite')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

/** The PostgreSQL target, or null when FENGXIANG_TEST_POSTGRES_URL is not set. */
export const postgresTarget: DatabaseTarget | null = POSTGRES_URL
  ? {
      name: 'postgres',
      async create() {
        const name = `fx_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
        const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 10_000 });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        const url = new URL(POSTGRES_URL);
        url.pathname = `/${name}`;
        return {
          url: url.toString(),
          drop: async () => {
            const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 10_000 });
            await client.connect();
            await client.query(`drop database if exists ${name} with (force)`);
            await client.end();
          },
        };
      },
    }
  : null;

if (
  process.env['FENGXIANG_TEST_REQUIRE_SERVICES'] === '1' &&
  (!POSTGRES_URL || !process.env['FENGXIANG_TEST_REDIS_URL'])
) {
  throw new Error(
    'FENGXIANG_TEST_REQUIRE_SERVICES=1 but FENGXIANG_TEST_POSTGRES_URL or FENGXIANG_TEST_REDIS_URL is unset',
  );
}
if (!postgresTarget) {
  console.warn('FENGXIANG_TEST_POSTGRES_URL is not set: PostgreSQL tests are skipped (CI sets it).');
}
if (!process.env['FENGXIANG_TEST_REDIS_URL']) {
  console.warn('FENGXIANG_TEST_REDIS_URL is not set: Redis tests are skipped (CI sets it).');
}

/** The targets to run storage suites against: SQLite, and PostgreSQL when configured. */
export const databaseTargets: DatabaseTarget[] = postgresTarget
  ? [sqliteTarget, postgresTarget]
  : [sqliteTarget];

/** The Redis URL for tests, or null when FENGXIANG_TEST_REDIS_URL is not set. */
export const testRedisUrl: string | null = process.env['FENGXIANG_TEST_REDIS_URL'] ?? null;
