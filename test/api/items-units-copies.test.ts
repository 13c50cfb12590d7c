/**
 * GET /items by unit (the console's unit switcher) and the copies of an original in GET /items/:id/related,
 * on both engines: a parent unit's user narrows a search (and an export) to a child unit and its subtree, a
 * child unit's user asking for the parent unit is refused as NOT_FOUND, and an original lists the copies
 * the caller may see — newest first — while each copy links back to its original.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { itemPage, itemRelated } from '../../src/contract/index.js';
import type { NewItem } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type ItemPage = z.output<typeof itemPage>;
type Related = z.output<typeof itemRelated>;

describe.each(databaseTargets)('items by unit and copies on $name', (target) => {
  let server: TestServer;
  let root: ApiClient;
  let district: ApiClient;
  const units = { root: '', district: '', street: '', other: '' };
  const ids = { root: '', district: '', street: '', other: '', post: '', copyHere: '', copyAbove: '' };

  const item = (unitId: string, n: number, extra: Partial<NewItem> = {}): NewItem => ({
    unitId,
    kind: 'post',
    content: `第${n}条`,
    contentHash: `unit-copies-${n}`,
    publishedAt: server.clock.now() - n * 60_000,
    collectedAt: server.clock.now(),
    ...extra,
  });

  const one = async (entry: NewItem): Promise<string> => {
    const [id = ''] = await server.storage.items.insertMany([entry]);
    return id;
  };

  beforeAll(async () => {
    server = await startServer(target);
    const seeded = await seedRoot(server);
    units.root = seeded.unit.id;
    root = new ApiClient(server.baseUrl, (await seedToken(server, seeded.user)).secret);
    const made = {
      district: await server.storage.units.create({ name: '姑苏区网信办', parentId: units.root }),
      other: await server.storage.units.create({ name: '吴中区网信办', parentId: units.root }),
    };
    units.district = made.district.id;
    units.other = made.other.id;
    units.street = (await server.storage.units.create({ name: '平江街道', parentId: units.district })).id;
    const districtUser = await seedUser(server, units.district, 'gusu', ['monitor']);
    district = new ApiClient(server.baseUrl, (await seedToken(server, districtUser)).secret);
    ids.root = await one(item(units.root, 10));
    ids.district = await one(item(units.district, 11));
    ids.street = await one(item(units.street, 12));
    ids.other = await one(item(units.other, 13));
    ids.post = await one(item(units.district, 20, { content: '区里的原帖' }));
    ids.copyAbove = await one(item(units.root, 19, { content: '市里转载的原帖', dupOf: ids.post }));
    ids.copyHere = await one(item(units.district, 18, { content: '区里转载的原帖', dupOf: ids.post }));
  }, 120_000);

  afterAll(async () => server.close());

  async function idsOf(client: ApiClient, query: string): Promise<string[]> {
    const answer = await client.get<ItemPage>(`/api/v1/items?limit=200${query}`);
    expect(answer.status).toBe(200);
    return answer.body.items.map((entry) => entry.id);
  }

  it('narrows a parent unit’s search to a child unit and the units below it', async () => {
    const all = await idsOf(root, '');
    expect(all).toEqual(expect.arrayContaining([ids.root, ids.district, ids.street, ids.other]));
    const gusu = await idsOf(root, `&unitId=${units.district}`);
    expect(new Set(gusu)).toEqual(new Set([ids.district, ids.street, ids.post, ids.copyHere]));
    expect(await idsOf(root, `&unitId=${units.street}`)).toEqual([ids.street]);
    expect(new Set(await idsOf(root, `&unitId=${units.root}`))).toEqual(new Set(all));
  });

  it('refuses a unit outside the caller’s scope as NOT_FOUND, for the search and the export', async () => {
    for (const path of [
      `/api/v1/items?unitId=${units.root}`,
      `/api/v1/items?unitId=${units.other}`,
      `/api/v1/items/export?unitId=${units.other}`,
      '/api/v1/items?unitId=no-such-unit',
    ]) {
      const refused = await district.get(path);
      expect(refused.status, path).toBe(404);
      expect(refused.body.error.code, path).toBe('NOT_FOUND');
    }
    expect(await idsOf(district, `&unitId=${units.street}`)).toEqual([ids.street]);
  });

  it('exports only the chosen unit’s subtree', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/items/export?unitId=${units.street}`, {
      headers: { authorization: `Bearer ${root.token ?? ''}` },
    });
    expect(response.status).toBe(200);
    const rows = (await response.text()).trimEnd().split('\r\n').slice(1);
    expect(rows.map((line) => line.split(',')[0])).toEqual([ids.street]);
  });

  it('lists the copies of an original newest first, as far as the caller may see them', async () => {
    const above = await root.get<Related>(`/api/v1/items/${ids.post}/related`);
    expect(above.status).toBe(200);
    expect(above.body.copies.map((entry) => entry.id)).toEqual([ids.copyHere, ids.copyAbove]);
    expect(above.body.moreCopies).toBe(false);
    const here = await district.get<Related>(`/api/v1/items/${ids.post}/related`);
    expect(here.body.copies.map((entry) => entry.id)).toEqual([ids.copyHere]);
    const copy = await district.get<Related>(`/api/v1/items/${ids.copyHere}/related`);
    expect(copy.body.original?.id).toBe(ids.post);
    expect(copy.body.copies).toEqual([]);
    const plain = await root.get<Related>(`/api/v1/items/${ids.root}/related`);
    expect(plain.body.copies).toEqual([]);
  });
});
