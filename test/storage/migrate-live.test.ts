/**
 * `fengxiang migrate` on a live system: two migrators started at once on one fresh database both succeed and
 * the schema is applied once (an advisory lock on PostgreSQL, BEGIN IMMEDIATE on SQLite); `--status` lists
 * what is applied; and a build that meets a database migrated by a newer release leaves it alone.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../src/storage/db.js';
import { knownMigrationNames, readMigrationStatus } from '../../src/storage/migrations/runner.js';
import { databaseTargets } from '../helpers/databases.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

function migrate(
  url: string,
  args: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, 'migrate', ...args], {
    env: { ...process.env, DATABASE_URL: url, REDIS_URL: '', LOG_LEVEL: 'warn' },
    cwd: ROOT,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe.each(databaseTargets)('migrate on a live $name database', (target) => {
  let url: string;
  let drop: () => Promise<void>;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    const created = await target.create();
    url = created.url;
    drop = created.drop;
  });
  afterAll(async () => {
    await handle.close();
    await drop();
  });

  it('serialises two concurrent migrators: both succeed and each migration is applied once', async () => {
    const [first, second] = await Promise.all([migrate(url), migrate(url)]);
    expect(first.stderr).toBe('');
    expect(second.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const known = await knownMigrationNames(target.name);
    const appliedLines = `${first.stdout}${second.stdout}`
      .split('\n')
      .filter((line) => line.startsWith('applied '));
    expect(appliedLines.sort()).toEqual(known.map((name) => `applied ${name}`).sort());

    handle = openDatabase(url);
    const rows = await sql<{ name: string; n: number }>`
      select name, count(*) as n from schema_migrations group by name order by name`.execute(handle.db);
    expect(rows.rows.map((row) => [row.name, Number(row.n)])).toEqual(known.map((name) => [name, 1]));
  });

  it('lists applied and pending migrations with --status, changing nothing', async () => {
    const status = await migrate(url, ['--status']);
    expect(status.code).toBe(0);
    const known = await knownMigrationNames(target.name);
    expect(status.stdout).toContain(`applied  ${known[0] ?? ''}`);
    expect(status.stdout).toContain(`${known.length} applied, 0 pending`);
  });

  it('leaves a database migrated by a newer release alone (migrations are additive)', async () => {
    const db = handle.db as unknown as Kysely<unknown>;
    await sql`insert into schema_migrations (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(
      db,
    );
    const result = await migrateToLatest(handle);
    expect(result.results).toEqual([]);
    const status = await readMigrationStatus(db, target.name);
    expect(status.unknown).toEqual(['9999-from-the-future']);
    expect(status.pending).toEqual([]);
    const listed = await migrate(url, ['--status']);
    expect(listed.stdout).toContain('9999-from-the-future');
    expect(listed.stdout).toContain('1 from a newer release');
  });
});
