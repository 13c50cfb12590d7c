/**
 * `fengxiang import` as an operator runs it, as a real child process on a real SQLite file: a JSONL file of
 * 6,000 items with three bad lines gives an exact summary naming the bad lines; an import killed with
 * SIGKILL after its first batches is finished by running it again, with nothing lost and nothing twice.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStorage } from '../../src/storage/index.js';

// Every test here starts real `fengxiang` processes (each compiles TypeScript on start): on a busy CI
// machine a test of several commands needs more than the default 30 s. No speed is asserted.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const ROOT = join(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'src/cli/main.ts');
/** tsx's loader by absolute URL, because the commands run with a temporary folder as working directory. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'fx-cli-import-'));
const DATABASE_URL = `sqlite:${join(dir, 'fx.sqlite')}`;
const env = {
  ...process.env,
  DATABASE_URL,
  DATA_DIR: dir,
  JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'),
  REDIS_URL: '',
  LOG_LEVEL: 'warn',
};

/** The `--json` summary of an import. */
interface Summary {
  read: number;
  inserted: number;
  updated: number;
  duplicates: number;
  rejected: number;
  format: string;
  sourceId: string;
  rejections: { line: number; reason: string }[];
}

const TOWNS = ['木渎', '甪直', '光福', '东山', '胥口', '临湖', '越溪', '横泾'];
const TOPICS = ['道路积水', '噪音扰民', '停车难', '垃圾清运', '公交班次', '学校招生', '菜价上涨', '路灯不亮'];

/** One generated forum post as a JSONL line; `prefix` keeps the ids of two files apart. */
function itemLine(prefix: string, index: number): string {
  const town = TOWNS[index % TOWNS.length] ?? '';
  const topic = TOPICS[Math.floor(index / TOWNS.length) % TOPICS.length] ?? '';
  return JSON.stringify({
    id: `${prefix}-${index}`,
    title: `${town}${topic}（${prefix}${index}）`,
    content: `${town}镇居民反映${topic}问题，编号${prefix}${index}，已持续${(index % 29) + 1}天，希望尽快处理。`,
    url: `https://bbs.example.cn/${prefix}/thread/${index}`,
    time: `2024-05-0${(index % 3) + 1}T${String(index % 24).padStart(2, '0')}:15:00+08:00`,
    likes: index % 97,
  });
}

function cliArgs(args: string[]): string[] {
  return ['--import', TSX, MAIN, ...args];
}

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, cliArgs(args), {
    env,
    cwd: dir,
    encoding: 'utf8',
    timeout: 150_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function summaryOf(stdout: string): Summary {
  return JSON.parse(stdout.trim()) as Summary;
}

/** The unit's stored items, counted through the storage layer. */
async function storedItems(): Promise<number> {
  const storage = await openStorage(DATABASE_URL);
  try {
    return await storage.items.count({ unitIds: null });
  } finally {
    await storage.close();
  }
}

/** The highest "new N" the progress line has shown. */
function progressNew(stderr: string): number {
  const counts = [...stderr.matchAll(/new ([\d,]+)/gu)].map((match) =>
    Number((match[1] ?? '0').replace(/,/gu, '')),
  );
  return counts.length > 0 ? Math.max(...counts) : 0;
}

beforeAll(() => {
  const passwordFile = join(dir, 'pw');
  writeFileSync(passwordFile, 'a-long-enough-password\n');
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
  expect(admin.stderr).toBe('');
  expect(admin.code).toBe(0);
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('fengxiang import', () => {
  it('imports 6,000 JSONL items and names the three bad lines', () => {
    const lines = Array.from({ length: 6_000 }, (_, i) => itemLine('a', i));
    lines.splice(1, 0, '{"id": "broken", "content": "没有结尾');
    lines.splice(3_000, 0, JSON.stringify({ id: 'empty', likes: 3 }));
    lines.push('["not", "an", "object"]');
    const file = join(dir, 'sample.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const result = cli(['import', file, '--json', '--source', '导入 样本']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/new 6,000/u);
    const summary = summaryOf(result.stdout);
    expect(summary).toMatchObject({
      format: 'jsonl',
      read: 6_003,
      inserted: 6_000,
      updated: 0,
      duplicates: 0,
      rejected: 3,
    });
    expect(summary.rejections.map((rejection) => rejection.line)).toEqual([2, 3_001, 6_003]);
    expect(summary.rejections.every((rejection) => rejection.reason.length > 0)).toBe(true);
    expect(summary.rejections[0]?.reason).toMatch(/JSON/u);
  }, 180_000);

  it('finishes an import killed after its first batches with nothing lost and nothing twice', async () => {
    const file = join(dir, 'large.jsonl');
    writeFileSync(file, `${Array.from({ length: 12_000 }, (_, i) => itemLine('b', i)).join('\n')}\n`);
    const args = ['import', file, '--json', '--source', '导入 大文件'];

    const child = spawn(process.execPath, cliArgs(args), { env, cwd: dir });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => {
      child.on('exit', (_code, signal) => resolve(signal));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (progressNew(stderr) >= 2000) child.kill('SIGKILL');
    });
    expect(await exited).toBe('SIGKILL');
    expect(stdout).toBe('');
    const seenBeforeKill = progressNew(stderr);
    expect(seenBeforeKill).toBeGreaterThanOrEqual(2000);
    expect(seenBeforeKill).toBeLessThan(12_000);
    const afterKill = await storedItems();
    expect(afterKill - 6_000).toBeGreaterThanOrEqual(seenBeforeKill);
    expect(afterKill - 6_000).toBeLessThan(12_000);

    const rerun = cli(args);
    expect(rerun.code).toBe(0);
    const summary = summaryOf(rerun.stdout);
    expect(summary).toMatchObject({ read: 12_000, rejected: 0, updated: 0 });
    expect(summary.duplicates).toBe(afterKill - 6_000);
    expect(summary.inserted).toBe(12_000 - summary.duplicates);
    expect(await storedItems()).toBe(6_000 + 12_000);

    const again = summaryOf(cli(args).stdout);
    expect(again).toMatchObject({ inserted: 0, duplicates: 12_000, sourceId: summary.sourceId });
    expect(await storedItems()).toBe(18_000);
  }, 180_000);
});
