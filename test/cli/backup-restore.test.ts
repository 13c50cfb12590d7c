/**
 * Issue 9, Done-when: "A backup taken while ingesting restores to a database that passes an integrity check
 * and holds every item acknowledged before the backup." A real `fengxiang serve` takes pushed items over HTTP
 * without pause while a `fengxiang backup` process copies its database; the copy is restored into a new
 * place by `fengxiang restore` and checked there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../helpers/ports.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'fx-backup-'));
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${join(dir, 'live', 'fx.sqlite')}`,
  JOBS_SQLITE_PATH: join(dir, 'live', 'jobs.sqlite'),
  REDIS_URL: '',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
};
const children: ChildProcess[] = [];

/** Runs the CLI as a child process without blocking this one (the ingest loop keeps going meanwhile). */
function cli(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
    env: { ...env, ...extraEnv },
    cwd: dir,
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`server at ${url} never answered`);
}

async function post<T>(url: string, token: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

interface IngestAnswer {
  results: Array<{ status: string; id: string | null }>;
}

/** Pushes batches of new items until stopped, recording every item id the server acknowledged. */
class IngestLoop {
  readonly acknowledged: string[] = [];
  batches = 0;
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    let n = 0;
    while (!this.stopped) {
      const batch = Array.from({ length: 40 }, () => {
        n += 1;
        return {
          id: `bk-${n}`,
          content: `第${n}条：某区地铁站附近道路施工，市民反映噪音扰民，希望有关部门协调处理。编号${n}`,
          publishedAt: new Date(Date.UTC(2024, 4, 3, 8, 0, 0) + n * 1000).toISOString(),
        };
      });
      const answer = await post<IngestAnswer>(`${this.baseUrl}/api/v1/ingest`, this.token, batch);
      for (const result of answer.results) {
        if (result.status === 'accepted' && result.id) this.acknowledged.push(result.id);
      }
      this.batches += 1;
    }
  }
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('backup while ingesting, then restore', () => {
  let baseUrl = '';
  let server: ChildProcess;
  let pushToken = '';

  beforeAll(async () => {
    mkdirSync(join(dir, 'live'));
    expect((await cli(['migrate'])).code).toBe(0);
    writeFileSync(join(dir, 'pw'), 'a-long-enough-password\n');
    expect(
      (
        await cli([
          'admin',
          'create',
          '--username',
          'admin',
          '--unit',
          '某区委网信办',
          '--password-file',
          join(dir, 'pw'),
        ])
      ).code,
    ).toBe(0);
    const adminToken = (await cli(['token', 'create', '--user', 'admin'])).stdout.trim();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', TSX, MAIN, 'serve', '--port', String(port)], {
      env,
      cwd: dir,
    });
    children.push(server);
    await waitForHealth(`${baseUrl}/readyz`);
    const source = await post<{ id: string }>(`${baseUrl}/api/v1/sources`, adminToken, {
      name: '外部采集推送',
      kind: 'push',
      platform: 'weibo',
    });
    pushToken = (
      await post<{ token: string }>(`${baseUrl}/api/v1/sources/${source.id}/ingest-token`, adminToken, {})
    ).token;
  });

  it('holds every item acknowledged before the backup started, and passes the integrity check', async () => {
    const ingest = new IngestLoop(baseUrl, pushToken);
    ingest.start();
    while (ingest.batches < 15) await new Promise((r) => setTimeout(r, 100));
    const acknowledgedBefore = [...ingest.acknowledged];
    const backupFile = join(dir, 'backups', 'during-ingest.sqlite');
    const backup = await cli(['backup', '--out', backupFile]);
    const batchesDuringBackup = ingest.batches;
    await ingest.stop();
    expect(backup.stderr).toMatch(/100% of \d+ pages/);
    expect(backup.stdout).toMatch(
      /during-ingest\.sqlite: \d+ tables, \d+ items, .* integrity ok, foreign keys ok/,
    );
    expect(backup.code).toBe(0);
    expect(existsSync(join(dir, 'backups', 'during-ingest.jobs.sqlite'))).toBe(true);
    expect(batchesDuringBackup).toBeGreaterThanOrEqual(15);

    const refused = await cli(['restore', backupFile, '--force']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[RESTORE_TARGET_IN_USE]');

    const restoredDir = join(dir, 'restored');
    const restored = await cli(['restore', backupFile], {
      DATABASE_URL: `sqlite:${join(restoredDir, 'fx.sqlite')}`,
      JOBS_SQLITE_PATH: join(restoredDir, 'jobs.sqlite'),
    });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/restored database from .*during-ingest\.sqlite \(\d+ items\)/);
    expect(restored.stdout).toContain('restored job queue');

    const database = new BetterSqlite3(join(restoredDir, 'fx.sqlite'), { readonly: true });
    try {
      expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(database.pragma('foreign_key_check')).toEqual([]);
      const stored = new Set(
        (database.prepare('select id from items').all() as Array<{ id: string }>).map((row) => row.id),
      );
      const missing = acknowledgedBefore.filter((id) => !stored.has(id));
      expect(acknowledgedBefore.length).toBeGreaterThanOrEqual(15 * 40);
      expect(missing).toEqual([]);
    } finally {
      database.close();
    }
  });

  it('replaces an existing database only with --force, keeping the old one', async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    const backupFile = join(dir, 'backups', 'during-ingest.sqlite');
    const without = await cli(['restore', backupFile]);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('[RESTORE_TARGET_EXISTS]');
    const forced = await cli(['restore', backupFile, '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    const kept = /kept as (\S+)/.exec(forced.stdout)?.[1];
    expect(kept).toMatch(/fx\.sqlite\.before-restore-\d{8}-\d{6}$/);
    expect(existsSync(kept ?? 'missing')).toBe(true);
  });

  it('names what is wrong with a file that is no backup', async () => {
    writeFileSync(join(dir, 'not-a-db.sqlite'), 'hello');
    expect((await cli(['restore', join(dir, 'missing.sqlite')])).stderr).toContain('[BACKUP_NOT_FOUND]');
    expect((await cli(['restore', join(dir, 'not-a-db.sqlite')])).stderr).toContain('[BACKUP_INVALID]');
    const postgres = await cli(['backup'], { DATABASE_URL: 'postgres://fx@127.0.0.1:1/fx' });
    expect(postgres.code).toBe(1);
    expect(postgres.stderr).toContain('[BACKUP_UNSUPPORTED]');
    expect(postgres.stderr).toContain('pg_dump');
  });
});
