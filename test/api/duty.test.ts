/**
 * The office calendar and duty through the API on both engines: calendars are read with their origin
 * (own, inherited, default, built in) and changed only with calendar:write within scope, with clear
 * validation errors; who is on duty now; hand-over notes within the caller's units; key periods that
 * require 24-hour duty show the hours their roster leaves uncovered. Unit A's people never see or change
 * unit B's records (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  dutyHandover,
  dutyHandoverPage,
  keyPeriod,
  keyPeriodDutyReport,
  onDutyList,
  workCalendar,
} from '../../src/contract/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type CalendarView = z.output<typeof workCalendar>;
type HandoverView = z.output<typeof dutyHandover>;
type ReportView = z.output<typeof keyPeriodDutyReport>;

const NATIONAL_DAY = {
  timeZone: 'Asia/Shanghai',
  holidays: ['2024-10-01', '2024-10-02', '2024-10-03'],
  workdays: ['2024-09-29'],
};

for (const target of databaseTargets) {
  describe(`office calendar and duty API on ${target.name}`, () => {
    let server: TestServer;
    let root: ApiClient;
    let adminA: ApiClient;
    let monitorA: ApiClient;
    let handlerA: ApiClient;
    let viewerA: ApiClient;
    let monitorB: ApiClient;
    let unitA: string;
    let unitB: string;
    let monitorAId: string;
    let handlerAId: string;
    let monitorBId: string;

    async function client(unitId: string, name: string, roles: Parameters<typeof seedUser>[3]) {
      const user = await seedUser(server, unitId, name, roles);
      return { id: user.id, api: new ApiClient(server.baseUrl, (await seedToken(server, user)).secret) };
    }

    beforeAll(async () => {
      server = await startServer(target);
      const seeded = await seedRoot(server);
      root = new ApiClient(server.baseUrl, (await seedToken(server, seeded.user)).secret);
      unitA = (await server.storage.units.create({ name: '姑苏区网信办', parentId: seeded.unit.id })).id;
      unitB = (await server.storage.units.create({ name: '虎丘区网信办', parentId: seeded.unit.id })).id;
      adminA = (await client(unitA, 'gusu-admin', ['admin'])).api;
      const monitor = await client(unitA, 'gusu-monitor', ['monitor']);
      monitorA = monitor.api;
      monitorAId = monitor.id;
      const handler = await client(unitA, 'gusu-handler', ['handler']);
      handlerA = handler.api;
      handlerAId = handler.id;
      viewerA = (await client(unitA, 'gusu-viewer', ['viewer'])).api;
      const other = await client(unitB, 'huqiu-monitor', ['monitor']);
      monitorB = other.api;
      monitorBId = other.id;
    }, 60_000);

    afterAll(async () => {
      await server.close();
    });

    it('shows the calendar a unit uses and where it comes from', async () => {
      const builtin = await viewerA.get<CalendarView>(`/api/v1/work-calendars/${unitA}`);
      expect(builtin.status).toBe(200);
      expect(builtin.body).toMatchObject({
        unitId: unitA,
        origin: 'builtin',
        timeZone: 'Asia/Shanghai',
        settings: null,
      });

      const setDefault = await root.request<CalendarView>(
        'PUT',
        '/api/v1/work-calendars/default',
        NATIONAL_DAY,
      );
      expect(setDefault.status).toBe(200);
      expect(setDefault.body).toMatchObject({
        unitId: null,
        origin: 'default',
        holidays: NATIONAL_DAY.holidays,
      });
      const inherited = await viewerA.get<CalendarView>(`/api/v1/work-calendars/${unitA}`);
      expect(inherited.body).toMatchObject({ origin: 'default', workdays: ['2024-09-29'] });

      const own = await adminA.request<CalendarView>('PUT', `/api/v1/work-calendars/${unitA}`, {
        timeZone: 'Asia/Shanghai',
        holidays: ['2024-10-04', '2024-10-01'],
      });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({
        unitId: unitA,
        origin: 'own',
        holidays: ['2024-10-01', '2024-10-04'],
        workdays: [],
      });
      expect(own.body.settings?.updatedAt).toBe('2024-05-03T04:00:00.000Z');
      expect((await monitorB.get<CalendarView>(`/api/v1/work-calendars/${unitB}`)).body.origin).toBe(
        'default',
      );
      const audit = await server.storage.audit.list(
        { unitIds: null },
        { action: 'work-calendar.put' },
        { limit: 10 },
      );
      expect(audit.items.map((entry) => entry.targetId).sort()).toEqual([unitA, 'default'].sort());

      expect((await adminA.delete(`/api/v1/work-calendars/${unitA}`)).status).toBe(200);
      expect((await viewerA.get<CalendarView>(`/api/v1/work-calendars/${unitA}`)).body.origin).toBe(
        'default',
      );
      const again = await adminA.delete(`/api/v1/work-calendars/${unitA}`);
      expect(again.status).toBe(404);
    });

    it('refuses bad calendars with the field and value at fault', async () => {
      const put = (body: unknown) => adminA.request('PUT', `/api/v1/work-calendars/${unitA}`, body);
      const zone = await put({ timeZone: 'Asia/Atlantis', holidays: [] });
      expect(zone.status).toBe(400);
      expect(zone.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'timeZone', value: 'Asia/Atlantis' },
      });
      const impossible = await put({ timeZone: 'Asia/Shanghai', holidays: ['2024-02-30'] });
      expect(impossible.status).toBe(400);
      expect(impossible.body.error.details).toMatchObject({ field: 'holidays', value: '2024-02-30' });
      const both = await put({
        timeZone: 'Asia/Shanghai',
        holidays: ['2024-10-01'],
        workdays: ['2024-10-01'],
      });
      expect(both.body.error.details).toMatchObject({ field: 'workdays', value: '2024-10-01' });
      const malformed = await put({ timeZone: 'Asia/Shanghai', holidays: ['2024-10-1'] });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
      expect((await viewerA.get<CalendarView>(`/api/v1/work-calendars/${unitA}`)).body.origin).toBe(
        'default',
      );
    });

    it('lets only calendar:write change calendars, within scope', async () => {
      const body = { timeZone: 'Asia/Shanghai', holidays: [] };
      expect((await monitorA.request('PUT', `/api/v1/work-calendars/${unitA}`, body)).status).toBe(403);
      expect((await adminA.request('PUT', `/api/v1/work-calendars/${unitB}`, body)).status).toBe(404);
      expect((await adminA.request('PUT', '/api/v1/work-calendars/default', body)).status).toBe(403);
      expect((await monitorB.get(`/api/v1/work-calendars/${unitA}`)).status).toBe(404);
      expect((await adminA.get('/api/v1/work-calendars/no-such-unit')).status).toBe(404);
    });

    it('answers who is on duty now, in the caller’s units only', async () => {
      const shift = (userId: string, unitId: string, startsAt: string, endsAt: string) =>
        root.post('/api/v1/duty-shifts', { unitId, userId, startsAt, endsAt });
      expect(
        (await shift(monitorAId, unitA, '2024-05-03T08:00:00+08:00', '2024-05-03T20:00:00+08:00')).status,
      ).toBe(201);
      expect(
        (await shift(handlerAId, unitA, '2024-05-03T20:00:00+08:00', '2024-05-04T08:00:00+08:00')).status,
      ).toBe(201);
      expect(
        (await shift(monitorBId, unitB, '2024-05-03T08:00:00+08:00', '2024-05-03T20:00:00+08:00')).status,
      ).toBe(201);

      const now = await monitorA.get<z.output<typeof onDutyList>>('/api/v1/duty/now');
      expect(now.status).toBe(200);
      expect(now.body.at).toBe('2024-05-03T04:00:00.000Z');
      expect(now.body.items).toEqual([
        expect.objectContaining({
          unitId: unitA,
          userId: monitorAId,
          displayName: 'gusu-monitor',
          endsAt: '2024-05-03T12:00:00.000Z',
        }),
      ]);
      const night = await monitorA.get<z.output<typeof onDutyList>>(
        `/api/v1/duty/now?unitId=${unitA}&at=${encodeURIComponent('2024-05-03T23:00:00+08:00')}`,
      );
      expect(night.body.items.map((item) => item.userId)).toEqual([handlerAId]);
      const everyone = await root.get<z.output<typeof onDutyList>>('/api/v1/duty/now');
      expect(everyone.body.items.map((item) => item.unitId).sort()).toEqual([unitA, unitB].sort());
      expect((await monitorB.get(`/api/v1/duty/now?unitId=${unitA}`)).status).toBe(404);
      expect((await viewerA.get('/api/v1/duty/now')).status).toBe(403);
    });

    it('records hand-over notes that only the unit’s people see', async () => {
      const created = await monitorA.post<HandoverView>('/api/v1/duty-handovers', {
        toUserId: handlerAId,
        notes: '白班平稳，处置停水诉求一起',
        openMatters: ['跟进停水诉求答复'],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        unitId: unitA,
        fromUserId: monitorAId,
        toUserId: handlerAId,
        handedOverAt: '2024-05-03T04:00:00.000Z',
        openMatters: ['跟进停水诉求答复'],
        createdBy: monitorAId,
      });
      const list = await handlerA.get<z.output<typeof dutyHandoverPage>>(
        `/api/v1/duty-handovers?unitId=${unitA}`,
      );
      expect(list.body.items.map((item) => item.id)).toEqual([created.body.id]);
      expect((await handlerA.get<HandoverView>(`/api/v1/duty-handovers/${created.body.id}`)).body.notes).toBe(
        '白班平稳，处置停水诉求一起',
      );
      expect(
        (await monitorB.get<z.output<typeof dutyHandoverPage>>('/api/v1/duty-handovers')).body.items,
      ).toEqual([]);
      expect((await monitorB.get(`/api/v1/duty-handovers/${created.body.id}`)).status).toBe(404);
      expect((await monitorB.get(`/api/v1/duty-handovers?unitId=${unitA}`)).status).toBe(404);
      const audit = await server.storage.audit.list(
        { unitIds: [unitA] },
        { action: 'duty-handover.create' },
        { limit: 5 },
      );
      expect(audit.items.map((entry) => entry.targetId)).toEqual([created.body.id]);
    });

    it('refuses hand-overs without duty:write, across units or to oneself', async () => {
      const note = { notes: '交接' };
      expect((await handlerA.post('/api/v1/duty-handovers', { ...note, toUserId: monitorAId })).status).toBe(
        403,
      );
      expect((await monitorA.post('/api/v1/duty-handovers', { ...note, toUserId: monitorBId })).status).toBe(
        404,
      );
      expect(
        (await monitorB.post('/api/v1/duty-handovers', { ...note, unitId: unitA, toUserId: monitorBId }))
          .status,
      ).toBe(404);
      const blank = await monitorA.post('/api/v1/duty-handovers', {
        ...note,
        toUserId: handlerAId,
        openMatters: [' '],
      });
      expect(blank.status).toBe(400);
      const self = await monitorA.post('/api/v1/duty-handovers', { ...note, toUserId: monitorAId });
      expect(self.status).toBe(400);
      expect(self.body.error.details).toMatchObject({ field: 'toUserId' });
      expect(
        (await monitorA.post('/api/v1/duty-handovers', { ...note, toUserId: handlerAId, shiftId: 'nope' }))
          .status,
      ).toBe(404);
    });

    it('shows the hours a key period requiring 24-hour duty leaves uncovered', async () => {
      const period = await monitorA.post<z.output<typeof keyPeriod>>('/api/v1/key-periods', {
        name: '国庆节',
        startsAt: '2024-10-01T00:00:00+08:00',
        endsAt: '2024-10-02T00:00:00+08:00',
        multiplier: 2,
      });
      expect(period.status).toBe(201);
      const url = `/api/v1/key-periods/${period.body.id}/duty`;
      const before = await monitorA.get<ReportView>(url);
      expect(before.body).toMatchObject({
        requirement: null,
        units: [{ unitId: unitA, covered: true, shifts: 0 }],
      });

      for (const [startsAt, endsAt] of [
        ['2024-10-01T00:00:00+08:00', '2024-10-01T08:00:00+08:00'],
        ['2024-10-01T08:00:00+08:00', '2024-10-01T16:00:00+08:00'],
        ['2024-10-01T16:00:00+08:00', '2024-10-01T23:00:00+08:00'],
      ] as const) {
        expect(
          (await monitorA.post('/api/v1/duty-shifts', { userId: monitorAId, startsAt, endsAt })).status,
        ).toBe(201);
      }
      const required = await monitorA.request<ReportView>('PUT', url, { roundTheClock: true });
      expect(required.status).toBe(200);
      expect(required.body.requirement).toMatchObject({
        roundTheClock: true,
        minOnDuty: 1,
        updatedBy: monitorAId,
      });
      expect(required.body.units).toEqual([
        {
          unitId: unitA,
          timeZone: 'Asia/Shanghai',
          shifts: 3,
          covered: false,
          uncoveredMinutes: 60,
          gaps: [{ startsAt: '2024-10-01T15:00:00.000Z', endsAt: '2024-10-01T16:00:00.000Z', onDuty: 0 }],
          hours: [{ hourStartsAt: '2024-10-01T15:00:00.000Z', uncoveredMinutes: 60 }],
        },
      ]);
      expect((await handlerA.request('PUT', url, { roundTheClock: true })).status).toBe(403);
      expect((await monitorB.get(url)).status).toBe(404);
      expect((await monitorB.request('PUT', url, { roundTheClock: true })).status).toBe(404);
      expect((await monitorA.get(`${url}?unitId=${unitB}`)).status).toBe(404);
      expect((await monitorA.request('PUT', url, { roundTheClock: true, minOnDuty: 0 })).status).toBe(400);
    });
  });
}
