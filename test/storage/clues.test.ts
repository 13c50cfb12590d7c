/** Clues on both engines: create, scope, filters and pages, updates, counts and the case-filing rate. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyChecklist } from '../../src/domain/index.js';
import { KyselyClueRepository } from '../../src/storage/clues/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const DAY = 86_400_000;

describe.each(databaseTargets)('clues on $name', (target) => {
  let test: TestDatabase;
  let clues: KyselyClueRepository;
  let unitA: string;
  let unitB: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    clues = new KyselyClueRepository(test.handle.db);
    unitA = (await makeUnit(test, 'A')).id;
    unitB = (await makeUnit(test, 'B')).id;
  });
  afterAll(async () => test.close());

  const make = (
    unitId: string,
    title: string,
    at: number,
    extra: { itemIds?: string[]; incidentId?: string } = {},
  ) =>
    clues.create({
      unitId,
      title,
      summary: `${title}的情况`,
      origin: extra.incidentId ? 'incident' : 'item',
      itemIds: extra.itemIds ?? ['item-1'],
      incidentId: extra.incidentId ?? null,
      createdBy: null,
      createdAt: at,
    });

  it('creates a draft with an empty checklist and reads it back in scope only', async () => {
    const clue = await make(unitA, '某局长收受礼金', START);
    expect(clue).toMatchObject({
      state: 'draft',
      checklist: emptyChecklist(),
      transfer: null,
      outcome: null,
    });
    expect(await clues.get(clue.id, { unitIds: [unitA] })).toEqual(clue);
    expect(await clues.get(clue.id, { unitIds: [unitB] })).toBeNull();
    await expect(make('no-such-unit', 'x', START)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('updates the checklist, transfer and outcome', async () => {
    const clue = await make(unitA, '违规发放补贴', START + 1);
    const checklist = { ...emptyChecklist(), facts_evident: { checked: true, note: '有转账截图' } };
    const edited = await clues.update(clue.id, { checklist, itemIds: ['item-2', 'item-3'] }, START + 10);
    expect(edited).toMatchObject({ checklist, itemIds: ['item-2', 'item-3'], updatedAt: START + 10 });
    const transfer = {
      toUnitName: '区纪委监委',
      contact: '王科长 0512-1234',
      at: START + 20,
      by: null,
      evidenceIds: ['ev-1'],
      packageId: null,
    };
    const moved = await clues.update(clue.id, { state: 'transferred', transfer }, START + 20);
    expect(moved.transfer).toEqual(transfer);
    const done = await clues.update(
      clue.id,
      { state: 'filed', outcome: 'filed', outcomeAt: START + 30, outcomeNote: '已立案' },
      START + 30,
    );
    expect(done).toMatchObject({ state: 'filed', outcome: 'filed', outcomeNote: '已立案' });
    await expect(clues.update('missing', { title: 'x' }, START)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists newest first with filters and keyset pages', async () => {
    const scope = { unitIds: [unitB] };
    const first = await make(unitB, 'B1', START + 100, { itemIds: ['item-x'] });
    const second = await make(unitB, 'B2', START + 200, { incidentId: 'inc-9' });
    const third = await make(unitB, 'B3', START + 300, { itemIds: ['item-x', 'item-y'] });
    const page1 = await clues.list(scope, {}, { limit: 2 });
    expect(page1.items.map((c) => c.id)).toEqual([third.id, second.id]);
    const page2 = await clues.list(scope, {}, { limit: 2, cursor: page1.nextCursor });
    expect(page2.items.map((c) => c.id)).toEqual([first.id]);
    expect(page2.nextCursor).toBeNull();
    expect((await clues.list(scope, { itemId: 'item-x' }, { limit: 10 })).items.map((c) => c.id)).toEqual([
      third.id,
      first.id,
    ]);
    expect((await clues.list(scope, { incidentId: 'inc-9' }, { limit: 10 })).items.map((c) => c.id)).toEqual([
      second.id,
    ]);
    expect((await clues.list(scope, { origins: ['incident'] }, { limit: 10 })).items).toHaveLength(1);
    expect(
      (await clues.list(scope, { from: START + 150, to: START + 250 }, { limit: 10 })).items.map((c) => c.id),
    ).toEqual([second.id]);
    expect((await clues.list({ unitIds: [] }, {}, { limit: 10 })).items).toEqual([]);
  });

  it('counts clues by state and computes the case-filing rate per unit and period', async () => {
    const unitC = (await makeUnit(test, 'C')).id;
    const unitD = (await makeUnit(test, 'D')).id;
    const base = START + 10 * DAY;
    const transfer = (at: number) => ({
      toUnitName: '纪委',
      contact: '张',
      at,
      by: null,
      evidenceIds: [],
      packageId: null,
    });
    const outcomes = [
      [unitC, 'filed'],
      [unitC, 'filed'],
      [unitC, 'not_filed'],
      [unitC, 'closed_after_check'],
      [unitC, 'in_progress'],
      [unitC, null],
      [unitD, 'not_filed'],
    ] as const;
    for (const [index, [unitId, outcome]] of outcomes.entries()) {
      const clue = await make(unitId, `c${index}`, base);
      await clues.update(
        clue.id,
        { state: outcome ?? 'transferred', transfer: transfer(base + index), ...(outcome && { outcome }) },
        base + index,
      );
    }
    // transferred outside the period, and never transferred
    const late = await make(unitC, 'late', base);
    await clues.update(
      late.id,
      { state: 'filed', transfer: transfer(base + 40 * DAY), outcome: 'filed' },
      base,
    );
    await make(unitC, 'draft', base);

    const stats = await clues.filingStats({ unitIds: [unitC, unitD] }, { from: base, to: base + DAY });
    expect(stats).toEqual(
      [
        {
          unitId: unitC,
          transferred: 6,
          filed: 2,
          closedAfterCheck: 1,
          notFiled: 1,
          inProgress: 1,
          awaiting: 1,
          filingRate: 0.5,
        },
        {
          unitId: unitD,
          transferred: 1,
          filed: 0,
          closedAfterCheck: 0,
          notFiled: 1,
          inProgress: 0,
          awaiting: 0,
          filingRate: 0,
        },
      ].sort((a, b) => (a.unitId < b.unitId ? -1 : 1)),
    );
    expect(await clues.filingStats({ unitIds: [unitD] }, { from: base + DAY, to: base + 2 * DAY })).toEqual(
      [],
    );
    const counts = await clues.countByState({ unitIds: [unitC] });
    expect(counts).toMatchObject({
      draft: 1,
      transferred: 1,
      in_progress: 1,
      filed: 3,
      not_filed: 1,
      closed_after_check: 1,
      ready: 0,
    });
  });
});
