/**
 * `fengxiang worker --metrics-port N` as an operator runs it: a real worker process serves GET /metrics on
 * its own port with the worker's roles on every series, refuses a caller outside METRICS_ALLOW unless it
 * brings METRICS_TOKEN, and answers nothing else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleValue } from '../helpers/prometheus.js';
import { waitFor } from '../jobs/wait.js';
import { freePort } from '../helpers/ports.js';

// The worker compiles TypeScript on start: allow for a busy CI machine. No speed is asserted.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const TOKEN = 'worker-scrape-token';

describe('fengxiang worker --metrics-port', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fx-worker-metrics-'));
  let worker: ChildProcess;
  let base = '';
  let stderr = '';

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    worker = spawn(
      process.execPath,
      ['--import', TSX, MAIN, 'worker', '--roles', 'collect,deliver', '--metrics-port', String(port)],
      {
        cwd: dir,
        env: {
          ...process.env,
          DATABASE_URL: `sqlite:${join(dir, 'fx.sqlite')}`,
          JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'),
          REDIS_URL: '',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          METRICS_ALLOW: '10.0.0.0/8',
          METRICS_TOKEN: TOKEN,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    worker.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    await waitFor(
      async () => {
        if (worker.exitCode !== null) throw new Error(`the worker exited: ${stderr}`);
        return (await fetch(`${base}/metrics`).catch(() => null)) !== null;
      },
      'the worker metrics port',
      90_000,
    );
  });

  afterAll(async () => {
    if (worker.exitCode === null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses 127.0.0.1 outside METRICS_ALLOW without the token', async () => {
    const refused = await fetch(`${base}/metrics`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer guess' } });
    expect(wrong.status).toBe(403);
  });

  it('serves the metrics with the token, labelled with the worker roles', async () => {
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status, stderr).toBe(200);
    const text = await response.text();
    const labels = { queue: 'collect', state: 'waiting', roles: 'collect,deliver' };
    expect(sampleValue(text, 'fengxiang_queue_jobs', labels)).toBe(0);
    expect(text).toContain('fengxiang_process_cpu_seconds_total');
  });

  it('answers nothing but /metrics', async () => {
    const response = await fetch(`${base}/api/v1/items`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(404);
  });
});
