/**
 * The stores a leader lock can live in, for tests: the embedded job queue file (always), PostgreSQL (when
 * FENGXIANG_TEST_POSTGRES_URL is set: a fresh database per store) and Redis (when FENGXIANG_TEST_REDIS_URL
 * is set: a fresh key prefix per store). Each store opens any number of contenders on the same lock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LeaderLock } from '../../../src/jobs/leader/index.js';
import {
  openPostgresLeaderLock,
  openRedisLeaderLock,
  openSqliteLeaderLock,
} from '../../../src/jobs/leader/index.js';
import { postgresTarget, testRedisUrl } from '../../helpers/databases.js';
import { deleteKeys, testPrefix } from '../redis-prefix.js';

/** One store holding one lock. */
export interface LockStore {
  /** A new contender for the lock, with lease `ttlMs`. */
  open(ttlMs: number): LeaderLock;
  /** The environment a child process (test/jobs/fixtures/leader-process.ts) needs to contend too. */
  childEnv: Record<string, string>;
  drop(): Promise<void>;
}

/** How to create one kind of store; `null` when its server is not configured. */
export interface StoreKind {
  name: 'sqlite' | 'postgres' | 'redis';
  create: (() => Promise<LockStore>) | null;
}

const sqlite: StoreKind = {
  name: 'sqlite',
  create: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fx-leader-'));
    const file = join(dir, 'jobs.sqlite');
    return {
      open: (ttlMs) => openSqliteLeaderLock({ file, ttlMs }),
      childEnv: { FX_LOCK_KIND: 'sqlite', FX_LOCK_TARGET: file },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

const postgres: StoreKind = {
  name: 'postgres',
  create: postgresTarget
    ? async () => {
        const database = await (postgresTarget as NonNullable<typeof postgresTarget>).create();
        return {
          open: (ttlMs) => openPostgresLeaderLock({ url: database.url, ttlMs }),
          childEnv: { FX_LOCK_KIND: 'postgres', FX_LOCK_TARGET: database.url },
          drop: () => database.drop(),
        };
      }
    : null,
};

const redis: StoreKind = {
  name: 'redis',
  create:
    testRedisUrl === null
      ? null
      : async () => {
          const url = testRedisUrl ?? '';
          const prefix = testPrefix('leader');
          return {
            open: (ttlMs) => openRedisLeaderLock({ url, prefix, ttlMs }),
            childEnv: { FX_LOCK_KIND: 'redis', FX_LOCK_TARGET: url, FX_LOCK_PREFIX: prefix },
            drop: () => deleteKeys(url, [prefix]),
          };
        },
};

/** Every store kind; the ones whose server is not configured have `create: null` (their tests skip). */
export const storeKinds: StoreKind[] = [sqlite, postgres, redis];
