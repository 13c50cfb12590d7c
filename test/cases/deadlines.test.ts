/**
 * Case deadlines end to end on both engines, through a fake clock: a 5-working-day deadline registered on
 * the Friday before the National Day holiday (with its make-up Sunday) falls due on the right day; the
 * sweep raises the reminder and then the overdue escalation as case_deadline alerts whose outbox rows the
 * real dispatcher delivers to a real webhook receiver on 127.0.0.1; running the sweep again sends nothing
 * twice; completed deadlines stay silent, moved ones notify again, and a failing hook leaves the deadline
 * for the next sweep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertBus } from '../../src/alerts/bus.js';
import { createChannelRegistry } from '../../src/alerts/channels/registry.js';
import { createHttpPoster, type ClosableHttpPoster } from '../../src/alerts/channels/transports/http.js';
import { dispatchDue, type DispatcherDeps } from '../../src/alerts/dispatch/dispatcher.js';
import { enqueueDeliveries } from '../../src/alerts/dispatch/enqueue.js';
import {
  registerCaseDeadline,
  sweepCaseDeadlines,
  type DeadlineSweepDeps,
} from '../../src/cases/deadlines/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { openStorage } from '../../src/storage/index.js';
import type { CaseDeadline, Storage } from '../../src/storage/repositories.js';
import { startHttpReceiver, type HttpReceiver } from '../alerts/receivers.js';
import { databaseTargets } from '../helpers/databases.js';

/** Friday 27 September 2024, 10:00 in Shanghai. */
const FRIDAY = Date.UTC(2024, 8, 27, 2, 0);
const HOUR = 3_600_000;
/** 2024 National Day: 1–7 October off, Sunday 29 September and Saturday 12 October worked. */
const NATIONAL_DAY = {
  holidays: [
    '2024-10-01',
    '2024-10-02',
    '2024-10-03',
    '2024-10-04',
    '2024-10-05',
    '2024-10-06',
    '2024-10-07',
  ],
  workdays: ['2024-09-29', '2024-10-12'],
};

interface WebhookBody {
  deliveryId: string;
  title: string;
  fields: Record<string, string>;
  alert: { trigger: string; level: string; mergeKey: string };
}

describe.each(databaseTargets)('case deadline sweep on $name', (target) => {
  let drop: () => Promise<void>;
  let storage: Storage;
  let clock: ManualClock;
  let receiver: HttpReceiver;
  let http: ClosableHttpPoster;
  let dispatch: DispatcherDeps;
  let sweep: DeadlineSweepDeps;
  let districtId: string;
  let woken = 0;
  let storageUrl = '';

  const bodies = (): WebhookBody[] =>
    receiver.requests.map((request) => JSON.parse(request.body) as WebhookBody);

  /** Registers a deadline the way the case services do: counted on the unit's effective calendar. */
  async function register(
    recordId: string,
    workingDays: number,
    level: string | null,
  ): Promise<CaseDeadline> {
    const now = clock.now();
    return storage.transaction((tx) =>
      registerCaseDeadline(
        tx,
        {
          unitId: districtId,
          recordType: 'appeal',
          recordId,
          kind: 'reply',
          title: `「${recordId}」诉求答复`,
          level,
          start: now,
          span: { workingDays },
        },
        now,
      ),
    );
  }

  beforeAll(async () => {
    const database = await target.create();
    drop = database.drop;
    storageUrl = database.url;
    clock = new ManualClock(FRIDAY);
    storage = await openStorage(database.url, { clock });
    receiver = await startHttpReceiver();
    http = createHttpPoster({ timeoutMs: 10_000 });
    const city = await storage.units.create({ name: '市委网信办', parentId: null });
    const district = await storage.units.create({ name: '姑苏区网信办', parentId: city.id });
    districtId = district.id;
    await storage.workCalendars.put(
      { unitId: city.id, timeZone: 'Asia/Shanghai', ...NATIONAL_DAY, updatedBy: null },
      FRIDAY,
    );
    await storage.channels.create({
      unitId: districtId,
      kind: 'webhook',
      name: '值班群机器人',
      config: { url: `${receiver.url}/hook` },
    });
    dispatch = {
      deliveries: storage.deliveries,
      channels: storage.channels,
      alerts: storage.alerts,
      registry: createChannelRegistry({ http, mail: null, bus: createAlertBus() }),
      clock,
      logger: createLogger('silent'),
      random: () => 0.5,
      settings: { timeZone: 'Asia/Shanghai' },
    };
    sweep = {
      storage,
      onRaised: async (tx, alert) => {
        await enqueueDeliveries(tx, alert, { now: clock.now() });
      },
      onNotified: () => {
        woken += 1;
      },
      logger: createLogger('silent'),
    };
  }, 60_000);

  afterAll(async () => {
    await receiver.close();
    await http.close();
    await storage.close();
    await drop();
  });

  it('reminds, then escalates a deadline counted across the weekend and the holiday, once each', async () => {
    const deadline = await register('停水', 5, 'yellow');
    // Sun 29 Sep (make-up), Mon 30 Sep, then 8, 9, 10 October: due at the end of Thursday 10 October.
    expect(new Date(deadline.dueAt).toISOString()).toBe('2024-10-10T16:00:00.000Z');
    expect(new Date(deadline.remindAt ?? 0).toISOString()).toBe('2024-10-09T16:00:00.000Z');

    expect(await sweepCaseDeadlines(sweep, clock.now())).toMatchObject({ reminders: 0, escalations: 0 });
    clock.advance(Date.UTC(2024, 9, 9, 15, 59) - clock.now());
    expect(await sweepCaseDeadlines(sweep, clock.now())).toMatchObject({ reminders: 0, escalations: 0 });
    expect(await dispatchDue(dispatch)).toEqual([]);

    clock.advance(31 * 60_000);
    const reminded = await sweepCaseDeadlines(sweep, clock.now());
    expect(reminded).toMatchObject({ reminders: 1, escalations: 0, failed: 0 });
    expect(woken).toBe(1);
    expect(await dispatchDue(dispatch)).toEqual(['sent']);
    expect(await sweepCaseDeadlines(sweep, clock.now())).toMatchObject({ reminders: 0, escalations: 0 });
    expect(await dispatchDue(dispatch)).toEqual([]);
    expect(receiver.requests).toHaveLength(1);
    const [reminder] = bodies();
    expect(reminder?.title).toBe('【黄色预警】处置时限提醒：「停水」诉求答复');
    expect(reminder?.fields).toMatchObject({
      类别: '处置时限',
      级别: '黄色预警',
      起始时间: '2024-10-10 00:00',
      影响范围: '网络诉求（编号 停水）',
      警示事项: '「停水」诉求答复将于2024-10-10 24:00到期（还剩23小时30分钟），尚未办结。',
      发布单位: '姑苏区网信办',
    });
    expect(reminder?.fields['建议措施']).toContain('时限内办结');
    expect(reminder?.alert.trigger).toBe('case_deadline');

    clock.advance(Date.UTC(2024, 9, 10, 17, 0) - clock.now());
    const escalated = await sweepCaseDeadlines(sweep, clock.now());
    expect(escalated).toMatchObject({ reminders: 0, escalations: 1 });
    expect(await dispatchDue(dispatch)).toEqual(['sent']);
    expect(await sweepCaseDeadlines(sweep, clock.now())).toMatchObject({ reminders: 0, escalations: 0 });
    clock.advance(24 * HOUR);
    expect(await sweepCaseDeadlines(sweep, clock.now())).toMatchObject({ reminders: 0, escalations: 0 });
    expect(await dispatchDue(dispatch)).toEqual([]);
    expect(receiver.requests).toHaveLength(2);
    const overdue = bodies()[1];
    expect(overdue?.title).toBe('【橙色预警】处置逾期：「停水」诉求答复');
    expect(overdue?.fields).toMatchObject({
      级别: '橙色预警',
      起始时间: '2024-10-11 00:00',
      警示事项: '「停水」诉求答复已于2024-10-10 24:00到期，逾期1小时仍未办结。',
    });

    const [row] = await storage.caseDeadlines.listFor('appeal', '停水');
    expect(row).toMatchObject({
      remindedAt: Date.UTC(2024, 9, 9, 16, 30),
      escalatedAt: Date.UTC(2024, 9, 10, 17, 0),
    });
    const timeline = await storage.caseTimeline.list('appeal', '停水');
    expect(timeline.map((entry) => entry.action)).toEqual(['deadline_reminder', 'deadline_overdue']);
    expect(timeline[1]).toMatchObject({ actorUserId: null, unitId: districtId });
    expect(timeline[1]?.details).toMatchObject({ kind: 'reply', dueAt: deadline.dueAt, level: 'orange' });
    const audit = await storage.audit.list({ unitIds: null }, { targetId: '停水' }, { limit: 10 });
    expect(audit.items.map((entry) => entry.action).sort()).toEqual([
      'case-deadline.overdue',
      'case-deadline.reminder',
    ]);
    const alerts = await storage.alerts.list(
      { unitIds: [districtId] },
      { triggers: ['case_deadline'] },
      { limit: 10 },
    );
    expect(alerts.items.map((alert) => alert.level).sort()).toEqual(['orange', 'yellow']);
  });

  it('stays silent for a completed deadline and notifies again after an extension', async () => {
    receiver.requests.length = 0;
    await register('已办结', 2, 'red');
    const moved = await register('延期', 1, null);
    await storage.transaction((tx) => tx.caseDeadlines.complete('appeal', '已办结', 'reply', clock.now()));
    clock.advance(moved.dueAt - clock.now() + HOUR);
    expect(await sweepCaseDeadlines(sweep, clock.now())).toMatchObject({ reminders: 0, escalations: 1 });
    // Extended by 2 working days: a new due time resets the marks, so the new reminder and escalation go out.
    const extended = await register('延期', 2, null);
    expect(extended.id).toBe(moved.id);
    expect(extended).toMatchObject({ remindedAt: null, escalatedAt: null });
    expect(await sweepCaseDeadlines(sweep, clock.now())).toMatchObject({ reminders: 0, escalations: 0 });
    clock.advance((extended.remindAt ?? 0) - clock.now());
    expect(await sweepCaseDeadlines(sweep, clock.now())).toMatchObject({ reminders: 1, escalations: 0 });
    clock.advance(10 * 24 * HOUR);
    const late = await sweepCaseDeadlines(sweep, clock.now());
    expect(late).toMatchObject({ escalations: 1 });
    expect(await dispatchDue(dispatch)).toEqual(['sent', 'sent', 'sent']);
    const titles = bodies().map((body) => body.title);
    expect(titles.filter((title) => title.includes('已办结'))).toEqual([]);
    expect(titles.filter((title) => title.includes('延期'))).toHaveLength(3);
    expect(bodies().find((body) => body.title.includes('处置逾期'))?.fields['级别']).toBe('橙色预警');
  });

  it('leaves a deadline whose notice failed for the next sweep, with nothing stored', async () => {
    receiver.requests.length = 0;
    const input = await register('重试', 1, 'orange');
    clock.advance(input.dueAt - clock.now() + 1);
    const failing: DeadlineSweepDeps = {
      ...sweep,
      onRaised: async () => {
        throw new Error('outbox unavailable');
      },
    };
    expect(await sweepCaseDeadlines(failing, clock.now())).toMatchObject({ escalations: 0, failed: 1 });
    expect(await storage.caseTimeline.list('appeal', '重试')).toEqual([]);
    expect((await storage.caseDeadlines.listFor('appeal', '重试'))[0]?.escalatedAt).toBeNull();
    const open = await storage.alerts.list(
      { unitIds: [districtId] },
      { triggers: ['case_deadline'], levels: ['red'] },
      { limit: 10 },
    );
    expect(open.items).toEqual([]);

    expect(await sweepCaseDeadlines(sweep, clock.now())).toMatchObject({ escalations: 1, failed: 0 });
    expect(await dispatchDue(dispatch)).toEqual(['sent']);
    expect(bodies()[0]?.fields['级别']).toBe('红色预警');
  });
  it('sends one notice when two processes sweep the same deadline at once', async () => {
    const deadline = await register('并发', 1, 'blue');
    clock.advance(Math.max(0, (deadline.remindAt ?? 0) + 60_000 - clock.now()));
    const other = await openStorage(storageUrl, { clock });
    try {
      const [a, b] = await Promise.all([
        sweepCaseDeadlines(sweep, clock.now()),
        sweepCaseDeadlines({ ...sweep, storage: other }, clock.now()),
      ]);
      expect(a.reminders + b.reminders).toBe(1);
      const notices = (await storage.alerts.list({ unitIds: [districtId] }, {}, { limit: 100, cursor: null }))
        .items;
      expect(notices.filter((alert) => alert.title.includes('并发'))).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
