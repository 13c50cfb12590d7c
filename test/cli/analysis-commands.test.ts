/**
 * `fengxiang analyze`, `match`, `dedup` and `corrections export` as real processes with stdin and stdout
 * (DESIGN.md §6): one output line per input line in order, bad lines answered with their line number and
 * the run going on, syntax errors with a position, and staff corrections exported as training JSONL.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'fx-cli-analysis-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DATABASE_URL = `sqlite:${join(dir, 'fx.sqlite')}`;

function cli(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', TSX, MAIN, ...args],
      {
        env: { ...process.env, DATABASE_URL, JOBS_SQLITE_PATH: join(dir, 'jobs.sqlite'), LOG_LEVEL: 'warn' },
        cwd: dir,
        encoding: 'utf8',
        timeout: 90_000,
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });
}

function lines(stdout: string): Record<string, unknown>[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('analysis commands', () => {
  it('analyze answers every line in order, with times in the unit zone and errors by line', async () => {
    const input = [
      JSON.stringify({
        id: 'a1',
        title: '昆山一小区停水三天',
        text: '我们小区已经停水三天了，物业不管，恳请住建局尽快解决！',
        publishedText: '昨天 14:20',
        fetchedAt: '2024-05-03T10:00:00+08:00',
      }),
      'not json',
      JSON.stringify({ id: 'a3' }),
      JSON.stringify({ id: 'a4', text: '这家酒店服务太好了，下次还来' }),
    ].join('\n');
    const result = await cli(['analyze'], `${input}\n`);
    expect(result.code, result.stderr).toBe(0);
    const [first, second, third, fourth] = lines(result.stdout);
    expect(first).toMatchObject({
      id: 'a1',
      sentiment: { label: 'negative' },
      regions: [{ province: '江苏省', city: '苏州市', county: '昆山市' }],
      appeal: true,
      language: 'zh',
      publishedAt: '2024-05-02T14:20:00+08:00',
    });
    expect(first?.['simhash']).toMatch(/^[0-9a-f]{16}$/u);
    expect(first?.['keywords']).toContain('停水');
    expect(second).toMatchObject({ line: 2, error: expect.stringContaining('not valid JSON') });
    expect(third).toMatchObject({ id: 'a3', line: 3, error: '"text" must be a string' });
    expect(fourth).toMatchObject({ id: 'a4', sentiment: { label: 'positive' }, appeal: false });
    expect(fourth).not.toHaveProperty('publishedAt');
  }, 120_000);

  it('match reports hits in traditional text and names the position of a syntax error', async () => {
    const input = `${JSON.stringify({ id: 1, text: '蘇州市城管強拆引發不滿' })}\n${JSON.stringify({ id: 2, text: '上海地铁' })}\n`;
    const result = await cli(['match', '--expr', '(苏州|南京)+(强拆|拆迁)-辟谣'], input);
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout)).toEqual([
      {
        id: 1,
        matched: true,
        hits: [
          { term: '苏州', start: 0, end: 2 },
          { term: '强拆', start: 5, end: 7 },
        ],
      },
      { id: 2, matched: false, hits: [] },
    ]);
    const bad = await cli(['match', '--expr', '(苏州+']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/EXPRESSION_SYNTAX.*position 4/u);
  }, 120_000);

  it('dedup tells a repost from a template with other facts', async () => {
    const input = [
      {
        id: 1,
        a: '成都市锦江区今日发生火灾，无人员伤亡',
        b: '转发微博 //@某人:成都市锦江区今日发生火灾，无人员伤亡',
      },
      { id: 2, a: '5月3日成都市锦江区发生火灾，无人员伤亡', b: '5月4日重庆市渝中区发生火灾，无人员伤亡' },
      { id: 3, a: 'only a' },
    ]
      .map((row) => JSON.stringify(row))
      .join('\n');
    const result = await cli(['dedup'], `${input}\n`);
    expect(result.code, result.stderr).toBe(0);
    const [repost, template, broken] = lines(result.stdout);
    expect(repost).toMatchObject({ id: 1, duplicate: true });
    expect(template).toMatchObject({ id: 2, duplicate: false });
    expect(broken).toMatchObject({ id: 3, line: 3, error: '"b" must be a string' });
  }, 120_000);

  describe('corrections export', () => {
    beforeAll(async () => {
      const storage = await openStorage(DATABASE_URL);
      const unit = await storage.units.create({ name: '网信办', parentId: null });
      const [id] = await storage.items.insertMany([
        {
          unitId: unit.id,
          kind: 'post',
          content: '这服务真是“高效”啊',
          contentHash: 'h',
          publishedAt: 1,
          collectedAt: 1,
        },
      ]);
      await storage.sentimentCorrections.correct({ itemId: id ?? '', label: 'negative', correctedBy: null });
      await storage.close();
    });

    it('writes the corrections as training JSONL', async () => {
      const out = join(dir, 'corrections.jsonl');
      const result = await cli(['corrections', 'export', '--out', out]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('exported 1 correction(s)');
      expect(lines(readFileSync(out, 'utf8'))).toEqual([
        expect.objectContaining({ text: '这服务真是“高效”啊', label: 'negative' }),
      ]);
      const bad = await cli(['corrections', 'export', '--since', 'yesterday']);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain('--since must be an ISO 8601 time');
    }, 120_000);
  });
});
