/**
 * Appeals and appeal departments on both engines: create (an item becomes one appeal), scope, filters and
 * pages, updates, duplicates and batches, counts and the statistics by unit, department and category.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealStats } from '../../src/domain/index.js';
import { KyselyAppealDepartmentRepository } from '../../src/storage/appeals/departments.js';
import { KyselyAppealRepository } from '../../src/storage/appeals/repository.js';
import type { NewAppeal } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const DAY = 86_400_000;

describe.each(databaseTargets)('appeals on $name', (target) => {
  let test: TestDatabase;
  let appeals: KyselyAppealRepository;
  let departments: KyselyAppealDepartmentRepository;
  let unitA: string;
  let unitB: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    appeals = new KyselyAppealRepository(test.handle.db);
    departments = new KyselyAppealDepartmentRepository(test.handle.db, test.clock);
    unitA = (await makeUnit(test, 'A')).id;
    unitB = (await makeUnit(test, 'B')).id;
  });
  afterAll(async () => test.close());

  const make = (unitId: string, receivedAt: number, extra: Partial<NewAppeal> = {}) =>
    appeals.create({
      unitId,
      channel: 'api',
      title: '小区停水',
      content: '三天没水了',
      receivedAt,
      createdBy: null,
      createdAt: receivedAt,
      ...extra,
    });

  describe('departments', () => {
    it('creates, lists by unit and name, changes and deletes', async () => {
      const housing = await departments.create({
        unitId: unitA,
        name: '住建局',
        categories: ['housing'],
        contact: '8888',
      });
      expect(housing).toMatchObject({
        name: '住建局',
        categories: ['housing'],
        contact: '8888',
        enabled: true,
      });
      const traffic = await departments.create({ unitId: unitA, name: '交通局', categories: ['traffic'] });
      await departments.create({ unitId: unitB, name: '住建局' });
      expect((await departments.list({ unitIds: [unitA] })).map((d) => d.name)).toEqual(['交通局', '住建局']);
      expect(await departments.get(housing.id, { unitIds: [unitB] })).toBeNull();
      await expect(departments.create({ unitId: unitA, name: '住建局' })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(departments.update(traffic.id, { name: '住建局' })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      const changed = await departments.update(traffic.id, {
        categories: ['traffic', 'public_safety'],
        enabled: false,
      });
      expect(changed).toMatchObject({ categories: ['traffic', 'public_safety'], enabled: false });
      await departments.delete(traffic.id);
      expect(await departments.get(traffic.id)).toBeNull();
      await expect(departments.delete(traffic.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  it('creates appeals; an item becomes at most one', async () => {
    const appeal = await make(unitA, START, {
      channel: 'item',
      itemId: 'item-1',
      externalRef: 'post-1',
      citizenName: '李先生',
    });
    expect(appeal).toMatchObject({
      state: 'new',
      channel: 'item',
      publishState: 'none',
      onTime: null,
      citizenName: '李先生',
    });
    expect(await appeals.findByItem('item-1')).toEqual(appeal);
    await expect(make(unitA, START, { channel: 'item', itemId: 'item-1' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await appeals.get(appeal.id, { unitIds: [unitB] })).toBeNull();
    await expect(make('missing-unit', START)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('updates, links duplicates and batches, and reads several at once', async () => {
    const main = await make(unitA, START + 1);
    const duplicate = await make(unitA, START + 2);
    const merged = await appeals.update(duplicate.id, { state: 'merged', mergedIntoId: main.id }, START + 5);
    expect(merged).toMatchObject({ state: 'merged', mergedIntoId: main.id, updatedAt: START + 5 });
    expect((await appeals.listMergedInto(main.id)).map((a) => a.id)).toEqual([duplicate.id]);
    const replied = await appeals.update(
      main.id,
      { state: 'replied', reply: '已修复', replyBatchId: 'batch-1', onTime: true, handlingDays: 2 },
      START + 9,
    );
    expect(replied).toMatchObject({ onTime: true, handlingDays: 2, replyBatchId: 'batch-1' });
    expect((await appeals.listByBatch('batch-1')).map((a) => a.id)).toEqual([main.id]);
    expect((await appeals.getMany([main.id, duplicate.id, 'nope'], { unitIds: [unitA] })).length).toBe(2);
    expect(await appeals.getMany([main.id], { unitIds: [unitB] })).toEqual([]);
    await expect(appeals.update('nope', { state: 'closed' }, START)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lists newest received first with filters and keyset pages', async () => {
    const unitC = (await makeUnit(test, 'C')).id;
    const scope = { unitIds: [unitC] };
    const a = await make(unitC, START + 10, { category: 'housing' });
    const b = await make(unitC, START + 20, { channel: 'message_board' });
    const c = await make(unitC, START + 30, { category: 'housing' });
    await appeals.update(c.id, { state: 'dispatched', dueAt: START + 100, departmentId: null }, START + 40);
    const page1 = await appeals.list(scope, {}, { limit: 2 });
    expect(page1.items.map((x) => x.id)).toEqual([c.id, b.id]);
    const page2 = await appeals.list(scope, {}, { limit: 2, cursor: page1.nextCursor });
    expect(page2.items.map((x) => x.id)).toEqual([a.id]);
    expect((await appeals.list(scope, { category: 'housing' }, { limit: 9 })).items.map((x) => x.id)).toEqual(
      [c.id, a.id],
    );
    expect(
      (await appeals.list(scope, { channels: ['message_board'] }, { limit: 9 })).items.map((x) => x.id),
    ).toEqual([b.id]);
    expect(
      (await appeals.list(scope, { states: ['dispatched'] }, { limit: 9 })).items.map((x) => x.id),
    ).toEqual([c.id]);
    expect(
      (await appeals.list(scope, { overdueAt: START + 100 }, { limit: 9 })).items.map((x) => x.id),
    ).toEqual([c.id]);
    expect((await appeals.list(scope, { overdueAt: START + 99 }, { limit: 9 })).items).toEqual([]);
    expect(
      (await appeals.list(scope, { from: START + 15, to: START + 25 }, { limit: 9 })).items.map((x) => x.id),
    ).toEqual([b.id]);
    expect(await appeals.countByState(scope)).toMatchObject({ new: 2, dispatched: 1, replied: 0 });
  });

  it('computes statistics by unit, department and category for appeals received in a period', async () => {
    const unitS = (await makeUnit(test, 'S')).id;
    const unitT = (await makeUnit(test, 'T')).id;
    const housing = await departments.create({ unitId: unitS, name: '住建', categories: ['housing'] });
    const traffic = await departments.create({ unitId: unitS, name: '交通', categories: ['traffic'] });
    const base = START + 20 * DAY;
    const rows = [
      // unit, department, category, state, onTime, handlingDays, satisfaction
      [unitS, housing.id, 'housing', 'replied', true, 2, 'satisfied'],
      [unitS, housing.id, 'housing', 'closed', false, 7, 'unsatisfied'],
      [unitS, housing.id, 'housing', 'dispatched', null, null, null],
      [unitS, traffic.id, 'traffic', 'replied', true, 3, 'basically_satisfied'],
      [unitS, null, null, 'rejected', null, null, null],
      [unitS, null, 'housing', 'merged', null, null, null],
      [unitT, null, 'housing', 'new', null, null, null],
    ] as const;
    for (const [unitId, departmentId, category, state, onTime, handlingDays, satisfaction] of rows) {
      const appeal = await make(unitId, base + 1000, { category });
      const replied = onTime !== null;
      await appeals.update(
        appeal.id,
        {
          state,
          departmentId,
          ...(replied && { repliedAt: base + 2000, reply: '答复', onTime, handlingDays }),
          ...(satisfaction !== null && { satisfaction }),
        },
        base + 2000,
      );
    }
    await make(unitS, base + 2 * DAY, { category: 'housing' }); // outside the period
    const period = { from: base, to: base + DAY };
    const scope = { unitIds: [unitS, unitT] };

    const stat = (key: string | null, values: Partial<AppealStats>): AppealStats => ({
      key,
      received: 0,
      rejected: 0,
      replied: 0,
      onTime: 0,
      replyRate: null,
      onTimeRate: null,
      averageHandlingDays: null,
      satisfied: 0,
      basicallySatisfied: 0,
      unsatisfied: 0,
      ...values,
    });
    const byKey = (list: AppealStats[]) =>
      [...list].sort((x, y) => String(x.key).localeCompare(String(y.key)));

    expect(byKey(await appeals.stats(scope, period, 'unit'))).toEqual(
      byKey([
        stat(unitS, {
          received: 5,
          rejected: 1,
          replied: 3,
          onTime: 2,
          replyRate: 0.75,
          onTimeRate: 2 / 3,
          averageHandlingDays: 4,
          satisfied: 1,
          basicallySatisfied: 1,
          unsatisfied: 1,
        }),
        stat(unitT, { received: 1, replyRate: 0 }),
      ]),
    );
    expect(byKey(await appeals.stats({ unitIds: [unitS] }, period, 'department'))).toEqual(
      byKey([
        stat(housing.id, {
          received: 3,
          replied: 2,
          onTime: 1,
          replyRate: 2 / 3,
          onTimeRate: 0.5,
          averageHandlingDays: 4.5,
          satisfied: 1,
          unsatisfied: 1,
        }),
        stat(traffic.id, {
          received: 1,
          replied: 1,
          onTime: 1,
          replyRate: 1,
          onTimeRate: 1,
          averageHandlingDays: 3,
          basicallySatisfied: 1,
        }),
        stat(null, { received: 1, rejected: 1 }),
      ]),
    );
    const byCategory = await appeals.stats(scope, period, 'category');
    expect(byCategory.find((s) => s.key === 'housing')).toMatchObject({ received: 4, replied: 2 });
    expect(byCategory.find((s) => s.key === 'traffic')).toMatchObject({ received: 1, replied: 1 });
    expect(await appeals.stats({ unitIds: [] }, period, 'unit')).toEqual([]);
  });
});
