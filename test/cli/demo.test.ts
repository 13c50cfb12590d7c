/**
 * `fengxiang demo --no-serve` as an operator runs it, as real child processes on a real SQLite file: the
 * workspace (units, logins, schemes, rules, sources, plan, schedules) is created, two days of sample data go
 * through ingest and evaluation into items, events and alerts; a second run duplicates nothing; `--reset`
 * recreates the workspace; a unit that is not the demo's keeps its rows throughout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStorage } from '../../src/storage/index.js';

// Each command compiles TypeScript on start and analyses a few hundred items; no speed is asserted.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'fx-cli-demo-'));
const DB_PATH = join(dir, 'fx.sqlite');
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${DB_PATH}`,
  DATA_DIR: dir,
  JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'),
  REDIS_URL: '',
  LOG_LEVEL: 'warn',
};
const passwordFile = join(dir, 'pw');

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    env,
    cwd: dir,
    encoding: 'utf8',
    timeout: 170_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const TABLES = [
  'units',
  'users',
  'sources',
  'schemes',
  'alert_rules',
  'key_accounts',
  'plans',
  'report_schedules',
  'channels',
  'items',
  'events',
  'alerts',
  'hot_topics',
] as const;
type Counts = Record<(typeof TABLES)[number], number>;

/** Rows per table, all units. */
function counts(): Counts {
  const db = new Database(DB_PATH, { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((table) => [
        table,
        (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
      ]),
    ) as Counts;
  } finally {
    db.close();
  }
}

function rowsOfUnit(unitId: string): { items: number; sources: number; users: number } {
  const db = new Database(DB_PATH, { readonly: true });
  try {
    const count = (table: string): number =>
      (db.prepare(`select count(*) as n from ${table} where unit_id = ?`).get(unitId) as { n: number }).n;
    return { items: count('items'), sources: count('sources'), users: count('users') };
  } finally {
    db.close();
  }
}

function demoRootId(): string | null {
  const db = new Database(DB_PATH, { readonly: true });
  try {
    const row = db.prepare(`select id from units where code = 'fengxiang-demo'`).get() as
      { id: string } | undefined;
    return row?.id ?? null;
  } finally {
    db.close();
  }
}

let otherUnitId = '';

beforeAll(async () => {
  writeFileSync(passwordFile, 'demo-password-1234\n');
  const admin = cli([
    'admin',
    'create',
    '--username',
    'admin',
    '--unit',
    '吴中区委网信办',
    '--password-file',
    passwordFile,
  ]);
  expect(admin.code).toBe(0);
  const storage = await openStorage(env.DATABASE_URL);
  try {
    const [unit] = await storage.units.list({ unitIds: null });
    if (!unit) throw new Error('admin create made no unit');
    otherUnitId = unit.id;
    const source = await storage.sources.create({ unitId: unit.id, name: '本单位论坛', kind: 'push' });
    await storage.items.insertMany([
      {
        unitId: unit.id,
        sourceId: source.id,
        kind: 'post',
        content: '木渎镇道路积水，希望尽快处理。',
        contentHash: 'other-unit-item',
        publishedAt: Date.now(),
        collectedAt: Date.now(),
      },
    ]);
  } finally {
    await storage.close();
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('fengxiang demo --no-serve', () => {
  let first: Counts;

  it('creates the workspace and seeds two days that become items, events and alerts', () => {
    const run = cli(['demo', '--no-serve', '--seed-days', '2', '--password-file', passwordFile]);
    expect(run.stderr).toContain('seeded 3/3 days');
    expect(run.code).toBe(0);
    for (const username of ['demo-admin', 'demo-monitor', 'demo-handler', 'demo-leader', 'demo-viewer']) {
      expect(run.stdout).toContain(username);
    }
    expect(run.stdout).toContain('demo-password-1234');
    first = counts();
    expect(first.units).toBe(4);
    expect(first.users).toBe(1 + 6);
    expect(first.schemes).toBeGreaterThanOrEqual(7);
    expect(first.alert_rules).toBeGreaterThanOrEqual(4);
    expect(first.sources).toBe(1 + 8);
    expect(first.plans).toBe(1);
    expect(first.report_schedules).toBe(2);
    expect(first.items).toBeGreaterThan(200);
    expect(first.events).toBeGreaterThan(0);
    expect(first.alerts).toBeGreaterThan(0);
    expect(first.hot_topics).toBeGreaterThan(0);
  });

  it('duplicates nothing when run again', () => {
    const run = cli(['demo', '--no-serve', '--seed-days', '2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('password: unchanged');
    expect(run.stdout).toMatch(/seeded 2 days: 0 new items/u);
    expect(counts()).toEqual(first);
  });

  it('recreates the workspace with --reset and leaves other units alone', () => {
    const before = demoRootId();
    const other = rowsOfUnit(otherUnitId);
    expect(other).toEqual({ items: 1, sources: 1, users: 1 });
    const run = cli(['demo', '--no-serve', '--seed-days', '1', '--reset']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('removed the demo workspace');
    expect(run.stdout).toMatch(/password \(shown once\): \S{16}/u);
    const after = demoRootId();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    const now = counts();
    expect(now.units).toBe(4);
    expect(now.users).toBe(7);
    expect(now.items).toBeGreaterThan(1);
    expect(now.items).toBeLessThan(first.items);
    expect(rowsOfUnit(otherUnitId)).toEqual(other);
  });
});
