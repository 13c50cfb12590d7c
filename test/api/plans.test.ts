/**
 * Emergency plans through the API on both engines: install the default set, edit a plan into a new
 * version, activate it on an incident, tick off tasks with notes; roles (viewers read nothing, monitors
 * cannot edit plans) and units (unit B sees and changes nothing of unit A) are enforced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  installDefaultPlansResponse,
  plan,
  planActivationDetail,
  planPage,
  planTask,
  planTaskCounts,
  planTaskPage,
  planVersionList,
} from '../../src/contract/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type PlanView = z.output<typeof plan>;
type TaskView = z.output<typeof planTask>;

for (const target of databaseTargets) {
  describe(`plans API on ${target.name}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let handler: ApiClient;
    let monitor: ApiClient;
    let viewer: ApiClient;
    let neighbour: ApiClient;
    let unitId: string;
    let handlerId: string;
    let monitorId: string;

    beforeAll(async () => {
      server = await startServer(target);
      const seeded = await seedRoot(server);
      unitId = (await server.storage.units.create({ name: '姑苏区网信办', parentId: seeded.unit.id })).id;
      const other = await server.storage.units.create({ name: '虎丘区网信办', parentId: seeded.unit.id });
      const make = async (
        unit: string,
        name: string,
        roles: ('admin' | 'handler' | 'monitor' | 'viewer')[],
      ) => {
        const user = await seedUser(server, unit, name, roles);
        return { user, client: new ApiClient(server.baseUrl, (await seedToken(server, user)).secret) };
      };
      admin = (await make(unitId, 'gusu-admin', ['admin'])).client;
      const h = await make(unitId, 'gusu-handler', ['handler']);
      handler = h.client;
      handlerId = h.user.id;
      const m = await make(unitId, 'gusu-monitor', ['monitor']);
      monitor = m.client;
      monitorId = m.user.id;
      viewer = (await make(unitId, 'gusu-viewer', ['viewer'])).client;
      neighbour = (await make(other.id, 'huqiu-admin', ['admin'])).client;
    }, 60_000);

    afterAll(async () => {
      await server.close();
    });

    it('installs the defaults, versions an edit, activates it and ticks off tasks', async () => {
      const installed = await admin.post<z.output<typeof installDefaultPlansResponse>>(
        '/api/v1/plans/defaults',
        {},
      );
      expect(installed.status).toBe(201);
      expect(installed.body.installed).toHaveLength(20);
      const again = await admin.post<z.output<typeof installDefaultPlansResponse>>(
        '/api/v1/plans/defaults',
        {},
      );
      expect(again.body).toMatchObject({ installed: [], skipped: 20 });

      const list = await handler.get<z.output<typeof planPage>>(
        '/api/v1/plans?category=online_rumor&level=major',
      );
      expect(list.body.items).toHaveLength(1);
      const rumor = list.body.items[0] as PlanView;
      expect(rumor.steps.map((s) => s.key)).toContain('first_release');

      // The office names its own duty: the monitoring group is the monitor user.
      const roles = rumor.roles.map((role) =>
        role.key === 'monitoring' ? { ...role, userIds: [monitorId] } : role,
      );
      const edited = await admin.patch<PlanView>(`/api/v1/plans/${rumor.id}`, { roles });
      expect(edited.status).toBe(200);
      expect(edited.body.version).toBe(2);
      const versions = await handler.get<z.output<typeof planVersionList>>(
        `/api/v1/plans/${rumor.id}/versions`,
      );
      expect(versions.body.items.map((v) => v.version)).toEqual([2, 1]);
      const bad = await admin.patch(`/api/v1/plans/${rumor.id}`, {
        steps: [{ key: 'x', title: '无主步骤', roleKey: 'ghost', limitMinutes: 10 }],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('PLAN_INVALID');

      const activated = await handler.post<z.output<typeof planActivationDetail>>(
        `/api/v1/plans/${rumor.id}/activate`,
        { recordId: 'inc-42' },
      );
      expect(activated.status).toBe(201);
      expect(activated.body).toMatchObject({ planVersion: 2, recordType: 'incident', recordId: 'inc-42' });
      const watch = activated.body.tasks.find((t) => t.stepKey === 'monitor') as TaskView;
      expect(watch.ownerUserIds).toEqual([monitorId]);
      const verify = activated.body.tasks.find((t) => t.stepKey === 'verify') as TaskView;
      expect(verify.ownerUserIds).toEqual([handlerId]);
      expect(verify.actions).toEqual(['complete', 'skip']);
      const twice = await handler.post(`/api/v1/plans/${rumor.id}/activate`, { recordId: 'inc-42' });
      expect(twice.status).toBe(409);

      const mine = await monitor.get<z.output<typeof planTaskPage>>('/api/v1/plan-tasks?ownerUserId=me');
      expect(mine.body.items.map((t) => t.id)).toEqual([watch.id]);

      const done = await monitor.post<TaskView>(`/api/v1/plan-tasks/${watch.id}/complete`, {
        note: '已报送首份动态',
      });
      expect(done.body).toMatchObject({ state: 'done', note: '已报送首份动态', actions: ['reopen'] });
      const refused = await monitor.post(`/api/v1/plan-tasks/${watch.id}/complete`, {});
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('CASE_TRANSITION_INVALID');
      const noReason = await handler.post(`/api/v1/plan-tasks/${verify.id}/skip`, {});
      expect(noReason.status).toBe(400);
      const skipped = await handler.post<TaskView>(`/api/v1/plan-tasks/${verify.id}/skip`, {
        reason: '已由公安核实',
      });
      expect(skipped.body.state).toBe('skipped');
      const reopened = await handler.post<TaskView>(`/api/v1/plan-tasks/${verify.id}/reopen`, {});
      expect(reopened.body.state).toBe('open');

      server.clock.advance(2 * 24 * 60 * 60_000);
      const counts = await handler.get<z.output<typeof planTaskCounts>>(
        `/api/v1/plan-tasks/counts?activationId=${activated.body.id}`,
      );
      expect(counts.body).toMatchObject({ done: 1, skipped: 0, open: activated.body.tasks.length - 1 });
      expect(counts.body.overdue).toBeGreaterThan(0);
      const detail = await handler.get<z.output<typeof planActivationDetail>>(
        `/api/v1/plan-activations/${activated.body.id}`,
      );
      expect(detail.body.tasks.find((t) => t.id === verify.id)?.overdue).toBe(true);
    });

    it('enforces roles and units', async () => {
      expect((await viewer.get('/api/v1/plans')).status).toBe(403);
      const byMonitor = await monitor.post('/api/v1/plans/defaults', {});
      expect(byMonitor.status).toBe(403);
      const list = await handler.get<z.output<typeof planPage>>('/api/v1/plans?limit=1');
      const mine = list.body.items[0] as PlanView;
      expect((await neighbour.get(`/api/v1/plans/${mine.id}`)).status).toBe(404);
      expect((await neighbour.patch(`/api/v1/plans/${mine.id}`, { status: 'archived' })).status).toBe(404);
      expect((await neighbour.post(`/api/v1/plans/${mine.id}/activate`, { recordId: 'x' })).status).toBe(404);
      expect((await neighbour.post('/api/v1/plans/defaults', { unitId })).status).toBe(404);
      const theirs = await neighbour.get<z.output<typeof planPage>>('/api/v1/plans');
      expect(theirs.body.items).toEqual([]);
      const activation = await handler.post<z.output<typeof planActivationDetail>>(
        `/api/v1/plans/${mine.id}/activate`,
        { recordId: 'inc-7' },
      );
      const task = activation.body.tasks[0] as TaskView;
      expect((await neighbour.post(`/api/v1/plan-tasks/${task.id}/complete`, {})).status).toBe(404);
      expect((await neighbour.get(`/api/v1/plan-activations/${activation.body.id}`)).status).toBe(404);
      expect((await handler.get<TaskView>(`/api/v1/plan-tasks/${task.id}`)).body.state).toBe('open');

      const created = await handler.post('/api/v1/plans', {
        name: 'x',
        category: 'x',
        level: 'general',
        steps: [{ key: 'a', title: 'a', roleKey: null, ownerUserId: handlerId, limitMinutes: 5 }],
      });
      expect(created.status).toBe(403);
      const byAdmin = await admin.post<PlanView>('/api/v1/plans', {
        name: '自定义预案',
        category: 'traffic',
        level: 'general',
        steps: [{ key: 'a', title: '现场核实', roleKey: null, ownerUserId: handlerId, limitMinutes: 5 }],
      });
      expect(byAdmin.status).toBe(201);
      expect(byAdmin.body).toMatchObject({ unitId, version: 1, status: 'active' });
    });
  });
}
