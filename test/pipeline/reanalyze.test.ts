/**
 * Reanalysis over stored items with the shipped models, on both engines: items stored without analysis
 * get sentiment, regions, appeal, keywords and a SimHash, become searchable by their new tokens, and a
 * second run writes the same values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnalysers } from '../../src/analysis/analyze/load.js';
import type { Analysers } from '../../src/analysis/analyze/analyze.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import { reanalyzeItems } from '../../src/pipeline/reanalyze.js';
import { ManualClock } from '../../src/platform/clock.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const START = Date.UTC(2024, 4, 3);
let analysers: Analysers;

beforeAll(() => {
  analysers = loadAnalysers(new Segmenter());
});

describe.each(databaseTargets)('reanalyze on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  const clock = new ManualClock(START);

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    storage = await openStorage(database.url, { clock });
    const unit = await storage.units.create({ name: '昆山市网信办', parentId: null });
    await storage.items.insertMany([
      {
        unitId: unit.id,
        kind: 'post',
        title: '昆山一小区停水三天',
        content: '我们小区已经停水三天了，物业不管，恳请住建局尽快解决！',
        contentHash: 'h1',
        publishedAt: START,
        collectedAt: START,
      },
      {
        unitId: unit.id,
        kind: 'article',
        content: '这家酒店服务太好了，环境干净，下次还来。',
        contentHash: 'h2',
        publishedAt: START + 1000,
        collectedAt: START + 1000,
      },
    ]);
  });
  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('fills the analysis of stored items, and a second run changes nothing', async () => {
    const seen: number[] = [];
    const result = await reanalyzeItems({ storage, analysers, clock }, {}, (p) => seen.push(p.done));
    expect(result).toEqual({ done: 2, total: 2 });
    expect(seen.at(-1)).toBe(2);
    const page = await storage.items.search({
      scope: { unitIds: null },
      match: null,
      filters: { analysed: true },
      sort: 'time',
      page: { limit: 10, cursor: null },
    });
    const water = page.items.find((item) => item.contentHash === 'h1');
    expect(water).toMatchObject({
      sentiment: 'negative',
      appeal: true,
      regions: [{ province: '江苏省', city: '苏州市', county: '昆山市' }],
      language: 'zh',
      analysedAt: START,
    });
    expect(water?.keywords).toContain('停水');
    expect(water?.simhash).toMatch(/^[0-9a-f]{16}$/u);
    expect(page.items.find((item) => item.contentHash === 'h2')?.sentiment).toBe('positive');

    const before = JSON.stringify(page.items);
    await reanalyzeItems({ storage, analysers, clock }, {});
    const again = await storage.items.search({
      scope: { unitIds: null },
      match: null,
      filters: {},
      sort: 'time',
      page: { limit: 10, cursor: null },
    });
    expect(JSON.stringify(again.items)).toBe(before);
  });
});
