/**
 * Shift hand-over notes and key-period duty on both engines: hand-overs are listed newest first in scope
 * with filters and keyset pages; a key period's duty requirement is created, replaced and removed with
 * the period; statistics count hand-overs per unit in a time window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyDutyNoteRepository } from '../../src/storage/duty-notes/repository.js';
import { KyselyKeyPeriodRepository } from '../../src/storage/key-periods/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, makeUser, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const HOUR = 3_600_000;

describe.each(databaseTargets)('duty notes on $name', (target) => {
  let test: TestDatabase;
  let notes: KyselyDutyNoteRepository;
  let unitA: string;
  let unitB: string;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    notes = new KyselyDutyNoteRepository(test.handle.db);
    unitA = (await makeUnit(test, 'a')).id;
    unitB = (await makeUnit(test, 'b')).id;
    alice = (await makeUser(test, unitA, 'alice')).id;
    bob = (await makeUser(test, unitA, 'bob')).id;
    const base = { shiftId: null, createdBy: alice };
    await notes.addHandover(
      {
        ...base,
        unitId: unitA,
        fromUserId: alice,
        toUserId: bob,
        handedOverAt: START + 8 * HOUR,
        notes: '夜班平稳',
        openMatters: [],
      },
      START + 8 * HOUR,
    );
    await notes.addHandover(
      {
        ...base,
        unitId: unitA,
        fromUserId: bob,
        toUserId: alice,
        handedOverAt: START + 20 * HOUR,
        notes: '白班处置一起停水诉求',
        openMatters: ['跟进停水诉求答复', '核实视频来源'],
      },
      START + 20 * HOUR,
    );
    await notes.addHandover(
      {
        ...base,
        unitId: unitB,
        fromUserId: 'x',
        toUserId: 'y',
        handedOverAt: START + 9 * HOUR,
        notes: 'B',
        openMatters: [],
      },
      START + 9 * HOUR,
    );
  });
  afterAll(async () => test.close());

  it('lists hand-overs in scope, newest first, with their open matters', async () => {
    const page = await notes.listHandovers({ unitIds: [unitA] }, {}, { limit: 10 });
    expect(page.items.map((h) => h.notes)).toEqual(['白班处置一起停水诉求', '夜班平稳']);
    expect(page.items[0]?.openMatters).toEqual(['跟进停水诉求答复', '核实视频来源']);
    expect(page.nextCursor).toBeNull();
    const all = await notes.listHandovers({ unitIds: null }, {}, { limit: 10 });
    expect(all.items).toHaveLength(3);
    const one = page.items[1];
    expect(await notes.getHandover(one?.id ?? '', { unitIds: [unitA] })).toEqual(one);
    expect(await notes.getHandover(one?.id ?? '', { unitIds: [unitB] })).toBeNull();
  });

  it('filters by unit, person and time and pages by cursor', async () => {
    const scope = { unitIds: null };
    expect((await notes.listHandovers(scope, { unitId: unitB }, { limit: 10 })).items).toHaveLength(1);
    expect((await notes.listHandovers(scope, { userId: alice }, { limit: 10 })).items).toHaveLength(2);
    const window = await notes.listHandovers(
      scope,
      { from: START + 9 * HOUR, to: START + 21 * HOUR },
      { limit: 10 },
    );
    expect(window.items.map((h) => h.notes)).toEqual(['白班处置一起停水诉求', 'B']);
    const first = await notes.listHandovers(scope, {}, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await notes.listHandovers(scope, {}, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((h) => h.notes)).toEqual(['夜班平稳']);
    expect(second.nextCursor).toBeNull();
  });

  it('counts hand-overs per unit in a window', async () => {
    expect(await notes.statistics({ unitIds: null }, START, START + 24 * HOUR)).toEqual({
      handoversByUnit: [
        { unitId: unitA, count: 2 },
        { unitId: unitB, count: 1 },
      ].sort((x, y) => (x.unitId < y.unitId ? -1 : 1)),
      handoversWithOpenMatters: 1,
    });
    expect(await notes.statistics({ unitIds: [unitB] }, START, START + 24 * HOUR)).toEqual({
      handoversByUnit: [{ unitId: unitB, count: 1 }],
      handoversWithOpenMatters: 0,
    });
    expect(
      (await notes.statistics({ unitIds: null }, START + 10 * HOUR, START + 24 * HOUR)).handoversByUnit,
    ).toEqual([{ unitId: unitA, count: 1 }]);
  });

  it('sets, replaces and drops a key period’s duty with the period', async () => {
    const periods = new KyselyKeyPeriodRepository(test.handle.db, test.clock);
    const period = await periods.create({
      unitId: unitA,
      name: '国庆',
      startsAt: START,
      endsAt: START + 72 * HOUR,
      multiplier: 2,
    });
    expect(await notes.getKeyPeriodDuty(period.id)).toBeNull();
    const set = await notes.setKeyPeriodDuty(
      { keyPeriodId: period.id, unitId: unitA, roundTheClock: true, minOnDuty: 1, updatedBy: alice },
      START,
    );
    expect(set).toEqual({
      keyPeriodId: period.id,
      unitId: unitA,
      roundTheClock: true,
      minOnDuty: 1,
      updatedBy: alice,
      updatedAt: START,
    });
    await notes.setKeyPeriodDuty(
      { keyPeriodId: period.id, unitId: unitA, roundTheClock: false, minOnDuty: 2, updatedBy: bob },
      START + 1,
    );
    expect(await notes.getKeyPeriodDuty(period.id)).toMatchObject({
      roundTheClock: false,
      minOnDuty: 2,
      updatedBy: bob,
    });
    await expect(
      notes.setKeyPeriodDuty(
        { keyPeriodId: period.id, unitId: unitA, roundTheClock: true, minOnDuty: 0, updatedBy: null },
        START,
      ),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await periods.delete(period.id);
    expect(await notes.getKeyPeriodDuty(period.id)).toBeNull();
  });
});
