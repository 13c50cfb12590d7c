/**
 * The item export (GET /items/export) and the items around one item (GET /items/:id/related) on both
 * engines, with the real expression parser and jieba segmentation: the exported rows are exactly the
 * search's rows across several storage pages, filters apply, another unit's items never leave, CSV starts
 * with a UTF-8 BOM and keeps formula-like text as text, the workbook holds the same rows, and every export
 * is audited.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseExpression } from '../../src/analysis/expression/index.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import type { auditPage, itemPage, itemRelated } from '../../src/contract/index.js';
import type { NewItem } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

const segmenter = new Segmenter();
const TOPICS = ['小区停水', '地铁延误', '学校食堂'];
const PLATFORMS = ['weibo', 'news', 'forum'];
/** More than two storage pages of the export (500 rows each). */
const BULK = 1_100;

/** A CSV text parsed into records (RFC 4180 quoting). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(cell);
      cell = '';
    } else if (char === '\n') {
      record.push(cell.replace(/\r$/, ''));
      records.push(record);
      record = [];
      cell = '';
    } else cell += char;
  }
  return records;
}

describe.each(databaseTargets)('item export on $name', (target) => {
  let server: TestServer;
  let api: ApiClient;
  let districtToken: string;
  let unitId: string;
  let postId: string;
  let commentId: string;
  let copyId: string;

  const item = (overrides: Partial<NewItem> & { content: string; n: number }): NewItem => {
    const { n, ...rest } = overrides;
    return {
      unitId,
      kind: 'post',
      contentHash: `export-${n}`,
      tokens: segmenter.tokensForIndex(`${rest.title ?? ''} ${rest.content}`),
      publishedAt: server.clock.now() - n * 60_000,
      collectedAt: server.clock.now(),
      ...rest,
    };
  };

  beforeAll(async () => {
    server = await startServer(target, {
      parseSearchQuery: (q) => segmenter.toSearchTree(parseExpression(q)),
    });
    const root = await seedRoot(server);
    unitId = root.unit.id;
    api = new ApiClient(server.baseUrl, (await seedToken(server, root.user)).secret);
    const district = await server.storage.units.create({ name: '姑苏区网信办', parentId: unitId });
    const districtUser = await seedUser(server, district.id, 'gusu', ['monitor']);
    districtToken = (await seedToken(server, districtUser)).secret;
    const bulk = Array.from({ length: BULK }, (_, n) => {
      const topic = TOPICS[n % TOPICS.length] ?? '';
      return item({
        n: n + 10,
        title: `${topic}引发关注`,
        content: `网友反映${topic}问题，第${n}条`,
        platform: PLATFORMS[n % PLATFORMS.length] ?? null,
        sentiment: n % 2 === 0 ? 'negative' : 'positive',
      });
    });
    [postId = ''] = await server.storage.items.insertMany([
      item({
        n: 1,
        title: '=HYPERLINK("http://x")',
        content: '小区停水，"居民"抱怨,\n第二行',
        platform: 'weibo',
      }),
      ...bulk,
    ]);
    await server.storage.items.insertMany([
      item({ n: 2, content: '小区停水的区里帖子', unitId: district.id, platform: 'forum' }),
    ]);
    [commentId = '', copyId = ''] = await server.storage.items.insertMany([
      item({ n: 3, kind: 'comment', content: '楼主说得对', parentId: postId }),
      item({ n: 4, content: '小区停水，居民抱怨（转）', dupOf: postId }),
    ]);
  }, 120_000);

  afterAll(async () => server.close());

  async function download(path: string, token = api.token ?? ''): Promise<Response> {
    return fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  }

  async function searchIds(query: string, token = api.token): Promise<string[]> {
    const client = new ApiClient(server.baseUrl, token);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const page = await client.get<z.output<typeof itemPage>>(`/api/v1/items?limit=200&${query}${suffix}`);
      expect(page.status).toBe(200);
      ids.push(...page.body.items.map((entry) => entry.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    return ids;
  }

  async function csvIds(query: string, token?: string): Promise<{ ids: string[]; records: string[][] }> {
    const response = await download(`/api/v1/items/export?format=csv&${query}`, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('x-export-limit')).toBe('100000');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    expect(records[0]?.slice(0, 3)).toEqual(['编号', '发布时间', '平台']);
    return { ids: records.slice(1).map((record) => record[0] ?? ''), records };
  }

  it('exports exactly the rows of the search, across storage pages', async () => {
    const all = await csvIds('');
    expect(all.ids).toHaveLength(BULK + 4);
    expect(all.ids).toEqual(await searchIds(''));
    const query = `q=${encodeURIComponent('停水|食堂')}`;
    const matched = await csvIds(query);
    expect(matched.ids.length).toBeGreaterThan(BULK / 2);
    expect(matched.ids).toEqual(await searchIds(query));
  });

  it('applies the filters', async () => {
    const query = 'platform=weibo&sentiment=negative&distinctOnly=true';
    const { ids, records } = await csvIds(query);
    expect(ids).toEqual(await searchIds(query));
    expect(ids.length).toBeGreaterThan(0);
    for (const record of records.slice(1)) {
      expect(record[2]).toBe('weibo');
      expect(record[8]).toBe('negative');
    }
    const copies = await csvIds('distinctOnly=false');
    expect(copies.ids).toEqual([copyId]);
  });

  it('keeps quoting, line breaks and formula-like text as text', async () => {
    const { records } = await csvIds(
      `q=${encodeURIComponent('居民+抱怨')}&originalsOnly=true&distinctOnly=true`,
    );
    const row = records.find((record) => record[0] === postId);
    expect(row?.[4]).toBe(`'=HYPERLINK("http://x")`);
    expect(row?.[5]).toBe('小区停水，"居民"抱怨,\n第二行');
  });

  it('exports only the caller’s units', async () => {
    const district = await csvIds('', districtToken);
    expect(district.ids).toHaveLength(1);
    expect(district.records[1]?.[5]).toBe('小区停水的区里帖子');
    expect(district.ids).toEqual(await searchIds('', districtToken));
  });

  it('writes the same rows into an Excel workbook', async () => {
    const query = 'platform=news';
    const response = await download(`/api/v1/items/export?format=xlsx&${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="items-.*\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('信息');
    const ids: string[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 1) ids.push(String(row.getCell(1).value));
    });
    expect(ids).toEqual(await searchIds(query));
    expect(String(sheet?.getRow(1).getCell(6).value)).toBe('正文');
  });

  it('refuses a bad expression with its position before sending anything, and audits exports', async () => {
    const bad = await download(`/api/v1/items/export?q=${encodeURIComponent('停水+(食堂|')}`);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; details: Record<string, unknown> } };
    expect(body.error.code).toBe('EXPRESSION_SYNTAX');
    expect(body.error.details['position']).toBe(7);
    const audit = await api.get<z.output<typeof auditPage>>('/api/v1/audit?action=item.export&limit=50');
    expect(audit.body.items.length).toBeGreaterThanOrEqual(6);
    expect(audit.body.items.map((entry) => entry.detail['format'])).toContain('xlsx');
  });

  it('needs items:read', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/items/export`);
    expect(response.status).toBe(401);
  });

  it('shows the post, the original and the comments around an item', async () => {
    const around = await api.get<z.output<typeof itemRelated>>(`/api/v1/items/${postId}/related`);
    expect(around.body.comments.map((entry) => entry.id)).toEqual([commentId]);
    expect(around.body.parent).toBeNull();
    const comment = await api.get<z.output<typeof itemRelated>>(`/api/v1/items/${commentId}/related`);
    expect(comment.body.parent?.id).toBe(postId);
    const copy = await api.get<z.output<typeof itemRelated>>(`/api/v1/items/${copyId}/related`);
    expect(copy.body.original?.id).toBe(postId);
    const hidden = await new ApiClient(server.baseUrl, districtToken).get(`/api/v1/items/${postId}/related`);
    expect(hidden.status).toBe(404);
  });
});
