/**
 * The per-unit matcher cache: a unit's enabled schemes match, other units' schemes do not, an edit is
 * picked up after the recheck interval and not before, and disabled schemes drop out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchemeMatcherCache } from '../../src/pipeline/evaluate/scheme-matchers.js';
import { ManualClock } from '../../src/platform/clock.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

describe.each(databaseTargets)('scheme matcher cache on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  const clock = new ManualClock(Date.UTC(2024, 5, 1));

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    storage = await openStorage(database.url, { clock });
  });

  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('matches the unit’s enabled schemes and follows edits after the recheck interval', async () => {
    const city = await storage.units.create({ name: '苏州市委网信办', parentId: null });
    const other = await storage.units.create({ name: '无锡市委网信办', parentId: null });
    const metro = await storage.schemes.create({ unitId: city.id, name: '地铁', expression: '苏州+地铁' });
    await storage.schemes.create({ unitId: city.id, name: '停用', expression: '地铁', enabled: false });
    await storage.schemes.create({ unitId: other.id, name: '无锡地铁', expression: '地铁' });
    const cache = createSchemeMatcherCache({ storage, clock, recheckMs: 5_000 });

    const first = await cache.forUnit(city.id);
    expect([...first.schemes.keys()]).toEqual([metro.id]);
    const text = { title: '苏州地铁6号线开通', content: '市民出行更方便。' };
    expect(first.matcher.match(text).map((m) => m.schemeId)).toEqual([metro.id]);

    clock.advance(1_000);
    await storage.schemes.update(metro.id, { expression: '苏州+公交' });
    expect((await cache.forUnit(city.id)).matcher.match(text)).toHaveLength(1);

    clock.advance(5_000);
    const edited = await cache.forUnit(city.id);
    expect(edited.matcher.match(text)).toEqual([]);
    expect(edited.matcher.match({ title: '苏州公交调整', content: '' }).map((m) => m.schemeId)).toEqual([
      metro.id,
    ]);
  });
});
