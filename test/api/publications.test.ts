/**
 * Publications (信息发布) through the API on both engines: idea → draft → review → sign-off → published
 * with versions and diffs; sign-off needs publications:sign, records the signer, and is blocked while the
 * draft holds secret terms or fragments of confidential records; another unit's handler gets 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  confidentialityReport,
  publication,
  publicationDiff,
  publicationPage,
  publicationSettings,
  publicationTimelineList,
  publicationVersionList,
} from '../../src/contract/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type View = z.output<typeof publication>;
const CLUE_TITLE = '某街道干部违规收受辖区企业购物卡';

for (const target of databaseTargets) {
  describe(`publications API on ${target.name}`, () => {
    let server: TestServer;
    let handler: ApiClient;
    let leader: ApiClient;
    let viewer: ApiClient;
    let neighbour: ApiClient;
    let neighbourLeader: ApiClient;
    let districtId: string;
    let leaderId: string;

    beforeAll(async () => {
      server = await startServer(target, {
        extraDeps: {
          confidentialTexts: async (unitId) => (unitId === districtId ? [CLUE_TITLE] : []),
        },
      });
      const root = await seedRoot(server);
      districtId = (await server.storage.units.create({ name: '姑苏区网信办', parentId: root.unit.id })).id;
      const neighbourId = (
        await server.storage.units.create({ name: '虎丘区网信办', parentId: root.unit.id })
      ).id;
      const client = async (unitId: string, name: string, roles: Parameters<typeof seedUser>[3]) => {
        const user = await seedUser(server, unitId, name, roles);
        return { user, client: new ApiClient(server.baseUrl, (await seedToken(server, user)).secret) };
      };
      handler = (await client(districtId, 'gusu-handler', ['handler'])).client;
      const leading = await client(districtId, 'gusu-leader', ['leader']);
      leader = leading.client;
      leaderId = leading.user.id;
      viewer = (await client(districtId, 'gusu-viewer', ['viewer'])).client;
      neighbour = (await client(neighbourId, 'huqiu-handler', ['handler'])).client;
      neighbourLeader = (await client(neighbourId, 'huqiu-leader', ['leader'])).client;
    }, 60_000);

    afterAll(async () => server.close());

    const create = (client: ApiClient, body: Record<string, unknown> = {}) =>
      client.post<View>('/api/v1/publications', {
        title: '关于某小区停水情况的通报',
        body: '5月3日，某小区因管道检修停水。',
        channel: '区政府网站',
        ...body,
      });

    it('runs an idea through drafts, review, sign-off and publication, keeping every version', async () => {
      const created = await create(handler);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        unitId: districtId,
        state: 'idea',
        version: 1,
        stateName: '选题',
      });
      expect(created.body.actions).toEqual(['edit', 'start_draft', 'withdraw']);
      const id = created.body.id;

      const edited = await handler.patch<View>(`/api/v1/publications/${id}`, {
        body: '5月3日，某小区因管道检修停水。供水已于当晚恢复。',
        note: '补充恢复情况',
      });
      expect(edited.body).toMatchObject({ version: 2, state: 'idea' });
      expect((await handler.post<View>(`/api/v1/publications/${id}/start-draft`)).body.state).toBe('draft');
      const versions = await handler.get<z.output<typeof publicationVersionList>>(
        `/api/v1/publications/${id}/versions`,
      );
      expect(versions.body.items.map((v) => [v.version, v.note])).toEqual([
        [1, null],
        [2, '补充恢复情况'],
      ]);
      const diff = await handler.get<z.output<typeof publicationDiff>>(
        `/api/v1/publications/${id}/diff?from=1&to=2`,
      );
      expect(diff.body.parts).toEqual([
        { op: 'equal', text: '5月3日，某小区因管道检修停水。' },
        { op: 'insert', text: '供水已于当晚恢复。' },
      ]);
      expect(diff.body.title.changed).toBe(false);

      expect((await handler.post<View>(`/api/v1/publications/${id}/submit`)).body.state).toBe('in_review');
      const byHandler = await handler.post(`/api/v1/publications/${id}/sign-off`);
      expect(byHandler.status).toBe(403);
      const signed = await leader.post<View>(`/api/v1/publications/${id}/sign-off`, { note: '同意发布' });
      expect(signed.status).toBe(200);
      expect(signed.body).toMatchObject({ state: 'signed_off', signedOffBy: leaderId });
      expect(signed.body.signedOffAt).not.toBeNull();

      const published = await handler.post<View>(`/api/v1/publications/${id}/publish`, {
        url: 'https://www.gusu.example.cn/tzgg/1',
        publishedAt: '2024-05-03T20:00:00+08:00',
      });
      expect(published.body).toMatchObject({
        state: 'published',
        publishedUrl: 'https://www.gusu.example.cn/tzgg/1',
        publishedAt: '2024-05-03T12:00:00.000Z',
      });

      const timeline = await handler.get<z.output<typeof publicationTimelineList>>(
        `/api/v1/publications/${id}/timeline`,
      );
      expect(timeline.body.items.map((e) => e.action)).toEqual([
        'create',
        'edit',
        'start_draft',
        'submit',
        'sign_off',
        'publish',
      ]);
      const audit = await server.storage.audit.list({ unitIds: null }, { targetId: id }, { limit: 50 });
      expect(audit.items.map((e) => e.action)).toContain('publication.sign_off');
      expect(audit.items.find((e) => e.action === 'publication.sign_off')?.actorUserId).toBe(leaderId);
    });

    it('blocks sign-off while the draft holds secret terms or case details, naming each hit', async () => {
      const leaky = `据内部消息，${CLUE_TITLE.slice(0, 10)}，目前正在调查。`;
      const created = await create(handler, { asDraft: true, body: leaky });
      const id = created.body.id;
      await handler.post(`/api/v1/publications/${id}/submit`);
      const check = await handler.get<z.output<typeof confidentialityReport>>(
        `/api/v1/publications/${id}/check`,
      );
      expect(check.body.clean).toBe(false);
      expect(check.body.hits).toEqual([
        { kind: 'secret_term', field: 'body', position: 1, length: 2, text: '内部' },
        { kind: 'case_detail', field: 'body', position: 6, length: 10, text: CLUE_TITLE.slice(0, 10) },
      ]);

      const refused = await leader.post(`/api/v1/publications/${id}/sign-off`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('PUBLICATION_CONFIDENTIAL');
      expect(refused.body.error.details['hits']).toHaveLength(2);
      const after = await handler.get<View>(`/api/v1/publications/${id}`);
      expect(after.body).toMatchObject({ state: 'in_review', signedOffBy: null });

      const noReason = await leader.post(`/api/v1/publications/${id}/reject`, {});
      expect(noReason.status).toBe(400);
      const rejected = await leader.post<View>(`/api/v1/publications/${id}/reject`, {
        reason: '删除涉密内容',
      });
      expect(rejected.body).toMatchObject({ state: 'draft', rejectReason: '删除涉密内容' });
      await handler.patch(`/api/v1/publications/${id}`, { body: '有关情况正在核查，核查结果将及时公布。' });
      await handler.post(`/api/v1/publications/${id}/submit`);
      const signed = await leader.post<View>(`/api/v1/publications/${id}/sign-off`);
      expect(signed.body).toMatchObject({ state: 'signed_off', version: 2, rejectReason: null });
    });

    it('checks the office’s own secret terms', async () => {
      const denied = await handler.request('PUT', '/api/v1/publication-settings', {
        secretTerms: ['专案组'],
      });
      expect(denied.status).toBe(403);
      const saved = await leader.request<z.output<typeof publicationSettings>>(
        'PUT',
        '/api/v1/publication-settings',
        {
          secretTerms: ['专案组'],
        },
      );
      expect(saved.body).toMatchObject({ unitId: districtId, secretTerms: ['专案组'] });
      expect(saved.body.defaultSecretTerms).toEqual(['内部', '秘密', '机密', '绝密']);
      const created = await create(handler, { title: '专案组工作进展', asDraft: true });
      const check = await handler.get<z.output<typeof confidentialityReport>>(
        `/api/v1/publications/${created.body.id}/check`,
      );
      expect(check.body.hits).toEqual([
        { kind: 'secret_term', field: 'title', position: 0, length: 3, text: '专案组' },
      ]);
    });

    it('refuses illegal transitions and changes nothing', async () => {
      const created = await create(handler, { asDraft: true });
      const id = created.body.id;
      const publish = await handler.post(`/api/v1/publications/${id}/publish`, {
        url: 'https://x.example.cn/',
      });
      expect(publish.status).toBe(409);
      expect(publish.body.error.code).toBe('CASE_TRANSITION_INVALID');
      await handler.post(`/api/v1/publications/${id}/submit`);
      const edit = await handler.patch(`/api/v1/publications/${id}`, { body: '评审中改稿' });
      expect(edit.status).toBe(409);
      const withdrawn = await handler.post<View>(`/api/v1/publications/${id}/withdraw`, {
        reason: '情况已变化',
      });
      expect(withdrawn.body).toMatchObject({ state: 'withdrawn', withdrawReason: '情况已变化', actions: [] });
      const again = await handler.post(`/api/v1/publications/${id}/submit`);
      expect(again.status).toBe(409);
      const current = await handler.get<View>(`/api/v1/publications/${id}`);
      expect(current.body).toMatchObject({ state: 'withdrawn', version: 1 });
    });

    it('keeps units apart and viewers out', async () => {
      const mine = await create(handler, { asDraft: true });
      const id = mine.body.id;
      expect((await neighbour.get(`/api/v1/publications/${id}`)).status).toBe(404);
      expect((await neighbour.patch(`/api/v1/publications/${id}`, { body: '改' })).status).toBe(404);
      expect((await neighbour.get(`/api/v1/publications/${id}/versions`)).status).toBe(404);
      await handler.post(`/api/v1/publications/${id}/submit`);
      expect((await neighbourLeader.post(`/api/v1/publications/${id}/sign-off`)).status).toBe(404);
      expect((await neighbour.post('/api/v1/publications', { title: 'x', unitId: districtId })).status).toBe(
        404,
      );
      const theirs = await neighbour.get<z.output<typeof publicationPage>>('/api/v1/publications');
      expect(theirs.body.items).toEqual([]);
      const ours = await handler.get<z.output<typeof publicationPage>>(
        '/api/v1/publications?state=in_review',
      );
      expect(ours.body.items.map((p) => p.id)).toContain(id);
      expect(ours.body.items.every((p) => p.state === 'in_review')).toBe(true);
      expect(ours.body.counts.published).toBe(1);
      expect((await viewer.get('/api/v1/publications')).status).toBe(403);
      const current = await handler.get<View>(`/api/v1/publications/${id}`);
      expect(current.body).toMatchObject({ state: 'in_review', version: 1 });
    });
  });
}
