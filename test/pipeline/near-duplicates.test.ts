/**
 * Near-duplicate linking on the accept path with the shipped models, on both engines: a repost of a stored
 * post (with a comment and `//@` chain) and a traditional-character copy are linked to the original and left
 * out of distinct-voice counts; a notice from the same template with other facts stays its own item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysers } from '../../src/analysis/analyze/analyze.js';
import { loadAnalysers } from '../../src/analysis/analyze/load.js';
import { Segmenter } from '../../src/analysis/segment/segmenter.js';
import type { RawItem } from '../../src/domain/collection.js';
import type { Source } from '../../src/domain/index.js';
import { acceptItems } from '../../src/pipeline/collect/accept.js';
import { ManualClock } from '../../src/platform/clock.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const START = Date.UTC(2024, 4, 3, 2);
const ORIGINAL =
  '【突发】今天上午9时，成都市锦江区春熙路一商场发生火灾，消防部门已到场处置，目前无人员伤亡，起火原因正在调查。';
let analysers: Analysers;

beforeAll(() => {
  analysers = loadAnalysers(new Segmenter());
});

function post(id: string, content: string, minutes: number): RawItem {
  return { kind: 'post', externalId: id, content, publishedAt: START + minutes * 60_000 };
}

describe.each(databaseTargets)('near duplicates on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let source: Source;
  const clock = new ManualClock(START);

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    storage = await openStorage(database.url, { clock });
    const unit = await storage.units.create({ name: '成都市网信办', parentId: null });
    source = await storage.sources.create({ unitId: unit.id, name: '微博推送', kind: 'push' });
  });
  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('links reposts and copies to the original and keeps template look-alikes apart', async () => {
    const deps = {
      storage,
      segmenter: analysers.segmenter,
      analysers,
      settings: { defaultTimeZone: 'Asia/Shanghai', author: { mode: 'plain' as const, key: '' } },
    };
    const first = await acceptItems(deps, source, [post('p1', ORIGINAL, 0)], START);
    const originalId = first.outcomes[0]?.itemId;
    const later = await acceptItems(
      deps,
      source,
      [
        post('p2', `太吓人了，大家注意安全！//@成都身边事: ${ORIGINAL}`, 10),
        post(
          'p3',
          '【突發】今天上午9時，成都市錦江區春熙路一商場發生火災，消防部門已到場處置，目前無人員傷亡，起火原因正在調查。（來源：成都日報）',
          20,
        ),
        post(
          'p4',
          '【突发】今天下午3时，重庆市渝中区解放碑一商场发生火灾，消防部门已到场处置，目前无人员伤亡，起火原因正在调查。',
          30,
        ),
      ],
      START + 3_600_000,
    );
    expect(later.inserted).toBe(3);
    const [repost, traditional, otherFire] = await Promise.all(
      later.outcomes.map((outcome) => storage.items.get(outcome.itemId ?? '')),
    );
    expect(repost?.dupOf).toBe(originalId);
    expect(traditional?.dupOf).toBe(originalId);
    expect(otherFire?.dupOf).toBeNull();
    expect(otherFire?.regions.map((region) => region.city)).toEqual(['重庆市']);

    const distinct = await storage.items.search({
      scope: { unitIds: null },
      match: null,
      filters: { distinctOnly: true },
      sort: 'time',
      page: { limit: 10, cursor: null },
    });
    expect(distinct.items.map((item) => item.externalId).sort()).toEqual(['p1', 'p4']);
  });
});
