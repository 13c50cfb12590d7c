/**
 * The key-account registry (重点账号) on both engines: create with normal-form names, uniqueness per unit,
 * platform and name, scoped and filtered lists with paging, changes, deletes and the unit cascade.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyAccount, Unit } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import type { Repositories } from '../../src/storage/index.js';
import { KyselyStorage } from '../../src/storage/storage.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

describe.each(databaseTargets)('key accounts on $name', (target) => {
  let test: TestDatabase;
  let repos: Repositories;
  let unit: Unit;
  let other: Unit;
  let people: KeyAccount;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    repos = new KyselyStorage(test.handle, { clock: test.clock });
    unit = await makeUnit(test, 'office');
    other = await makeUnit(test, 'bureau');
    people = await repos.keyAccounts.create({
      unitId: unit.id,
      platform: 'Weibo',
      name: ' 人民日报 ',
      tier: 'central',
      weight: 1.5,
      note: '央媒',
    });
  });
  afterAll(async () => {
    await test.close();
  });

  it('creates an account with a lower-case platform and a trimmed name', async () => {
    expect(people).toMatchObject({
      unitId: unit.id,
      platform: 'weibo',
      name: '人民日报',
      tier: 'central',
      weight: 1.5,
      note: '央媒',
      createdAt: START,
      updatedAt: START,
    });
    expect(await repos.keyAccounts.get(people.id)).toEqual(people);
  });

  it('refuses the same account twice on a platform, by normal form, but not on another platform or unit', async () => {
    const again = repos.keyAccounts.create({ unitId: unit.id, platform: 'weibo', name: '@人民日報' });
    await expect(again).rejects.toSatisfy((error) => isAppError(error, 'CONFLICT'));
    const anyPlatform = await repos.keyAccounts.create({ unitId: unit.id, name: '人民日报' });
    expect(anyPlatform).toMatchObject({ platform: null, tier: null, weight: 1, note: null });
    const otherUnit = await repos.keyAccounts.create({
      unitId: other.id,
      platform: 'weibo',
      name: '人民日报',
    });
    expect(otherUnit.unitId).toBe(other.id);
  });

  it('refuses an empty name, a weight out of range and a missing unit', async () => {
    const cases = [
      repos.keyAccounts.create({ unitId: unit.id, name: ' @ ' }),
      repos.keyAccounts.create({ unitId: unit.id, name: '甲', weight: 0 }),
      repos.keyAccounts.create({ unitId: unit.id, name: '乙', weight: 11 }),
    ];
    for (const attempt of cases) await expect(attempt).rejects.toSatisfy((e) => isAppError(e, 'BAD_REQUEST'));
    await expect(repos.keyAccounts.create({ unitId: 'no-such-unit', name: '丙' })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });

  it('lists in scope with filters and pages', async () => {
    test.clock.advance(1000);
    for (const name of ['平安姑苏', '姑苏发布', 'Suzhou_Daily', '100%真相']) {
      test.clock.advance(1);
      await repos.keyAccounts.create({ unitId: unit.id, platform: 'weibo', name });
    }
    const scope = { unitIds: [unit.id] };
    const seen: KeyAccount[] = [];
    let cursor: string | null = null;
    do {
      const page = await repos.keyAccounts.list(scope, {}, { limit: 2, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen.map((a) => a.name)).toEqual([
      '人民日报',
      '人民日报',
      '平安姑苏',
      '姑苏发布',
      'Suzhou_Daily',
      '100%真相',
    ]);
    const names = async (filter: { platform?: string; q?: string }) =>
      (await repos.keyAccounts.list(scope, filter, { limit: 50 })).items.map((a) => a.name);
    expect(await names({ q: '姑苏' })).toEqual(['平安姑苏', '姑苏发布']);
    expect(await names({ q: 'SUZHOU_' })).toEqual(['Suzhou_Daily']);
    expect(await names({ q: '_' })).toEqual(['Suzhou_Daily']);
    expect(await names({ q: '%' })).toEqual(['100%真相']);
    expect(await names({ platform: 'WEIBO', q: '人民' })).toEqual(['人民日报']);
    expect(await names({ platform: 'douyin' })).toEqual([]);
    expect((await repos.keyAccounts.list({ unitIds: [other.id] }, {}, { limit: 50 })).items).toHaveLength(1);
    expect(await repos.keyAccounts.get(people.id, { unitIds: [other.id] })).toBeNull();
    expect((await repos.keyAccounts.listForUnits([unit.id, other.id])).length).toBe(7);
    expect(await repos.keyAccounts.listForUnits([])).toEqual([]);
  });

  it('changes an account and refuses a change into another account', async () => {
    test.clock.advance(5000);
    const changed = await repos.keyAccounts.update(people.id, { weight: 2, tier: null, note: null });
    expect(changed).toMatchObject({ weight: 2, tier: null, note: null, platform: 'weibo', createdAt: START });
    expect(changed.updatedAt).toBe(test.clock.now());
    // the unit already has 人民日报 for every platform
    await expect(repos.keyAccounts.update(people.id, { platform: null })).rejects.toSatisfy((e) =>
      isAppError(e, 'CONFLICT'),
    );
    const renamed = await repos.keyAccounts.update(people.id, { platform: null, name: '人民日报评论' });
    expect(renamed).toMatchObject({ platform: null, name: '人民日报评论' });
    expect(await repos.keyAccounts.update(people.id, {})).toEqual(renamed);
    await expect(repos.keyAccounts.update('missing', { weight: 1 })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });

  it('deletes an account, and a unit’s accounts go with the unit', async () => {
    await repos.keyAccounts.delete(people.id);
    expect(await repos.keyAccounts.get(people.id)).toBeNull();
    await expect(repos.keyAccounts.delete(people.id)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
    await repos.units.delete(other.id);
    expect(await repos.keyAccounts.listForUnits([other.id])).toEqual([]);
  });
});
