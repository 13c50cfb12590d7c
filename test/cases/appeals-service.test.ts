/**
 * The appeal service on both engines, below the API: the unit's working-day calendar (holidays and
 * make-up days) decides the reply deadline registered in the case deadlines and its extension, and the
 * evaluation pipeline's intake (a system actor) takes items in once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptAppeal,
  createAppeal,
  dispatchAppeal,
  extendAppeal,
  intakeEvaluatedItems,
  intakeItems,
  replyAppeal,
  type AppealActor,
  type AppealServiceDeps,
} from '../../src/cases/appeals/index.js';
import type { WorkCalendar } from '../../src/cases/calendar/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const cst = (date: string, hour = 0): number =>
  Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** 2024: 5月1–5日 off (劳动节), Sunday 28 April and Saturday 11 May worked (调休). */
const MAY_DAY: WorkCalendar = {
  timeZone: 'Asia/Shanghai',
  holidays: new Set(['2024-05-01', '2024-05-02', '2024-05-03']),
  workdays: new Set(['2024-04-28', '2024-05-11']),
};

describe.each(databaseTargets)('appeal service on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let clock: ManualClock;
  let deps: AppealServiceDeps;
  let unitId: string;
  let departmentId: string;
  const calendarsAsked: string[] = [];
  const actor = (): AppealActor => ({ userId: null, ip: null, unitIds: [unitId] });

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    clock = new ManualClock(cst('2024-04-26', 15)); // Friday before May Day
    storage = await openStorage(database.url, { clock });
    unitId = (await storage.units.create({ name: '姑苏区网信办', parentId: null })).id;
    departmentId = (
      await storage.appealDepartments.create({ unitId, name: '区水务局', categories: ['water'] })
    ).id;
    deps = {
      storage,
      clock,
      calendarFor: (asked) => {
        calendarsAsked.push(asked);
        return MAY_DAY;
      },
    };
  });
  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('counts the reply deadline and the extension on the unit’s calendar', async () => {
    const appeal = await createAppeal(deps, actor(), { unitId, title: '停水', content: '停水三天' });
    await acceptAppeal(deps, actor(), appeal.id);
    const sent = await dispatchAppeal(deps, actor(), appeal.id, { departmentId });
    // Friday 26 April: Sunday 28 (worked), Monday 29, Tuesday 30, then May Day off, Monday 6, Tuesday 7
    expect(sent.dueAt).toBe(cst('2024-05-08'));
    expect(calendarsAsked).toContain(unitId);
    const [deadline] = await storage.caseDeadlines.listFor('appeal', appeal.id);
    expect(deadline).toMatchObject({
      kind: 'reply',
      dueAt: cst('2024-05-08'),
      remindAt: cst('2024-05-07'),
      doneAt: null,
    });

    const extended = await extendAppeal(deps, actor(), appeal.id, { days: 4, reason: '管网抢修' });
    // after Tuesday 7 May: 8, 9, 10, Saturday 11 (worked)
    expect(extended.dueAt).toBe(cst('2024-05-12'));
    const [moved] = await storage.caseDeadlines.listFor('appeal', appeal.id);
    expect(moved).toMatchObject({ dueAt: cst('2024-05-12'), remindAt: cst('2024-05-11'), remindedAt: null });

    clock.advance(cst('2024-05-06', 10) - clock.now());
    const replied = await replyAppeal(deps, actor(), appeal.id, '已恢复供水');
    // received Friday 26 April: 28, 29, 30 April and Monday 6 May are working days
    expect(replied).toMatchObject({ state: 'replied', onTime: true, handlingDays: 4, publishState: 'none' });
    const [done] = await storage.caseDeadlines.listFor('appeal', appeal.id);
    expect(done?.doneAt).toBe(cst('2024-05-06', 10));
  });

  it('takes in only appeals among evaluated items, once', async () => {
    const now = clock.now();
    const board = await storage.sources.create({
      unitId,
      name: '留言板',
      kind: 'feed',
      config: { messageBoard: true },
    });
    const [flagged = '', fromBoard = '', plain = ''] = await storage.items.insertMany([
      {
        unitId,
        kind: 'post',
        content: '垃圾清运不及时',
        contentHash: 'b1',
        publishedAt: now,
        collectedAt: now,
        appeal: true,
      },
      {
        unitId,
        sourceId: board.id,
        kind: 'post',
        content: '建议增设公交站',
        contentHash: 'b2',
        publishedAt: now,
        collectedAt: now,
      },
      {
        unitId,
        kind: 'post',
        content: '风景很美',
        contentHash: 'b3',
        publishedAt: now,
        collectedAt: now,
        appeal: false,
      },
    ]);
    expect(await intakeEvaluatedItems(deps, [flagged, fromBoard, plain, 'missing'])).toBe(2);
    expect(await intakeEvaluatedItems(deps, [flagged, fromBoard, plain])).toBe(0);
    expect((await storage.appeals.findByItem(fromBoard))?.channel).toBe('message_board');
    expect(await storage.appeals.findByItem(plain)).toBeNull();
  });

  it('takes items in for the pipeline with a system actor, once', async () => {
    const now = clock.now();
    const [flagged = '', other = ''] = await storage.items.insertMany([
      {
        unitId,
        kind: 'post',
        content: '小区路灯不亮，请尽快维修',
        contentHash: 'a1',
        publishedAt: now,
        collectedAt: now,
        appeal: true,
      },
      {
        unitId,
        kind: 'post',
        content: '今天天气很好',
        contentHash: 'a2',
        publishedAt: now,
        collectedAt: now,
        appeal: false,
      },
    ]);
    const system: AppealActor = { userId: null, ip: null, unitIds: null };
    const first = await intakeItems(deps, system, [flagged, other]);
    expect(first.map((result) => result.outcome)).toEqual(['created', 'not_an_appeal']);
    const second = await intakeItems(deps, system, [flagged]);
    expect(second.map((result) => result.outcome)).toEqual(['existing']);
    const created = first[0] && 'appeal' in first[0] ? first[0].appeal : null;
    expect(created).toMatchObject({
      unitId,
      channel: 'item',
      itemId: flagged,
      receivedAt: now,
      createdBy: null,
    });
    const timeline = await storage.caseTimeline.list('appeal', created?.id ?? '');
    expect(timeline.map((entry) => [entry.action, entry.actorUserId])).toEqual([['intake', null]]);
  });
});
