/**
 * Reports through the API on both engines: generate a daily report whose figures equal the database's own
 * counts, write the narrative, send it for review, approve and issue it (numbered, immutable, the stored
 * file served byte for byte), schedules with their next run, settings and templates, and unit scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { reportDetail, reportPage, reportSchedule, reportSettings } from '../../src/contract/index.js';
import type { User } from '../../src/domain/index.js';
import { renderReport } from '../../src/reports/render/index.js';
import { createReportReview } from '../../src/reports/review/index.js';
import { createReportServices } from '../../src/reports/services.js';
import type { NewItem, Storage } from '../../src/storage/repositories.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type Detail = z.output<typeof reportDetail>;
type Schedule = z.output<typeof reportSchedule>;
type Settings = z.output<typeof reportSettings>;
type Figures = Record<string, { value: number | null; trace: { sql: string }[] }>;

const HOUR = 3_600_000;
/** The server clock is 2024-05-03 12:00 in Shanghai; the daily report of 2024-05-03 runs 05-02 17:00 to 05-03 17:00. */
const DAILY_FROM = Date.UTC(2024, 4, 2, 9);
const DAILY_TO = Date.UTC(2024, 4, 3, 9);

function reportDeps(parts: { storage: Storage; clock: ManualClock }) {
  const render = (document: Parameters<typeof renderReport>[0], format: Parameters<typeof renderReport>[1]) =>
    renderReport(document, format);
  const review = createReportReview({
    reports: parts.storage.reports,
    clock: parts.clock,
    render,
    formats: ['docx', 'md'],
    timeZone: 'Asia/Shanghai',
    audit: async (entry) => {
      await parts.storage.audit.append(entry);
    },
  });
  return {
    reports: createReportServices({
      storage: parts.storage,
      data: parts.storage.reportData,
      clock: parts.clock,
      defaultTimeZone: 'Asia/Shanghai',
      review,
      render,
    }),
  };
}

function figuresOf(detail: Detail): Figures {
  return detail.document['figures'] as Figures;
}

function item(unitId: string, publishedAt: number, n: number, sentiment: 'negative' | 'neutral'): NewItem {
  return {
    unitId,
    sourceId: null,
    kind: 'post',
    platform: n % 2 === 0 ? 'weibo' : 'douyin',
    url: `https://example.cn/${unitId}/${n}`,
    title: `某小区停水问题 ${n}`,
    content: `小区连续三天停水，居民生活受影响 ${n}`,
    author: `网友${n}`,
    contentHash: `report-api-${unitId}-${n}`,
    sentiment,
    categories: ['housing'],
    regions: [{ province: '江苏省', city: '苏州市', county: '姑苏区' }],
    engagement: { likes: n, comments: 1, reposts: 0, views: 0 },
    publishedAt,
    collectedAt: publishedAt,
  };
}

/** What the seeded items say the period holds, counted here from the seeds themselves. */
function seededCount(items: NewItem[], unitId: string, sentiment?: string): number {
  return items.filter(
    (i) =>
      i.unitId === unitId &&
      i.publishedAt >= DAILY_FROM &&
      i.publishedAt < DAILY_TO &&
      (sentiment === undefined || i.sentiment === sentiment),
  ).length;
}

for (const target of databaseTargets) {
  describe(`reports API on ${target.name}`, () => {
    let server: TestServer;
    let monitor: ApiClient;
    let leader: ApiClient;
    let viewer: ApiClient;
    let neighbour: ApiClient;
    let leaderUser: User;
    let districtId: string;
    let reportId: string;
    let seeded: NewItem[];

    beforeAll(async () => {
      server = await startServer(target, { depsOn: reportDeps });
      const root = await seedRoot(server);
      districtId = (await server.storage.units.create({ name: '姑苏区网信办', parentId: root.unit.id })).id;
      const neighbourId = (
        await server.storage.units.create({ name: '虎丘区网信办', parentId: root.unit.id })
      ).id;
      const client = async (unitId: string, name: string, roles: Parameters<typeof seedUser>[3]) => {
        const user = await seedUser(server, unitId, name, roles);
        return { user, client: new ApiClient(server.baseUrl, (await seedToken(server, user)).secret) };
      };
      monitor = (await client(districtId, 'gusu-monitor', ['monitor'])).client;
      const lead = await client(districtId, 'gusu-leader', ['leader']);
      leader = lead.client;
      leaderUser = lead.user;
      viewer = (await client(districtId, 'gusu-viewer', ['viewer'])).client;
      neighbour = (await client(neighbourId, 'huqiu-monitor', ['monitor'])).client;
      seeded = [
        ...[1, 2, 3, 4, 5].map((n) =>
          item(districtId, DAILY_FROM + n * HOUR, n, n % 2 === 0 ? 'negative' : 'neutral'),
        ),
        item(districtId, DAILY_FROM - HOUR, 6, 'negative'),
        item(districtId, DAILY_TO, 7, 'negative'),
        item(neighbourId, DAILY_FROM + HOUR, 8, 'negative'),
      ];
      await server.storage.items.insertMany(seeded);
    });

    afterAll(async () => {
      await server.close();
    });

    it('generates a daily report whose figures equal the counts in the database', async () => {
      const response = await monitor.post<Detail>('/api/v1/reports', { type: 'daily', date: '2024-05-03' });
      expect(response.status).toBe(201);
      const detail = response.body;
      reportId = detail.id;
      expect(detail.status).toBe('draft');
      expect(detail.unitId).toBe(districtId);
      expect([detail.periodFrom, detail.periodTo]).toEqual([
        new Date(DAILY_FROM).toISOString(),
        new Date(DAILY_TO).toISOString(),
      ]);
      const figures = figuresOf(detail);
      expect(figures['items.total']?.value).toBe(seededCount(seeded, districtId));
      expect(figures['items.negative']?.value).toBe(seededCount(seeded, districtId, 'negative'));
      expect(figures['items.total']?.value).toBe(5);
      expect(figures['items.total']?.trace[0]?.sql).toMatch(/from "items"/);
      const snapshot = await monitor.get<{ type: string }>(`/api/v1/reports/${reportId}/snapshot`);
      expect(snapshot.body.type).toBe('daily');
    });

    it('refuses bad requests with the field named', async () => {
      const noDate = await monitor.post('/api/v1/reports', { type: 'daily' });
      expect(noDate.status).toBe(400);
      expect(noDate.body.error.message).toMatch(/date is required/);
      const badDate = await monitor.post('/api/v1/reports', { type: 'weekly', date: '2024-02-30' });
      expect(badDate.status).toBe(400);
      const noEvent = await monitor.post('/api/v1/reports', { type: 'special' });
      expect(noEvent.status).toBe(400);
      expect(noEvent.body.error.message).toMatch(/eventId/);
      const missingEvent = await monitor.post('/api/v1/reports', { type: 'special', eventId: 'nope' });
      expect(missingEvent.status).toBe(404);
    });

    it('keeps reports to their units and roles', async () => {
      expect((await viewer.get('/api/v1/reports')).status).toBe(403);
      expect((await neighbour.get(`/api/v1/reports/${reportId}`)).status).toBe(404);
      const list = await neighbour.get<z.output<typeof reportPage>>('/api/v1/reports');
      expect(list.body.items.map((r) => r.id)).not.toContain(reportId);
      expect((await monitor.post(`/api/v1/reports/${reportId}/approve`, {})).status).toBe(403);
    });

    it('takes the narrative, then goes through review to an issued, numbered, unchangeable report', async () => {
      const unknown = await monitor.patch(`/api/v1/reports/${reportId}`, { placeholders: { nope: 'x' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/nope/);
      const edited = await monitor.patch<Detail>(`/api/v1/reports/${reportId}`, {
        placeholders: { 'outlook.notes': '关注五一假期返程高峰' },
      });
      expect(edited.status).toBe(200);
      expect(JSON.stringify(edited.body.document)).toContain('关注五一假期返程高峰');
      const submitted = await monitor.post<Detail>(`/api/v1/reports/${reportId}/submit`, {
        reviewerId: leaderUser.id,
      });
      expect(submitted.body.status).toBe('in_review');
      expect((await leader.post(`/api/v1/reports/${reportId}/issue`)).status).toBe(409);
      const approved = await leader.post<Detail>(`/api/v1/reports/${reportId}/approve`, { note: '同意' });
      expect(approved.body.status).toBe('approved');
      const issued = await leader.post<Detail>(`/api/v1/reports/${reportId}/issue`);
      expect(issued.status).toBe(200);
      expect(issued.body.status).toBe('issued');
      expect(issued.body.issueLabel).toBe('2024年第1期');
      expect(issued.body.files.sort()).toEqual(['docx', 'md']);
      const change = await monitor.patch(`/api/v1/reports/${reportId}`, { title: '改标题' });
      expect(change.status).toBe(409);
    });

    it('serves the stored file of an issued report byte for byte, and renders other formats on request', async () => {
      const download = async (format: string) => {
        const response = await fetch(`${server.baseUrl}/api/v1/reports/${reportId}/file?format=${format}`, {
          headers: { authorization: `Bearer ${monitor.token ?? ''}` },
        });
        return { response, bytes: Buffer.from(await response.arrayBuffer()) };
      };
      const first = await download('docx');
      expect(first.response.status).toBe(200);
      expect(first.response.headers.get('content-type')).toMatch(/wordprocessingml/);
      expect(first.response.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
      expect(first.bytes.subarray(0, 2).toString()).toBe('PK');
      const stored = await server.storage.reports.file(reportId, 'docx');
      expect(Buffer.compare(first.bytes, Buffer.from(stored?.bytes ?? []))).toBe(0);
      const markdown = await download('md');
      expect(markdown.bytes.toString('utf8')).toContain('2024年第1期');
      const html = await download('html');
      expect(html.response.headers.get('content-type')).toMatch(/text\/html/);
      expect(html.bytes.toString('utf8')).toContain('关注五一假期返程高峰');
    });

    it('numbers the next issued report 2', async () => {
      const second = await monitor.post<Detail>('/api/v1/reports', { type: 'weekly', date: '2024-05-03' });
      expect(second.status).toBe(201);
      await monitor.post(`/api/v1/reports/${second.body.id}/submit`, { reviewerId: leaderUser.id });
      await leader.post(`/api/v1/reports/${second.body.id}/approve`, {});
      const issued = await leader.post<Detail>(`/api/v1/reports/${second.body.id}/issue`);
      // Weekly reports count their own issues.
      expect(issued.body.issueLabel).toBe('2024年第1期');
      const daily = await monitor.post<Detail>('/api/v1/reports', { type: 'daily', date: '2024-05-02' });
      await monitor.post(`/api/v1/reports/${daily.body.id}/submit`, { reviewerId: leaderUser.id });
      await leader.post(`/api/v1/reports/${daily.body.id}/approve`, {});
      const dailyIssued = await leader.post<Detail>(`/api/v1/reports/${daily.body.id}/issue`);
      expect(dailyIssued.body.issueLabel).toBe('2024年第2期');
    });

    it('schedules reports with defaults, validation and the next run', async () => {
      const created = await monitor.post<Schedule>('/api/v1/report-schedules', {
        type: 'daily',
        recipients: ['leader@example.cn'],
      });
      expect(created.status).toBe(201);
      expect(created.body.cron).toBe('0 17 * * *');
      expect(created.body.timeZone).toBe('Asia/Shanghai');
      expect(created.body.nextRunAt).toBe(new Date(DAILY_TO).toISOString());
      const badCron = await monitor.post('/api/v1/report-schedules', { type: 'daily', cron: '61 * * * *' });
      expect(badCron.status).toBe(400);
      const noCron = await monitor.post('/api/v1/report-schedules', { type: 'work_summary' });
      expect(noCron.status).toBe(400);
      expect(noCron.body.error.message).toMatch(/cron is required/);
      const badMail = await monitor.post('/api/v1/report-schedules', {
        type: 'daily',
        recipients: ['not-mail'],
      });
      expect(badMail.status).toBe(400);
      const paused = await monitor.patch<Schedule>(`/api/v1/report-schedules/${created.body.id}`, {
        enabled: false,
      });
      expect(paused.body.enabled).toBe(false);
      expect(paused.body.nextRunAt).toBeNull();
      expect(
        (await neighbour.patch(`/api/v1/report-schedules/${created.body.id}`, { enabled: true })).status,
      ).toBe(404);
      expect((await monitor.delete(`/api/v1/report-schedules/${created.body.id}`)).status).toBe(200);
    });

    it('saves period conventions and templates, refusing unknown sections', async () => {
      const defaults = await monitor.get<Settings>('/api/v1/report-settings');
      expect(defaults.body).toMatchObject({
        dailyCutoff: '17:00',
        weekStartsOn: 1,
        timeZone: 'Asia/Shanghai',
      });
      expect(defaults.body.sectionKeys['daily']).toContain('overview');
      const wrong = await monitor.request('PUT', '/api/v1/report-settings', {
        dailyCutoff: '17:00',
        weekStartsOn: 1,
        timeZone: 'Asia/Shanghai',
        templates: { daily: { sections: [{ key: 'overveiw' }] } },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.message).toMatch(/overveiw/);
      const saved = await monitor.request<Settings>('PUT', '/api/v1/report-settings', {
        dailyCutoff: '00:00',
        weekStartsOn: 7,
        timeZone: 'Asia/Shanghai',
        templates: {
          daily: {
            title: '姑苏舆情日报',
            sections: [{ key: 'negative', title: '负面舆情' }, { key: 'overview' }],
          },
        },
      });
      expect(saved.status).toBe(200);
      const report = await monitor.post<Detail>('/api/v1/reports', { type: 'daily', date: '2024-05-02' });
      expect(report.body.title).toBe('姑苏舆情日报');
      const sections = (report.body.document['sections'] as { key: string; title: string }[]).map(
        (s) => s.title,
      );
      expect(sections).toEqual(['负面舆情', '舆情概况']);
      expect(report.body.periodFrom).toBe(new Date(Date.UTC(2024, 4, 1, 16)).toISOString());
    });

    it('generates a work summary for a span of dates', async () => {
      const response = await monitor.post<Detail>('/api/v1/reports', {
        type: 'work_summary',
        from: '2024-01-01',
        to: '2024-06-30',
      });
      expect(response.status).toBe(201);
      expect(figuresOf(response.body)['reports.issued']?.value).toBe(3);
      const half = await monitor.post('/api/v1/reports', { type: 'work_summary', from: '2024-01-01' });
      expect(half.status).toBe(400);
    });
  });
}
