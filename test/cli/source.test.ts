/**
 * `fengxiang source …` as an operator runs it: add a feed source served by a real fixture server on
 * 127.0.0.1 (allowed through FETCH_ALLOW_PRIVATE_HOSTS, the only way collectors reach loopback), test it
 * without storing, fetch it twice (the second is a 304), read its history, pause it; and the errors.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';

// Every test here starts real `fengxiang` processes (each compiles TypeScript on start): on a busy CI
// machine a test of several commands needs more than the default 30 s. No speed is asserted.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const FEED = readFileSync(join(ROOT, 'test/fixtures/sources/feed/rss2.xml'));
const dir = mkdtempSync(join(tmpdir(), 'fx-cli-source-'));
let server: FixtureServer;

/** Runs the CLI in a child process without blocking this one (the fixture server answers from here). */
function cli(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, MAIN, ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: `sqlite:${join(dir, 'fx.sqlite')}`,
          JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'),
          REDIS_URL: '',
          LOG_LEVEL: 'warn',
          FETCH_ALLOW_PRIVATE_HOSTS: new URL(server.origin).host,
          ...extraEnv,
        },
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  server = await startFixtureServer({
    '/feed.xml': (request) =>
      request.headers['if-none-match'] === '"f1"'
        ? { status: 304 }
        : { headers: { 'content-type': 'application/rss+xml', etag: '"f1"' }, body: FEED },
  });
  writeFileSync(join(dir, 'pw'), 'correct-horse-battery\n');
  const admin = await cli([
    'admin',
    'create',
    '--username',
    'admin',
    '--unit',
    '江城网信办',
    '--password-file',
    'pw',
  ]);
  expect(admin.code, admin.stderr).toBe(0);
}, 60_000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fengxiang source', () => {
  let id = '';

  it('tests a feed without storing anything', async () => {
    const result = await cli([
      'source',
      'test',
      '--kind',
      'feed',
      '--url',
      server.url('/feed.xml'),
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const preview = JSON.parse(result.stdout) as { ok: boolean; found: number; items: { title: string }[] };
    expect(preview).toMatchObject({ ok: true, found: 3 });
    expect(preview.items.map((item) => item.title)).toContain('暴雨蓝色预警');
    const listed = JSON.parse((await cli(['source', 'list', '--json'])).stdout) as unknown[];
    expect(listed).toEqual([]);
  });

  it('adds, fetches (then 304), lists history and pauses a source', async () => {
    const added = await cli([
      'source',
      'add',
      '--name',
      '江城日报',
      '--kind',
      'feed',
      '--url',
      server.url('/feed.xml'),
      '--json',
    ]);
    expect(added.code, added.stderr).toBe(0);
    id = (JSON.parse(added.stdout) as { id: string }).id;

    const first = await cli(['source', 'fetch', id]);
    expect(first.stdout).toContain('ok: found 3, new 3');
    const second = await cli(['source', 'fetch', id]);
    expect(second.stdout).toContain('not_modified');
    expect(server.count('/feed.xml')).toBe(3);
    expect(server.count('/robots.txt')).toBeGreaterThan(0);

    const runs = JSON.parse((await cli(['source', 'runs', id, '--json'])).stdout) as { outcome: string }[];
    expect(runs.map((run) => run.outcome)).toEqual(['not_modified', 'ok']);

    expect((await cli(['source', 'pause', id])).stdout).toContain('paused');
    const listed = JSON.parse((await cli(['source', 'list', '--json'])).stdout) as {
      id: string;
      enabled: boolean;
    }[];
    expect(listed).toEqual([expect.objectContaining({ id, enabled: false })]);
  });

  it('refuses loopback unless the host is allowed', async () => {
    const result = await cli(['source', 'test', '--kind', 'feed', '--url', server.url('/feed.xml')], {
      FETCH_ALLOW_PRIVATE_HOSTS: '',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FETCH_BLOCKED_ADDRESS');
  });

  it.each([
    [['source', 'add', '--name', 'x', '--kind', 'page'], 'item:'],
    [['source', 'add', '--name', 'x', '--kind', 'rss'], '--kind must be one of'],
    [['source', 'add', '--kind', 'feed'], '--name is required'],
    [['source', 'add', '--name', 'x', '--kind', 'feed', '--source-config', '{oops'], 'not valid JSON'],
    [['source', 'fetch', 'nope'], 'no source with the id "nope"'],
    [['source', 'dance'], 'unknown action "dance"'],
  ])('%j fails with a clear message', async (args, message) => {
    const result = await cli(args);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(message);
  });
});
