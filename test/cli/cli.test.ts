/**
 * The command line end to end, as an operator runs it: migrate, first administrator, token, serve (real
 * HTTP on 127.0.0.1), graceful stop; and the errors an operator sees for bad input.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../helpers/ports.js';

// Every test here starts real `fengxiang` processes (each compiles TypeScript on start): on a busy CI
// machine a test of several commands needs more than the default 30 s. No speed is asserted.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
/** tsx's loader by absolute URL, because the commands run with a temporary folder as working directory. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'fx-cli-'));
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${join(dir, 'fx.sqlite')}`,
  JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'),
  REDIS_URL: '',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
};
const children: ChildProcess[] = [];

function cli(args: string[], extraEnv: Record<string, string> = {}, input?: string) {
  const result = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    env: { ...env, ...extraEnv },
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    ...(input !== undefined ? { input } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function waitForHealth(url: string): Promise<Response> {
  for (let i = 0; i < 150; i++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`server at ${url} never answered`);
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('fengxiang CLI', () => {
  it('migrates, creates the first administrator and a token', () => {
    const migrate = cli(['migrate']);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('0001-core');
    expect(cli(['migrate']).stdout).toContain('schema is up to date');

    const passwordFile = join(dir, 'pw');
    writeFileSync(passwordFile, 'a-long-enough-password\n');
    const admin = cli([
      'admin',
      'create',
      '--username',
      'admin',
      '--unit',
      '某区委网信办',
      '--password-file',
      passwordFile,
    ]);
    expect(admin.stderr).toBe('');
    expect(admin.code).toBe(0);
    expect(admin.stdout).toMatch(/created administrator admin .* of unit 某区委网信办/);

    const again = cli(['admin', 'create', '--username', 'other'], {}, 'another-long-password\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[CONFLICT]');

    const token = cli(['token', 'create', '--user', 'admin', '--name', 'test']);
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^fx_[A-Za-z0-9_-]{20,}$/);
  });

  it('writes reports to files, and stores a draft when asked', () => {
    const markdown = join(dir, 'daily.md');
    const written = cli(['report', 'daily', '--date', '2024-05-03', '--format', 'md', '--out', markdown]);
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/wrote .*daily\.md .*6 sections.*no data in the period/);
    const text = readFileSync(markdown, 'utf8');
    expect(text).toContain('网络舆情日报');
    expect(text).toContain('本期未监测到相关信息');
    const pdf = join(dir, 'summary.pdf');
    const saved = cli([
      'report',
      'work_summary',
      '--from',
      '2024-01-01',
      '--to',
      '2024-06-30',
      '--format',
      'pdf',
      '--out',
      pdf,
      '--save',
    ]);
    expect(saved.code).toBe(0);
    expect(saved.stderr).toMatch(/stored as draft \S+/);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('serves the API on the configured port and stops on SIGTERM', async () => {
    const token = cli(['token', 'create', '--user', 'admin']).stdout.trim();
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', TSX, MAIN, 'serve', '--port', String(port)], {
      env,
      cwd: dir,
    });
    children.push(child);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const health = await waitForHealth(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const units = await fetch(`http://127.0.0.1:${port}/api/v1/units`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(units.status).toBe(200);
    const body = (await units.json()) as { items: Array<{ name: string }> };
    expect(body.items.map((u) => u.name)).toEqual(['某区委网信办']);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it.each([
    [['bogus'], 2, 'unknown command "bogus"'],
    [['admin', 'create'], 1, '--username is required'],
    [['token', 'create', '--user', 'nobody'], 1, 'no user named "nobody"'],
    [
      ['token', 'create', '--user', 'admin', '--expires-days', 'soon'],
      1,
      '--expires-days must be a positive number',
    ],
    [['migrate', '--verbose'], 1, "Unknown option '--verbose'"],
    [['worker', '--roles', 'collect,dance'], 1, 'dance'],
    [['report', 'yearly', '--format', 'md', '--out', 'r.md'], 1, 'TYPE must be one of daily, weekly'],
    [
      ['report', 'daily', '--format', 'odt', '--out', 'r.odt'],
      1,
      '--format must be one of docx, pdf, md, html',
    ],
    [['report', 'daily', '--format', 'md', '--out', 'r.md'], 1, 'a daily report needs --date YYYY-MM-DD'],
    [
      ['report', 'daily', '--date', '2024-02-30', '--format', 'md', '--out', 'r.md'],
      1,
      'date must be a date',
    ],
    [['report', 'special', '--format', 'md', '--out', 'r.md'], 1, 'a special report needs --event ID'],
  ])('fengxiang %j exits %i with a clear message', (args, code, message) => {
    const result = cli(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });

  it('names the bad setting when the configuration is invalid', () => {
    const result = cli(['migrate'], { PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[CONFIG_INVALID]');
    expect(result.stderr).toContain('PORT="eighty"');
    expect(result.stderr).toContain('DATABASE_URL');
  });
});
