/**
 * Case deadlines on both engines: setting creates one row per record and kind, moving a deadline resets
 * its reminder and escalation marks, completing it takes it off both due lists, and the due lists return
 * exactly the deadlines whose reminder or due time has come and that were not notified yet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyCaseDeadlineRepository } from '../../src/storage/case-deadlines/repository.js';
import type { CaseDeadlineInput } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const HOUR = 3_600_000;

describe.each(databaseTargets)('case deadlines on $name', (target) => {
  let test: TestDatabase;
  let deadlines: KyselyCaseDeadlineRepository;
  let unitId: string;

  const input = (
    recordId: string,
    kind: string,
    dueAt: number,
    remindAt: number | null,
  ): CaseDeadlineInput => ({
    unitId,
    recordType: 'appeal',
    recordId,
    kind,
    title: `诉求 ${recordId} ${kind}`,
    level: 'yellow',
    dueAt,
    remindAt,
  });

  beforeAll(async () => {
    test = await openTestDatabase(target);
    deadlines = new KyselyCaseDeadlineRepository(test.handle.db);
    unitId = (await makeUnit(test)).id;
  });
  afterAll(async () => test.close());

  it('sets one deadline per record and kind, and lists them earliest first', async () => {
    const first = await deadlines.set(input('a-1', 'reply', START + 48 * HOUR, START + 24 * HOUR), START);
    await deadlines.set(input('a-1', 'return', START + 10 * HOUR, null), START);
    const again = await deadlines.set(input('a-1', 'reply', START + 48 * HOUR, START + 24 * HOUR), START + 1);
    expect(again.id).toBe(first.id);
    const listed = await deadlines.listFor('appeal', 'a-1');
    expect(listed.map((d) => d.kind)).toEqual(['return', 'reply']);
    expect(listed[1]).toMatchObject({
      unitId,
      title: '诉求 a-1 reply',
      level: 'yellow',
      dueAt: START + 48 * HOUR,
      remindAt: START + 24 * HOUR,
      remindedAt: null,
      escalatedAt: null,
      doneAt: null,
      createdAt: START,
    });
    expect(await deadlines.listFor('appeal', 'a-2')).toEqual([]);
  });

  it('lists due reminders and escalations once, until the marks are set', async () => {
    await deadlines.set(input('b-1', 'reply', START + 100 * HOUR, START + 90 * HOUR), START);
    await deadlines.set(input('b-2', 'reply', START + 95 * HOUR, START + 80 * HOUR), START);
    const at = START + 91 * HOUR;
    const reminders = (await deadlines.dueReminders(at, 10)).filter((d) => d.recordId.startsWith('b-'));
    expect(reminders.map((d) => d.recordId)).toEqual(['b-2', 'b-1']);
    expect(await deadlines.markReminded(reminders[0]?.id ?? '', at)).toBe(true);
    // A second sweep (another process) finds the reminder claimed and sends nothing.
    expect(await deadlines.markReminded(reminders[0]?.id ?? '', at + 1)).toBe(false);
    const left = (await deadlines.dueReminders(at, 10)).filter((d) => d.recordId.startsWith('b-'));
    expect(left.map((d) => d.recordId)).toEqual(['b-1']);

    const later = START + 96 * HOUR;
    expect((await deadlines.dueReminders(later, 10)).some((d) => d.recordId === 'b-2')).toBe(false);
    const overdue = (await deadlines.dueEscalations(later, 10)).filter((d) => d.recordId.startsWith('b-'));
    expect(overdue.map((d) => d.recordId)).toEqual(['b-2']);
    expect(await deadlines.markEscalated(overdue[0]?.id ?? '', later)).toBe(true);
    expect(await deadlines.markEscalated(overdue[0]?.id ?? '', later + 1)).toBe(false);
    expect((await deadlines.dueEscalations(later, 10)).some((d) => d.recordId === 'b-2')).toBe(false);
    const [row] = await deadlines.listFor('appeal', 'b-2');
    expect(row).toMatchObject({ remindedAt: at, escalatedAt: later });
  });

  it('moving a deadline resets its marks; a changed title alone keeps them', async () => {
    await deadlines.set(input('c-1', 'reply', START + 10 * HOUR, START + 5 * HOUR), START);
    const [row] = await deadlines.listFor('appeal', 'c-1');
    await deadlines.markReminded(row?.id ?? '', START + 6 * HOUR);
    await deadlines.markEscalated(row?.id ?? '', START + 11 * HOUR);
    await deadlines.set(
      { ...input('c-1', 'reply', START + 10 * HOUR, START + 5 * HOUR), title: '改名' },
      START,
    );
    expect((await deadlines.listFor('appeal', 'c-1'))[0]).toMatchObject({
      title: '改名',
      remindedAt: START + 6 * HOUR,
      escalatedAt: START + 11 * HOUR,
    });
    const moved = await deadlines.set(
      input('c-1', 'reply', START + 30 * HOUR, START + 20 * HOUR),
      START + 12 * HOUR,
    );
    expect(moved).toMatchObject({ dueAt: START + 30 * HOUR, remindedAt: null, escalatedAt: null });
    expect((await deadlines.dueReminders(START + 21 * HOUR, 50)).map((d) => d.recordId)).toContain('c-1');
  });

  it('a completed deadline is due for nothing', async () => {
    await deadlines.set(input('d-1', 'reply', START + 10 * HOUR, START + 5 * HOUR), START);
    await deadlines.complete('appeal', 'd-1', 'reply', START + 6 * HOUR);
    await deadlines.complete('appeal', 'd-1', 'reply', START + 7 * HOUR);
    const [row] = await deadlines.listFor('appeal', 'd-1');
    expect(row?.doneAt).toBe(START + 6 * HOUR);
    expect((await deadlines.dueReminders(START + 6 * HOUR, 50)).some((d) => d.recordId === 'd-1')).toBe(
      false,
    );
    expect((await deadlines.dueEscalations(START + 11 * HOUR, 50)).some((d) => d.recordId === 'd-1')).toBe(
      false,
    );
    await deadlines.complete('appeal', 'nothing', 'reply', START);
  });

  it('honours the limit of the due lists', async () => {
    for (const id of ['e-1', 'e-2', 'e-3']) {
      await deadlines.set(
        { ...input(id, 'reply', START + 500 * HOUR, START + 400 * HOUR), recordType: 'plan_task' },
        START,
      );
    }
    const due = await deadlines.dueReminders(START + 401 * HOUR, 2);
    expect(due).toHaveLength(2);
  });
});
