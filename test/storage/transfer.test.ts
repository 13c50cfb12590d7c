/**
 * `fengxiang copy`: a real SQLite installation (the demo workspace built by the CLI, plus a login, an
 * incident, evidence with binary files, an edited item and values only SQLite can hold) copied into a real
 * PostgreSQL database, then read back through the normal repositories: counts, search, login, events,
 * alerts and incidents equal, and new items numbered after the copied ones. Also: refusal of a non-empty
 * target, --resume after an interrupted copy, a source changed after the copy caught by the checksums, and
 * clear errors for a bad source, a source at another migration and an unreachable target.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseExpression } from '../../src/analysis/expression/parser.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import { createAuthService } from '../../src/auth/index.js';
import type { Incident } from '../../src/domain/index.js';
import { systemClock } from '../../src/platform/clock.js';
import { newId } from '../../src/platform/ids.js';
import { openStorage, type Storage } from '../../src/storage/index.js';
import { openDatabase } from '../../src/storage/db.js';
import {
  copySqliteToPostgres,
  foreignKeyOrder,
  type CopyOptions,
  type CopyReport,
} from '../../src/storage/transfer/index.js';
import { openSource } from '../../src/storage/transfer/source.js';
import { postgresTarget } from '../helpers/databases.js';

// The demo workspace is built by the real CLI (it compiles TypeScript and analyses a few hundred items),
// and each target database is migrated from scratch; no speed is asserted.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 240_000 });

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const PASSWORD = 'demo-password-1234';
const HUGE_VIEWS = 2n ** 53n + 7n;
const ALL = { unitIds: null };

const dir = mkdtempSync(join(tmpdir(), 'fx-transfer-'));
const SOURCE_PATH = join(dir, 'fx.sqlite');
const SOURCE_URL = `sqlite:${SOURCE_PATH}`;

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: SOURCE_URL,
      DATA_DIR: dir,
      JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'),
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
    },
    cwd: dir,
    encoding: 'utf8',
    timeout: 200_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function incident(unitId: string, openedBy: string): Incident {
  const at = Date.now();
  return {
    id: newId(at),
    unitId,
    title: '东湖区道路积水处置',
    description: '核查积水情况并回应',
    category: 'public_safety',
    level: 'orange',
    state: 'verifying',
    origin: 'manual',
    alertId: null,
    eventId: null,
    handlerUserId: openedBy,
    verification: null,
    closingSummary: null,
    review: null,
    openedBy,
    openedAt: at,
    closedBy: null,
    closedAt: null,
    reopenCount: 0,
    createdAt: at,
    updatedAt: at,
  };
}

/** What the demo leaves empty: a session and audit rows, an incident, evidence files, an item version. */
async function addCaseWork(): Promise<void> {
  const storage = await openStorage(SOURCE_URL);
  try {
    const auth = createAuthService(storage, systemClock, {
      sessionTtlMs: 3_600_000,
      login: { maxFailuresPerUsername: 5, maxFailuresPerIp: 20, windowMs: 60_000 },
    });
    const { user } = await auth.login({
      username: 'demo-handler',
      password: PASSWORD,
      ip: null,
      userAgent: null,
    });
    const page = await storage.items.search({
      scope: ALL,
      match: null,
      filters: {},
      sort: 'time',
      page: { limit: 3 },
    });
    const [first, second] = page.items;
    if (!first || !second) throw new Error('the demo made fewer than two items');
    const record = await storage.incidents.insert(incident(user.unitId, user.id));
    await storage.incidents.addItems(record.id, [first.id, second.id], user.id, Date.now());
    const edited = `${first.content}。更正：积水已排除。`;
    await storage.items.updateContent(first.id, {
      title: first.title,
      content: edited,
      normalizedText: edited,
      tokens: new Segmenter().tokensForIndex(edited),
      contentHash: 'edited-content',
      updatedAt: Date.now(),
    });
    await storage.evidence.insert(
      {
        id: newId(Date.now()),
        unitId: user.unitId,
        itemId: first.id,
        recordType: 'incident',
        recordId: record.id,
        capturedAt: Date.now(),
        capturedBy: user.id,
        sourceUrl: first.url ?? 'https://news.example.cn/1.html',
        finalUrl: null,
        httpStatus: 200,
        contentType: 'text/html',
        rawSha256: 'a'.repeat(64),
        rawSize: 7,
        pageError: null,
        itemText: first.content,
        itemTextSha256: 'b'.repeat(64),
        pageText: null,
        pageTextSha256: null,
        screenshotSha256: null,
        screenshotSize: null,
        screenshotSkipped: 'no_browser_configured',
        item: {
          title: first.title,
          author: first.author,
          platform: first.platform,
          url: first.url,
          publishedAt: first.publishedAt,
          collectedAt: first.collectedAt,
          contentHash: first.contentHash,
        },
      },
      [{ kind: 'raw', sha256: 'a'.repeat(64), bytes: Buffer.from([0, 1, 2, 0xff, 0xfe, 0x00, 0x80]) }],
    );
  } finally {
    await storage.close();
  }
}

/** Values PostgreSQL stores differently: an integer beyond 2^53 and text with a NUL character. */
function addEdgeValues(): void {
  const db = new Database(SOURCE_PATH);
  try {
    db.prepare('update items set views = ? where seq = (select min(seq) from items)').run(HUGE_VIEWS);
    db.prepare(`update item_versions set title = 'before' || char(0) || 'after'`).run();
  } finally {
    db.close();
  }
}

async function withStorage<T>(url: string, work: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStorage(url, { migrate: false });
  try {
    return await work(storage);
  } finally {
    await storage.close();
  }
}

async function rawQuery<T>(url: string, query: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const handle = openDatabase(url);
  try {
    return await query(handle.db.withoutPlugins() as unknown as Kysely<unknown>);
  } finally {
    await handle.close();
  }
}

function countOf(report: CopyReport, table: string): number {
  const entry = report.tables.find((each) => each.table === table);
  if (!entry) throw new Error(`no ${table} in the report`);
  return entry.targetRows;
}

const targets: Array<{ drop(): Promise<void> }> = [];

async function newTarget(): Promise<string> {
  if (!postgresTarget) throw new Error('PostgreSQL is not configured');
  const created = await postgresTarget.create();
  targets.push(created);
  return created.url;
}

function copy(to: string, options: Partial<CopyOptions> = {}): Promise<CopyReport> {
  return copySqliteToPostgres({ from: SOURCE_URL, to, batchSize: 40, ...options });
}

afterAll(async () => {
  for (const target of targets) await target.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('copy order', () => {
  it('puts every table after the tables it references, computed from the migrated schema', async () => {
    const url = `sqlite:${join(dir, 'schema.sqlite')}`;
    await (await openStorage(url)).close();
    const source = openSource(url);
    try {
      const tables = foreignKeyOrder(source.tables());
      const position = new Map(tables.map((table, index) => [table.name, index]));
      expect(position.has('items')).toBe(true);
      expect(position.has('users')).toBe(true);
      for (const skipped of ['items_fts', 'items_fts_data', 'schema_migrations', 'sqlite_sequence'])
        expect(position.has(skipped)).toBe(false);
      for (const table of tables)
        for (const parent of table.parents)
          expect(position.get(parent)).toBeLessThan(position.get(table.name) ?? -1);
      expect(tables.find((t) => t.name === 'units')?.selfReferences).toEqual(['parent_id']);
      expect(tables.find((t) => t.name === 'event_items')?.key).toEqual(['item_id']);
    } finally {
      source.close();
    }
  });

  it('names the tables of a foreign-key cycle', () => {
    expect(() =>
      foreignKeyOrder([
        { name: 'a', parents: ['b'] },
        { name: 'b', parents: ['a'] },
        { name: 'c', parents: [] },
      ]),
    ).toThrow(/cycle between a, b/);
  });
});

describe('copy: bad inputs', () => {
  it('refuses a source path that does not exist, and creates nothing there', async () => {
    const missing = join(dir, 'nowhere', 'fx.sqlite');
    await expect(
      copySqliteToPostgres({ from: `sqlite:${missing}`, to: 'postgres://127.0.0.1:1/x' }),
    ).rejects.toMatchObject({ code: 'TRANSFER_SOURCE_INVALID', message: expect.stringContaining(missing) });
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a file that is not a Fengxiang database', async () => {
    const other = join(dir, 'other.sqlite');
    writeFileSync(other, 'not a database at all, just text '.repeat(40));
    await expect(
      copySqliteToPostgres({ from: `sqlite:${other}`, to: 'postgres://127.0.0.1:1/x' }),
    ).rejects.toMatchObject({
      code: 'TRANSFER_SOURCE_INVALID',
    });
    const empty = join(dir, 'empty.sqlite');
    new Database(empty).close();
    await expect(
      copySqliteToPostgres({ from: `sqlite:${empty}`, to: 'postgres://127.0.0.1:1/x' }),
    ).rejects.toThrow(/not a Fengxiang database/);
  });

  describe('with a migrated source', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    let silentPort = 0;
    const source = join(dir, 'migrated.sqlite');

    beforeAll(async () => {
      await (await openStorage(`sqlite:${source}`)).close();
      silent = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const address = silent.address();
      silentPort = typeof address === 'object' && address ? address.port : 0;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('gives up on a target that accepts connections but never answers, within the timeout', async () => {
      await expect(
        copySqliteToPostgres({
          from: `sqlite:${source}`,
          to: `postgres://fx:fx@127.0.0.1:${silentPort}/fx`,
          connectTimeoutMs: 300,
        }),
      ).rejects.toMatchObject({
        code: 'STORAGE_UNAVAILABLE',
        message: expect.stringMatching(new RegExp(`127\\.0\\.0\\.1:${silentPort}.*no answer within 300 ms`)),
      });
    });

    it('names the target it could not reach when nothing listens', async () => {
      await expect(
        copySqliteToPostgres({ from: `sqlite:${source}`, to: 'postgres://fx:fx@127.0.0.1:1/fx' }),
      ).rejects.toMatchObject({
        code: 'STORAGE_UNAVAILABLE',
        message: expect.stringContaining('127.0.0.1:1/fx'),
      });
    });

    it('refuses a batch size out of range before touching anything', async () => {
      await expect(
        copySqliteToPostgres({ from: `sqlite:${source}`, to: 'postgres://127.0.0.1:1/x', batchSize: 0 }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });
});

describe.skipIf(!postgresTarget)('copy: SQLite installation to PostgreSQL', () => {
  let target = '';
  let report: CopyReport;
  let maxSourceSeq = 0;

  beforeAll(async () => {
    writeFileSync(join(dir, 'pw'), `${PASSWORD}\n`);
    const demo = cli(['demo', '--no-serve', '--seed-days', '1', '--password-file', join(dir, 'pw')]);
    expect(demo.code, demo.stderr).toBe(0);
    await addCaseWork();
    addEdgeValues();
    const db = new Database(SOURCE_PATH, { readonly: true });
    maxSourceSeq = Number(db.prepare('select max(seq) from items').pluck().get());
    db.close();
    target = await newTarget();
    report = await copy(target);
  });

  it('copies every table with equal counts and checksums, and reports what PostgreSQL could not hold', async () => {
    expect(report.matches).toBe(true);
    for (const table of report.tables) {
      expect(table.targetRows, table.table).toBe(table.sourceRows);
      expect(table.targetChecksum, table.table).toBe(table.sourceChecksum);
    }
    for (const table of [
      'users',
      'user_roles',
      'sessions',
      'sources',
      'items',
      'item_versions',
      'events',
      'event_items',
      'alerts',
      'alert_deliveries',
      'incidents',
      'incident_items',
      'evidence',
      'evidence_blobs',
      'hot_sightings',
      'audit_log',
    ])
      expect(countOf(report, table), table).toBeGreaterThan(0);
    expect(report.adjustments).toContainEqual({
      table: 'item_versions',
      column: 'title',
      adjustment: 'nul-removed',
      count: 1,
    });
    const counted = await rawQuery(target, async (db) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from items`.execute(db);
      return Number(rows[0]?.n);
    });
    expect(counted).toBe(countOf(report, 'items'));
  });

  it('keeps exact integers beyond 2^53 and binary files byte for byte', async () => {
    const { views, blob } = await rawQuery(target, async (db) => {
      const viewsRow = await sql<{
        views: string;
      }>`select views::text as views from items order by seq limit 1`.execute(db);
      const blobRow = await sql<{ bytes: Buffer }>`select bytes from evidence_blobs`.execute(db);
      return { views: viewsRow.rows[0]?.views, blob: blobRow.rows[0]?.bytes };
    });
    expect(views).toBe(HUGE_VIEWS.toString());
    expect(blob?.equals(Buffer.from([0, 1, 2, 0xff, 0xfe, 0x00, 0x80]))).toBe(true);
  });

  it('finds the same items for a keyword search on both engines', async () => {
    const segmenter = new Segmenter();
    const search = async (url: string, word: string): Promise<string[]> =>
      withStorage(url, async (storage) => {
        const page = await storage.items.search({
          scope: ALL,
          match: segmenter.toSearchTree(parseExpression(word)),
          filters: {},
          sort: 'time',
          page: { limit: 1000 },
        });
        return page.items.map((item) => item.id).sort();
      });
    const keyword = await withStorage(SOURCE_URL, async (storage) => {
      const page = await storage.items.search({
        scope: ALL,
        match: null,
        filters: {},
        sort: 'time',
        page: { limit: 1 },
      });
      return page.items[0]?.keywords[0];
    });
    expect(keyword).toBeTruthy();
    const fromSource = await search(SOURCE_URL, keyword ?? '');
    expect(fromSource.length).toBeGreaterThan(0);
    expect(await search(target, keyword ?? '')).toEqual(fromSource);
  });

  it('lets a user log in on PostgreSQL with the password set on SQLite', async () => {
    await withStorage(target, async (storage) => {
      const auth = createAuthService(storage, systemClock, {
        sessionTtlMs: 3_600_000,
        login: { maxFailuresPerUsername: 5, maxFailuresPerIp: 20, windowMs: 60_000 },
      });
      const result = await auth.login({
        username: 'demo-admin',
        password: PASSWORD,
        ip: null,
        userAgent: null,
      });
      expect(result.user.username).toBe('demo-admin');
      await expect(
        auth.login({ username: 'demo-admin', password: 'wrong-password-123', ip: null, userAgent: null }),
      ).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    });
  });

  it('reads back events, alerts and incidents equal to the source', async () => {
    const readAll = (url: string) =>
      withStorage(url, async (storage) => ({
        events: (await storage.events.list(ALL, {}, 'heat', { limit: 1000 })).items,
        alerts: (await storage.alerts.list(ALL, {}, { limit: 1000 })).items,
        incidents: (await storage.incidents.list(ALL, {}, { limit: 1000 })).items,
      }));
    const before = await readAll(SOURCE_URL);
    const after = await readAll(target);
    expect(before.events.length).toBeGreaterThan(0);
    expect(before.alerts.length).toBeGreaterThan(0);
    expect(before.incidents.length).toBe(1);
    expect(after.events).toEqual(before.events);
    expect(after.incidents).toEqual(before.incidents);
    // Heat-growth alerts keep the fractional heat they were last notified at, on both engines.
    expect(before.alerts.some((alert) => !Number.isInteger(alert.notifiedCount))).toBe(true);
    expect(after.alerts).toEqual(before.alerts);
  });

  it('numbers an item stored on PostgreSQL after the copy past every copied one', async () => {
    const ids = await withStorage(target, async (storage) => {
      const [unit] = await storage.units.list(ALL);
      if (!unit) throw new Error('no unit copied');
      return storage.items.insertMany([
        {
          unitId: unit.id,
          sourceId: null,
          kind: 'post',
          content: '迁移后的第一条信息',
          contentHash: 'after-copy',
          publishedAt: Date.now(),
          collectedAt: Date.now(),
        },
      ]);
    });
    const seq = await rawQuery(target, async (db) => {
      const { rows } = await sql<{ seq: number }>`select seq from items where id = ${ids[0] ?? ''}`.execute(
        db,
      );
      return Number(rows[0]?.seq);
    });
    expect(seq).toBeGreaterThan(maxSourceSeq);
  });

  it('refuses to copy into a target that already holds rows', async () => {
    await expect(copy(target)).rejects.toMatchObject({
      code: 'TRANSFER_TARGET_NOT_EMPTY',
      message: expect.stringContaining('--resume'),
    });
  });

  it('finishes an interrupted copy with --resume', async () => {
    const second = await newTarget();
    const abort = new AbortController();
    await expect(
      copy(second, {
        signal: abort.signal,
        onProgress: (progress) => {
          if (progress.table === 'items' && progress.done >= 80) abort.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'TRANSFER_INTERRUPTED' });
    const partial = await rawQuery(second, async (db) => {
      const { rows } = await sql<{ n: number }>`select count(*) as n from items`.execute(db);
      return Number(rows[0]?.n);
    });
    expect(partial).toBe(80);
    await expect(copy(second)).rejects.toMatchObject({ code: 'TRANSFER_TARGET_NOT_EMPTY' });
    const resumed = await copy(second, { resume: true });
    expect(resumed.matches).toBe(true);
    expect(resumed.adjustments).toEqual(report.adjustments);
    expect(countOf(resumed, 'items')).toBe(countOf(report, 'items'));
    expect(resumed.tables.map((t) => [t.table, t.targetChecksum])).toEqual(
      report.tables.map((t) => [t.table, t.targetChecksum]),
    );
  });

  it('refuses a source at another migration than this build', async () => {
    const behind = join(dir, 'behind.sqlite');
    copyFileSync(SOURCE_PATH, behind);
    const db = new Database(behind);
    db.prepare('delete from schema_migrations where name = (select max(name) from schema_migrations)').run();
    db.close();
    await expect(
      copySqliteToPostgres({ from: `sqlite:${behind}`, to: await newTarget() }),
    ).rejects.toMatchObject({
      code: 'TRANSFER_SCHEMA_MISMATCH',
      message: expect.stringContaining('fengxiang migrate'),
    });
  });

  it('runs from the command line with progress, a table of counts and exit 0', async () => {
    const run = cli(['copy', '--from', SOURCE_URL, '--to', await newTarget(), '--batch', '100']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/copy items: \d+\/\d+ rows \(100%\), \d+ rows\/s/);
    expect(run.stdout).toMatch(/^items\s+\d+\s+\d+\s+ok$/m);
    expect(run.stdout).toMatch(new RegExp(`all ${report.tables.length} tables match`));
  });

  it('fails with a non-zero exit when the source changed after the copy', async () => {
    const db = new Database(SOURCE_PATH);
    db.prepare(
      `update users set display_name = display_name || '（改）' where username = 'demo-viewer'`,
    ).run();
    db.close();
    const run = cli(['copy', '--from', SOURCE_URL, '--to', target, '--resume']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^users\s+\d+\s+\d+\s+DIFFERS/m);
    expect(run.stderr).toContain('[TRANSFER_VERIFY_FAILED]');
    expect(run.stderr).toContain('users');
  });

  it('reports a missing source from the command line', () => {
    const run = cli([
      'copy',
      '--from',
      `sqlite:${join(dir, 'missing.sqlite')}`,
      '--to',
      'postgres://127.0.0.1:1/x',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[TRANSFER_SOURCE_INVALID]');
  });
});
