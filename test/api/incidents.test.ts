/**
 * Incidents through the API on both engines: open by hand and from an alert, list with filters and counts
 * per state, the case page with deadlines and timeline, the workflow with verification, transfer,
 * notifications, progress notices, statements through review and sign-off, close and reopen, deadline
 * rules per unit; and the permission rules: another unit's handler sees and changes nothing (404), a viewer
 * has no access, only sign-off roles approve statements, only calendar administrators set rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  incident,
  incidentCounts,
  incidentDetail,
  incidentPage,
  incidentResponse,
  incidentRules,
} from '../../src/contract/index.js';
import type { NewAlert } from '../../src/storage/repositories.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type IncidentView = z.output<typeof incident>;
type DetailView = z.output<typeof incidentDetail>;
type ResponseView = z.output<typeof incidentResponse>;

function alertOf(unitId: string, at: number): NewAlert {
  return {
    unitId,
    ruleId: null,
    ruleVersion: null,
    trigger: 'event_heat',
    title: '某医院医疗纠纷热度上升',
    mergeKey: 'event:e1',
    count: 1,
    schemeId: null,
    eventId: null,
    sourceId: null,
    category: 'healthcare',
    level: 'red',
    startedAt: at,
    scope: '全市',
    matter: '医疗纠纷',
    measures: '立即核实',
    issuer: '市委网信办',
    evidence: { items: [], statistic: 'heat', value: 80, baseline: 20, threshold: 60, reasons: [] },
    status: 'acknowledged',
    escalations: 0,
    acknowledgedBy: null,
    acknowledgedAt: null,
    closedBy: null,
    closedAt: null,
    incidentId: null,
    heldUntil: null,
    notifiedCount: 1,
    lastFiredAt: at,
    createdAt: at,
  };
}

for (const target of databaseTargets) {
  describe(`incidents API on ${target.name}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let handler: ApiClient;
    let leader: ApiClient;
    let neighbour: ApiClient;
    let viewer: ApiClient;
    let districtId: string;
    let neighbourId: string;
    let handlerId: string;

    beforeAll(async () => {
      server = await startServer(target);
      const seeded = await seedRoot(server);
      admin = new ApiClient(server.baseUrl, (await seedToken(server, seeded.user)).secret);
      districtId = (await server.storage.units.create({ name: '姑苏区网信办', parentId: seeded.unit.id })).id;
      neighbourId = (await server.storage.units.create({ name: '虎丘区网信办', parentId: seeded.unit.id }))
        .id;
      const h = await seedUser(server, districtId, 'gusu-handler', ['handler']);
      handlerId = h.id;
      handler = new ApiClient(server.baseUrl, (await seedToken(server, h)).secret);
      const l = await seedUser(server, districtId, 'gusu-leader', ['leader']);
      leader = new ApiClient(server.baseUrl, (await seedToken(server, l)).secret);
      const n = await seedUser(server, neighbourId, 'huqiu-handler', ['handler']);
      neighbour = new ApiClient(server.baseUrl, (await seedToken(server, n)).secret);
      const v = await seedUser(server, districtId, 'gusu-viewer', ['viewer']);
      viewer = new ApiClient(server.baseUrl, (await seedToken(server, v)).secret);
    }, 60_000);

    afterAll(async () => {
      await server.close();
    });

    async function open(body: Record<string, unknown>, client = handler): Promise<IncidentView> {
      const created = await client.post<IncidentView>('/api/v1/incidents', body);
      expect(created.status).toBe(201);
      return created.body;
    }

    it('opens an incident by hand with its deadlines and shows the case page', async () => {
      const created = await open({
        unitId: districtId,
        title: '某小区停水',
        category: 'gov_service',
        level: 'yellow',
        handlerUserId: handlerId,
      });
      expect(created).toMatchObject({
        state: 'new',
        stateName: '新建',
        levelName: '黄色',
        origin: 'manual',
        handlerUserId: handlerId,
        allowedActions: ['start_verification', 'start_response', 'close'],
      });
      const detail = await handler.get<DetailView>(`/api/v1/incidents/${created.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.deadlines).toMatchObject([{ kind: 'response', overdue: false, doneAt: null }]);
      expect(Date.parse(detail.body.deadlines[0]?.dueAt ?? '') - Date.parse(created.openedAt)).toBe(
        48 * 3_600_000,
      );
      expect(detail.body.timeline).toMatchObject([{ action: 'open', toState: 'new' }]);
    });

    it('opens from an alert and moves the alert to handling', async () => {
      const alert = await server.storage.alerts.insert(alertOf(districtId, server.clock.now()));
      const created = await open({ alertId: alert.id });
      expect(created).toMatchObject({
        origin: 'alert',
        level: 'red',
        category: 'healthcare',
        alertId: alert.id,
      });
      const seen = await handler.get<{ status: string; incidentId: string }>(`/api/v1/alerts/${alert.id}`);
      expect(seen.body).toMatchObject({ status: 'handling', incidentId: created.id });
      const again = await handler.post('/api/v1/incidents', { alertId: alert.id });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('CONFLICT');
    });

    it('needs a level when nothing to take it from', async () => {
      const refused = await handler.post('/api/v1/incidents', { unitId: districtId, title: 'x' });
      expect(refused.status).toBe(400);
    });

    it('works an incident through verification, statements, close and reopen', async () => {
      const created = await open({
        unitId: districtId,
        title: '网传学校食物中毒',
        category: 'food_drug',
        level: 'orange',
      });
      const base = `/api/v1/incidents/${created.id}`;
      const early = await handler.post(`${base}/verification`, { result: 'false', facts: 'x' });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('CASE_TRANSITION_INVALID');
      expect((await handler.post(`${base}/transition`, { action: 'start_verification' })).status).toBe(200);
      const verified = await handler.post<IncidentView>(`${base}/verification`, {
        result: 'false',
        facts: '经核查，系旧闻翻炒',
      });
      expect(verified.body.verification).toMatchObject({
        result: 'false',
        resultName: '不属实',
        verifiedBy: handlerId,
      });
      expect(
        (await handler.post(`${base}/notifications`, { recipient: '市教育局', method: 'phone' })).status,
      ).toBe(201);
      expect((await handler.post(`${base}/transition`, { action: 'start_response' })).status).toBe(200);
      const draft = await handler.post<ResponseView>(`${base}/responses`, {
        kind: 'first_release',
        title: '情况通报',
        content: '第一稿',
      });
      expect(draft.status).toBe(201);
      const rbase = `${base}/responses/${draft.body.id}`;
      const revised = await handler.patch<ResponseView>(rbase, { content: '第二稿', note: '改措辞' });
      expect(revised.body).toMatchObject({ version: 2, content: '第二稿', state: 'draft' });
      expect((await handler.post(`${rbase}/submit`)).status).toBe(200);
      expect((await handler.patch(rbase, { content: '审核中改' })).status).toBe(409);
      const notAllowed = await handler.post(`${rbase}/approve`);
      expect(notAllowed.status).toBe(403);
      const rejected = await leader.post<ResponseView>(`${rbase}/reject`, { reason: '口径需统一' });
      expect(rejected.body).toMatchObject({ state: 'draft', rejectedReason: '口径需统一' });
      await handler.patch(rbase, { content: '第三稿' });
      await handler.post(`${rbase}/submit`);
      const approved = await leader.post<ResponseView>(`${rbase}/approve`);
      expect(approved.body).toMatchObject({ state: 'approved', approvedVersion: 3 });
      const published = await handler.post<ResponseView>(`${rbase}/publish`, {
        url: 'https://gov.example.cn/n/1',
      });
      expect(published.body).toMatchObject({
        state: 'published',
        publishedUrl: 'https://gov.example.cn/n/1',
      });
      const versions = await handler.get<{ versions: Array<{ version: number; content: string }> }>(rbase);
      expect(versions.body.versions.map((v) => [v.version, v.content])).toEqual([
        [3, '第三稿'],
        [2, '第二稿'],
        [1, '第一稿'],
      ]);
      expect((await handler.post(`${base}/progress`, { text: '已约谈涉事学校' })).status).toBe(200);
      expect((await handler.post(`${base}/transition`, { action: 'follow_up' })).status).toBe(200);
      const closed = await handler.post<IncidentView>(`${base}/close`, {
        summary: '谣言已澄清',
        review: { wentWell: '发布及时', problems: '初期研判慢', improvements: '加强夜间值守' },
      });
      expect(closed.body).toMatchObject({
        state: 'closed',
        closingSummary: '谣言已澄清',
        allowedActions: ['reopen', 'reopen_verification'],
      });
      const detail = await handler.get<DetailView>(base);
      expect(detail.body.deadlines.map((d) => [d.kind, d.doneAt !== null])).toEqual([
        ['first_release', true],
        ['press_conference', true],
      ]);
      expect(detail.body.notifications).toMatchObject([{ recipient: '市教育局', method: 'phone' }]);
      expect(detail.body.timeline.map((e) => e.action)).toContain('progress');
      const reopened = await handler.post<IncidentView>(`${base}/reopen`, { reason: '出现新情况' });
      expect(reopened.body).toMatchObject({ state: 'responding', reopenCount: 1 });
      const audit = await admin.get<{ items: Array<{ action: string }> }>(
        `/api/v1/audit?targetId=${created.id}&limit=100`,
      );
      expect(audit.body.items.map((e) => e.action)).toContain('incident.response_publish');
    });

    it('lists with filters and counts per state within the scope', async () => {
      const page = await handler.get<z.output<typeof incidentPage>>('/api/v1/incidents?level=red,orange');
      expect(page.status).toBe(200);
      expect(page.body.items.map((i) => i.level).sort()).toEqual(['orange', 'red']);
      const unverified = await handler.get<z.output<typeof incidentPage>>(
        '/api/v1/incidents?verification=none',
      );
      expect(unverified.body.items.every((i) => i.verification === null)).toBe(true);
      const falseOnes = await handler.get<z.output<typeof incidentPage>>(
        '/api/v1/incidents?verification=false',
      );
      expect(falseOnes.body.items).toHaveLength(1);
      const counts = await handler.get<z.output<typeof incidentCounts>>('/api/v1/incidents/counts');
      expect(counts.body).toEqual({
        byState: { new: 2, verifying: 0, responding: 1, following_up: 0, closed: 0 },
        total: 3,
      });
      const mine = await handler.get<z.output<typeof incidentPage>>(
        `/api/v1/incidents?handlerUserId=${handlerId}`,
      );
      expect(mine.body.items).toHaveLength(1);
      const outside = await handler.get(`/api/v1/incidents?unitId=${neighbourId}`);
      expect(outside.status).toBe(404);
    });

    it('keeps another unit out: 404 on read and every change, empty lists', async () => {
      const created = await open({ unitId: districtId, title: '本区事件', level: 'blue' });
      const base = `/api/v1/incidents/${created.id}`;
      expect((await neighbour.get(base)).status).toBe(404);
      expect((await neighbour.patch(base, { level: 'red' })).status).toBe(404);
      expect((await neighbour.post(`${base}/transition`, { action: 'start_verification' })).status).toBe(404);
      expect((await neighbour.post(`${base}/close`, { summary: 'x' })).status).toBe(404);
      expect((await neighbour.post(`${base}/responses`, { title: 'x', content: 'y' })).status).toBe(404);
      const list = await neighbour.get<z.output<typeof incidentPage>>('/api/v1/incidents');
      expect(list.body.items).toEqual([]);
      const refused = await neighbour.post('/api/v1/incidents', {
        unitId: districtId,
        title: 'x',
        level: 'blue',
      });
      expect(refused.status).toBe(404);
      expect((await handler.get<IncidentView>(base)).body.level).toBe('blue');
    });

    it('describes the incident routes in the OpenAPI document', async () => {
      const doc = await admin.get<{ paths: Record<string, Record<string, unknown>> }>('/api/v1/openapi.json');
      expect(doc.status).toBe(200);
      expect(
        Object.keys(doc.body.paths['/api/v1/incidents/{id}/responses/{responseId}'] ?? {}).sort(),
      ).toEqual(['delete', 'get', 'patch']);
      expect(Object.keys(doc.body.paths['/api/v1/incident-deadline-rules/{unitId}'] ?? {}).sort()).toEqual([
        'delete',
        'get',
        'patch',
      ]);
    });

    it('gives viewers no access', async () => {
      expect((await viewer.get('/api/v1/incidents')).status).toBe(403);
      expect(
        (await viewer.post('/api/v1/incidents', { unitId: districtId, title: 'x', level: 'blue' })).status,
      ).toBe(403);
    });

    it('transfers to another unit, which then owns it', async () => {
      const created = await open({ unitId: districtId, title: '跨区事件', level: 'yellow' });
      const moved = await handler.post(`/api/v1/incidents/${created.id}/transfer`, {
        toUnitId: neighbourId,
        reason: '属地在虎丘区',
      });
      expect(moved.status).toBe(201);
      expect(
        (await neighbour.get<DetailView>(`/api/v1/incidents/${created.id}`)).body.transfers,
      ).toMatchObject([{ fromUnitId: districtId, toUnitId: neighbourId, reason: '属地在虎丘区' }]);
      expect((await handler.get(`/api/v1/incidents/${created.id}`)).status).toBe(404);
    });

    it('reads and sets deadline rules per unit; only calendar administrators set them', async () => {
      type Rules = z.output<typeof incidentRules>;
      const defaults = await handler.get<Rules>(`/api/v1/incident-deadline-rules/${districtId}`);
      expect(defaults.body).toMatchObject({ origin: 'default', fromUnitId: null });
      expect(defaults.body.rules).toHaveLength(6);
      const rules = [{ level: 'blue', kind: 'response', amount: 3, unit: 'working_days' }];
      expect((await handler.patch(`/api/v1/incident-deadline-rules/${districtId}`, { rules })).status).toBe(
        403,
      );
      const set = await admin.patch<Rules>(`/api/v1/incident-deadline-rules/${districtId}`, { rules });
      expect(set.body).toMatchObject({ origin: 'own', rules: [{ amount: 3, remindBeforeMinutes: null }] });
      const twice = await admin.patch(`/api/v1/incident-deadline-rules/${districtId}`, {
        rules: [...rules, ...rules],
      });
      expect(twice.status).toBe(400);
      expect((await neighbour.get(`/api/v1/incident-deadline-rules/${districtId}`)).status).toBe(404);
      const reset = await admin.delete<Rules>(`/api/v1/incident-deadline-rules/${districtId}`);
      expect(reset.body.origin).toBe('default');
    });
  });
}
