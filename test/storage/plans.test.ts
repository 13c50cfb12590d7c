/**
 * Emergency plans on both engines: versions are kept; activation on an incident builds the checklist with
 * owners and registers each task's deadline; tasks are ticked off, skipped with a reason and reopened, each
 * step on the timelines and in the audit log; an illegal step changes nothing; the work-summary counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activatePlan,
  actOnTask,
  createPlan,
  defaultPlans,
  installDefaultPlans,
  updatePlan,
  type PlanActor,
  type PlanServiceDeps,
} from '../../src/cases/plans/index.js';
import type { PlanContent } from '../../src/domain/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { openStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';

const START = Date.UTC(2024, 4, 3, 2, 0, 0);
const MINUTE = 60_000;

const CONTENT: PlanContent = {
  name: '网络谣言应对预案（重大）',
  category: 'online_rumor',
  level: 'major',
  description: null,
  roles: [
    { key: 'lead', name: '总指挥', appRole: 'leader', userIds: [] },
    { key: 'desk', name: '监测组', appRole: 'monitor', userIds: [] },
  ],
  contacts: [{ name: '值班室', roleKey: null, phone: '0512-12345', email: null, note: null }],
  steps: [
    {
      key: 'start',
      title: '启动响应',
      description: null,
      roleKey: 'lead',
      ownerUserId: null,
      limitMinutes: 30,
    },
    {
      key: 'watch',
      title: '全网监测',
      description: null,
      roleKey: 'desk',
      ownerUserId: null,
      limitMinutes: 60,
    },
    {
      key: 'release',
      title: '首次发布',
      description: null,
      roleKey: 'lead',
      ownerUserId: null,
      limitMinutes: 300,
    },
  ],
};

describe.each(databaseTargets)('emergency plans on $name', (target) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let clock: ManualClock;
  let deps: PlanServiceDeps;
  let unitId: string;
  let otherUnitId: string;
  let leaderId: string;
  let monitorId: string;
  let actor: PlanActor;

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    clock = new ManualClock(START);
    storage = await openStorage(database.url, { clock });
    deps = { storage, clock };
    unitId = (await storage.units.create({ name: '姑苏区网信办', parentId: null })).id;
    otherUnitId = (await storage.units.create({ name: '虎丘区网信办', parentId: null })).id;
    const user = (username: string, roles: ('leader' | 'monitor')[], unit = unitId) =>
      storage.users.create({ unitId: unit, username, displayName: username, passwordHash: 'x', roles });
    leaderId = (await user('leader', ['leader'])).id;
    monitorId = (await user('monitor', ['monitor'])).id;
    await user('other-leader', ['leader'], otherUnitId);
    actor = { userId: leaderId, ip: '127.0.0.1', unitIds: [unitId] };
  }, 60_000);

  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('keeps every version of a plan', async () => {
    const plan = await createPlan(deps, actor, { unitId, content: CONTENT });
    expect(plan).toMatchObject({ version: 1, status: 'active', name: CONTENT.name, steps: CONTENT.steps });
    clock.advance(MINUTE);
    const changed = await updatePlan(deps, actor, plan.id, { content: { ...CONTENT, name: '改名后的预案' } });
    expect(changed).toMatchObject({ version: 2, name: '改名后的预案' });
    const archived = await updatePlan(deps, actor, plan.id, { status: 'archived' });
    expect(archived).toMatchObject({ version: 2, status: 'archived' });
    const versions = await storage.plans.listVersions(plan.id);
    expect(versions.map((v) => [v.version, v.content.name])).toEqual([
      [2, '改名后的预案'],
      [1, CONTENT.name],
    ]);
    await expect(
      updatePlan(deps, { ...actor, unitIds: [otherUnitId] }, plan.id, { status: 'active' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      activatePlan(deps, actor, { planId: plan.id, recordType: 'incident', recordId: 'x' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('activates a plan on an incident and ticks off its tasks', async () => {
    const plan = await createPlan(deps, actor, { unitId, content: CONTENT });
    const activatedAt = clock.now();
    const { activation, tasks } = await activatePlan(deps, actor, {
      planId: plan.id,
      recordType: 'incident',
      recordId: 'inc-1',
    });
    expect(activation).toMatchObject({ planVersion: 1, level: 'major', recordId: 'inc-1', unitId });
    expect(tasks.map((t) => [t.seq, t.title, t.ownerUserIds, t.dueAt])).toEqual([
      [1, '启动响应', [leaderId], activatedAt + 30 * MINUTE],
      [2, '全网监测', [monitorId], activatedAt + 60 * MINUTE],
      [3, '首次发布', [leaderId], activatedAt + 300 * MINUTE],
    ]);
    const [first, second, third] = tasks;
    if (!first || !second || !third) throw new Error('three tasks expected');
    const deadlines = await storage.caseDeadlines.listFor('plan_task', first.id);
    expect(deadlines).toMatchObject([
      {
        kind: 'task',
        level: 'orange',
        dueAt: first.dueAt,
        remindAt: first.dueAt - 7.5 * MINUTE,
        doneAt: null,
      },
    ]);
    await expect(
      activatePlan(deps, actor, { planId: plan.id, recordType: 'incident', recordId: 'inc-1' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    clock.advance(10 * MINUTE);
    const done = await actOnTask(deps, actor, first.id, 'complete', '已通知全体成员');
    expect(done).toMatchObject({
      state: 'done',
      note: '已通知全体成员',
      doneBy: leaderId,
      doneAt: clock.now(),
    });
    expect((await storage.caseDeadlines.listFor('plan_task', first.id))[0]?.doneAt).toBe(clock.now());

    await expect(actOnTask(deps, actor, first.id, 'complete')).rejects.toMatchObject({
      code: 'CASE_TRANSITION_INVALID',
    });
    expect(await storage.plans.getTask(first.id)).toEqual(done);
    await expect(actOnTask(deps, actor, second.id, 'skip', '  ')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const skipped = await actOnTask(deps, actor, second.id, 'skip', '由市级统一监测');
    expect(skipped).toMatchObject({ state: 'skipped', note: '由市级统一监测' });

    clock.advance(MINUTE);
    const reopened = await actOnTask(deps, actor, first.id, 'reopen', '需要补充通知');
    expect(reopened).toMatchObject({
      state: 'open',
      doneAt: null,
      doneBy: null,
      dueAt: clock.now() + 60 * MINUTE,
    });
    const afterReopen = await storage.caseDeadlines.listFor('plan_task', first.id);
    expect(afterReopen.filter((d) => d.doneAt === null)).toMatchObject([
      { kind: `reopen-${clock.now()}`, dueAt: clock.now() + 60 * MINUTE },
    ]);

    const taskTimeline = await storage.caseTimeline.list('plan_task', first.id);
    expect(taskTimeline.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['create', null, 'open'],
      ['complete', 'open', 'done'],
      ['reopen', 'done', 'open'],
    ]);
    const incidentTimeline = await storage.caseTimeline.list('incident', 'inc-1');
    expect(incidentTimeline.map((e) => e.action)).toEqual([
      'plan_activated',
      'plan_task_complete',
      'plan_task_skip',
      'plan_task_reopen',
    ]);
    const audit = await storage.audit.list({ unitIds: [unitId] }, { targetType: 'plan_task' }, { limit: 10 });
    expect(audit.items.map((e) => e.action).sort()).toEqual(
      ['plan_task.complete', 'plan_task.reopen', 'plan_task.skip'].sort(),
    );

    const counts = await storage.plans.taskCounts(
      { unitIds: [unitId] },
      { activationId: activation.id },
      clock.now(),
    );
    expect(counts).toEqual({ open: 2, done: 0, skipped: 1, overdue: 0 });
    const mine = await storage.plans.listTaskPage(
      { unitIds: [unitId] },
      { ownerUserId: monitorId },
      { limit: 10 },
    );
    expect(mine.items.map((t) => t.id)).toEqual([second.id]);
    clock.advance(400 * MINUTE);
    const late = await storage.plans.taskCounts(
      { unitIds: [unitId] },
      { activationId: activation.id },
      clock.now(),
    );
    expect(late.overdue).toBe(2);
    const overdue = await storage.plans.listTaskPage(
      { unitIds: [unitId] },
      { overdueAt: clock.now() },
      { limit: 10 },
    );
    expect(overdue.items.map((t) => t.id).sort()).toEqual([first.id, third.id].sort());

    await expect(
      actOnTask(deps, { ...actor, unitIds: [otherUnitId] }, third.id, 'complete'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const stats = await storage.plans.countActivations({ unitIds: null }, START, clock.now() + 1);
    expect(stats).toEqual([
      { unitId, level: 'major', activations: 1, tasks: 3, tasksDone: 0, tasksSkipped: 1 },
    ]);
  });

  it('installs the default set once per category and level', async () => {
    const first = await installDefaultPlans(deps, { ...actor, unitIds: [otherUnitId] }, otherUnitId);
    expect(first.installed).toHaveLength(defaultPlans().length);
    expect(first.skipped).toBe(0);
    const again = await installDefaultPlans(deps, { ...actor, unitIds: [otherUnitId] }, otherUnitId);
    expect(again).toEqual({ installed: [], skipped: defaultPlans().length });
    const rumor = await storage.plans.list(
      { unitIds: [otherUnitId] },
      { category: 'online_rumor', level: 'especially_major' },
      { limit: 10 },
    );
    expect(rumor.items).toHaveLength(1);
    expect(rumor.items[0]?.name).toContain('网络谣言');
    await expect(installDefaultPlans(deps, actor, otherUnitId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
