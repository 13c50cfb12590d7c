import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/platform/errors.js';
import { readImportFile } from '../../../src/sources/import/index.js';
import { allRows, fixturePath } from './rows.js';

const dir = mkdtempSync(join(tmpdir(), 'fengxiang-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JSONL import', () => {
  it('maps default keys, reports bad lines with their numbers and reads on', async () => {
    const reader = readImportFile(fixturePath('generic/items.jsonl'));
    const rows = await allRows(reader);
    expect(await reader.format()).toBe('jsonl');
    expect(rows.map((row) => [row.line, row.item?.externalId ?? null, row.error ?? null])).toEqual([
      [1, 'a-1001', null],
      [3, 'a-1002', null],
      [4, null, expect.stringMatching(/^line 4: not valid JSON/u)],
      [5, null, 'line 5: expected a JSON object, found an array'],
      [6, null, 'line 6: the record has neither content nor title'],
      [7, 'a-1005', null],
      [8, null, expect.stringMatching(/^line 8: unknown kind "视频号"/u)],
    ]);
    expect(rows[0]?.item).toEqual({
      kind: 'article',
      externalId: 'a-1001',
      url: 'https://gov.example.cn/news/1001.html',
      title: '区政府召开防汛工作部署会',
      content: '会议要求各街道做好汛期值班值守。',
      author: '区政府办',
      publishedAt: Date.UTC(2024, 4, 3, 1, 0),
      publishedText: null,
      platform: 'gov-site',
      ipRegion: null,
      engagement: { likes: 12 },
    });
    expect(rows[1]?.item).toMatchObject({
      kind: 'post',
      publishedAt: null,
      publishedText: '2024-05-03 10:20',
      ipRegion: '江苏',
      platform: null,
      engagement: { likes: 11000, comments: 320 },
    });
    expect(rows[5]?.item).toMatchObject({
      kind: 'comment',
      parent: { externalId: 'a-1002' },
      publishedAt: 1714710000000,
    });
    expect(reader.progress()).toEqual({
      bytesRead: readFileSync(fixturePath('generic/items.jsonl')).length,
      totalBytes: readFileSync(fixturePath('generic/items.jsonl')).length,
    });
  });

  it('takes an explicit mapping with paths and a platform override', async () => {
    const path = join(dir, 'nested.jsonl');
    writeFileSync(
      path,
      `${JSON.stringify({ data: { msg: '社区团购价格虚高', who: { name: '团长' } }, stats: { up: 7 } })}\n`,
    );
    const rows = await allRows(
      readImportFile(path, {
        mapping: { content: 'data.msg', author: '$.data.who.name', likes: 'stats.up' },
        platform: 'wechat',
      }),
    );
    expect(rows).toEqual([
      {
        line: 1,
        item: expect.objectContaining({
          content: '社区团购价格虚高',
          author: '团长',
          platform: 'wechat',
          engagement: { likes: 7 },
        }) as unknown,
      },
    ]);
  });
});

describe('CSV import', () => {
  it('maps Chinese headers, keeps multi-line fields, and reports a short row by line while reading on', async () => {
    const rows = await allRows(readImportFile(fixturePath('generic/opinions.csv')));
    expect(rows.map((row) => [row.line, row.item?.externalId ?? null, row.error ?? null])).toEqual([
      [3, 'c-1', null],
      [4, 'c-2', null],
      [5, null, 'line 5: expected 11 fields as in the header, found 3'],
      [6, 'c-4', null],
    ]);
    expect(rows[0]?.item).toMatchObject({
      content: '老旧小区加装电梯补贴政策什么时候出台？\n家里老人爬楼太难了',
      title: null,
      url: 'https://bbs.example.cn/t/5501',
      author: '楼上老李',
      publishedText: '2024-05-03 08:30',
      ipRegion: '江苏',
      engagement: { likes: 45, comments: 12, reposts: 3, views: 2300 },
    });
    expect(rows[1]?.item?.engagement).toEqual({ likes: 12000, comments: 890, reposts: 66, views: 100000 });
  });

  it('reads a GB18030 file saved by Chinese Excel', async () => {
    const path = join(dir, 'appeals.csv');
    writeFileSync(
      path,
      iconv.encode(readFileSync(fixturePath('generic/appeals.csv.utf8'), 'utf8'), 'gb18030'),
    );
    const rows = await allRows(readImportFile(path, { platform: 'message-board' }));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.item).toMatchObject({
      title: '路灯坏了一个月',
      content: '幸福路与和平街交叉口路灯坏了一个月没人修',
      author: '市民张先生',
      platform: 'message-board',
    });
  });

  it('uses a column mapping over the defaults', async () => {
    const path = join(dir, 'mapped.csv');
    writeFileSync(path, '帖子ID,帖子内容,楼主,回帖数\n88,公交站台没有遮雨棚,路人,17\n');
    const rows = await allRows(
      readImportFile(path, {
        mapping: { id: '帖子ID', content: '帖子内容', author: '楼主', comments: '回帖数' },
      }),
    );
    expect(rows[0]?.item).toMatchObject({
      externalId: '88',
      content: '公交站台没有遮雨棚',
      author: '路人',
      engagement: { comments: 17 },
    });
  });
});

describe('Excel import', () => {
  it('streams the first sheet, reading dates as zone-less wall time and rich text as text', async () => {
    const path = join(dir, 'export.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('舆情');
    sheet.addRow(['标题', '内容', '链接', '作者', '发布时间', '点赞数', 'IP属地']);
    sheet.addRow([
      '菜市场改造',
      '改造后环境好多了',
      'https://news.example.cn/a/1',
      '记者小周',
      new Date(Date.UTC(2024, 4, 3, 9, 30)),
      120,
      '江苏',
    ]);
    sheet.addRow(['', '', '', '', '', '', '']);
    sheet.addRow([
      '噪音投诉',
      { richText: [{ text: '工地夜间施工' }, { text: '，吵得睡不着', font: { bold: true } }] },
      { text: '原帖', hyperlink: 'https://bbs.example.cn/t/9' },
      '夜猫子',
      '2024-05-03 23:10',
      '3.4万',
      null,
    ]);
    sheet.addRow([null, null, null, '无内容的人', null, null, null]);
    workbook.addWorksheet('另一页').addRow(['标题', '内容']);
    await workbook.xlsx.writeFile(path);

    const reader = readImportFile(path);
    const rows = await allRows(reader);
    expect(await reader.format()).toBe('xlsx');
    expect(rows.map((row) => [row.line, row.error ?? null])).toEqual([
      [2, null],
      [4, null],
      [5, 'line 5: the record has neither content nor title'],
    ]);
    expect(rows[0]?.item).toMatchObject({
      title: '菜市场改造',
      content: '改造后环境好多了',
      url: 'https://news.example.cn/a/1',
      author: '记者小周',
      publishedAt: null,
      publishedText: '2024-05-03 09:30:00',
      engagement: { likes: 120 },
      ipRegion: '江苏',
    });
    expect(rows[1]?.item).toMatchObject({
      content: '工地夜间施工，吵得睡不着',
      engagement: { likes: 34000 },
      url: null,
    });
    expect(reader.progress().totalBytes).toBeGreaterThan(0);
  });
});

describe('opening', () => {
  it('fails with IMPORT_FORMAT naming a missing file', async () => {
    const error = await allRows(readImportFile(join(dir, 'nope.csv'))).catch((e: unknown) => e);
    expect(isAppError(error, 'IMPORT_FORMAT')).toBe(true);
    expect((error as Error).message).toContain('nope.csv: cannot read the file');
  });

  it('honours a format override', async () => {
    const path = join(dir, 'lines.csv');
    copyFileSync(fixturePath('generic/items.jsonl'), path);
    const reader = readImportFile(path, { format: 'jsonl' });
    expect(await reader.format()).toBe('jsonl');
    expect((await allRows(reader)).filter((row) => row.item)).toHaveLength(3);
  });
});
