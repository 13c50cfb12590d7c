/**
 * Evidence through the API on both engines: a handler captures an item's page; after the post is deleted
 * online (404 on the fixture server) the stored page is still served with its hash; packages export as ZIP
 * and verify (a tampered one fails); units, roles and clue confidentiality are enforced and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { verifyEvidencePackage } from '../../src/cases/evidence/index.js';
import type {
  auditPage,
  evidenceDetail,
  evidencePage,
  evidenceVerification,
} from '../../src/contract/index.js';
import { sha256Hex } from '../../src/platform/sha256.js';
import { createHttpClient, type HttpClient } from '../../src/sources/http/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { seedRoot, seedToken, seedUser } from './seed.js';

type Detail = z.output<typeof evidenceDetail>;

const PAGE =
  '<html><head><meta charset="utf-8"></head><body><p>某小区业主反映物业乱收费，已向街道投诉。</p></body></html>';

for (const target of databaseTargets) {
  describe(`evidence API on ${target.name}`, () => {
    let fixtures: FixtureServer;
    let http: HttpClient;
    let server: TestServer;
    let handler: ApiClient;
    let monitor: ApiClient;
    let viewer: ApiClient;
    let neighbour: ApiClient;
    let root: ApiClient;
    let handlerToken: string;
    let unitId: string;
    let itemId: string;

    async function raw(path: string, init: RequestInit = {}): Promise<Response> {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${handlerToken}`);
      return fetch(`${server.baseUrl}${path}`, { ...init, headers });
    }

    beforeAll(async () => {
      fixtures = await startFixtureServer({
        '/bbs/42.html': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE },
      });
      http = createHttpClient({ allowPrivate: true, perHostMinIntervalMs: 0, retries: 0 });
      server = await startServer(target, {
        extraDeps: { evidence: { fetcher: http, options: { allowPrivate: true } } },
      });
      const seeded = await seedRoot(server);
      root = new ApiClient(server.baseUrl, (await seedToken(server, seeded.user)).secret);
      const unit = await server.storage.units.create({ name: '姑苏区网信办', parentId: seeded.unit.id });
      const other = await server.storage.units.create({ name: '虎丘区网信办', parentId: seeded.unit.id });
      unitId = unit.id;
      const client = async (unit: string, name: string, roles: ('handler' | 'monitor' | 'viewer')[]) =>
        (await seedToken(server, await seedUser(server, unit, name, roles))).secret;
      handlerToken = await client(unitId, 'gusu-handler', ['handler']);
      handler = new ApiClient(server.baseUrl, handlerToken);
      monitor = new ApiClient(server.baseUrl, await client(unitId, 'gusu-monitor', ['monitor']));
      viewer = new ApiClient(server.baseUrl, await client(unitId, 'gusu-viewer', ['viewer']));
      neighbour = new ApiClient(server.baseUrl, await client(other.id, 'huqiu-handler', ['handler']));
      [itemId = ''] = await server.storage.items.insertMany([
        {
          unitId,
          kind: 'post',
          url: fixtures.url('/bbs/42.html'),
          title: null,
          content: '某小区业主反映物业乱收费',
          contentHash: sha256Hex('某小区业主反映物业乱收费'),
          publishedAt: server.clock.now() - 3_600_000,
          collectedAt: server.clock.now() - 60_000,
        },
      ]);
    }, 60_000);

    afterAll(async () => {
      await server.close();
      await http.close();
      await fixtures.close();
    });

    it('serves the stored page after the post is deleted online, and packages verify', async () => {
      const created = await handler.post<Detail>('/api/v1/evidence', {
        itemId,
        recordType: 'incident',
        recordId: 'inc-1',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ httpStatus: 200, rawSha256: sha256Hex(PAGE), unitId });
      expect(created.body.pageText).toContain('物业乱收费');

      fixtures.set({ '/bbs/42.html': { status: 404, body: 'deleted' } });
      server.clock.advance(60_000);
      const again = await handler.post<Detail>('/api/v1/evidence', {
        itemId,
        recordType: 'incident',
        recordId: 'inc-1',
      });
      expect(again.body).toMatchObject({ httpStatus: 404, pageError: 'FETCH_HTTP_STATUS', rawSha256: null });

      const page = await raw(`/api/v1/evidence/${created.body.id}/page`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(PAGE);
      expect(page.headers.get('x-evidence-sha256')).toBe(sha256Hex(PAGE));
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-security-policy')).toContain('sandbox');
      expect((await raw(`/api/v1/evidence/${again.body.id}/page`)).status).toBe(404);

      const list = await handler.get<z.output<typeof evidencePage>>('/api/v1/evidence?recordId=inc-1');
      expect(list.body.items.map((e) => e.id)).toEqual([again.body.id, created.body.id]);

      const exported = await raw('/api/v1/evidence/package', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ evidenceIds: [created.body.id, again.body.id] }),
      });
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toBe('application/zip');
      const zip = Buffer.from(await exported.arrayBuffer());
      expect(exported.headers.get('x-evidence-package-sha256')).toBe(sha256Hex(zip));
      expect(verifyEvidencePackage(zip).valid).toBe(true);
      const verified = await handler.post<z.output<typeof evidenceVerification>>('/api/v1/evidence/verify', {
        package: zip.toString('base64'),
      });
      expect(verified.body).toMatchObject({
        valid: true,
        problems: [],
        evidenceIds: [created.body.id, again.body.id],
      });

      const tampered = Buffer.from(zip);
      const at = tampered.indexOf(Buffer.from('物业', 'utf8'));
      tampered[at] = (tampered[at] ?? 0) ^ 0x01;
      const refused = await handler.post<z.output<typeof evidenceVerification>>('/api/v1/evidence/verify', {
        package: tampered.toString('base64'),
      });
      expect(refused.body.valid).toBe(false);
      expect(refused.body.problems.length).toBeGreaterThan(0);

      const audit = await root.get<z.output<typeof auditPage>>('/api/v1/audit?action=evidence.export');
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]?.detail).toMatchObject({ evidenceIds: [created.body.id, again.body.id] });
    });

    it('keeps other units and roles out', async () => {
      const created = await handler.post<Detail>('/api/v1/evidence', {
        itemId,
        recordType: 'incident',
        recordId: 'inc-2',
      });
      expect((await neighbour.get(`/api/v1/evidence/${created.body.id}`)).status).toBe(404);
      expect((await neighbour.get(`/api/v1/evidence/${created.body.id}/page`)).status).toBe(404);
      const foreign = await neighbour.post('/api/v1/evidence', {
        itemId,
        recordType: 'incident',
        recordId: 'x',
      });
      expect(foreign.status).toBe(404);
      const wrongUnit = await neighbour.post('/api/v1/evidence', {
        itemId,
        recordType: 'incident',
        recordId: 'x',
        unitId,
      });
      expect(wrongUnit.status).toBe(404);
      const packaged = await neighbour.post('/api/v1/evidence/package', { evidenceIds: [created.body.id] });
      expect(packaged.status).toBe(404);
      expect((await viewer.get(`/api/v1/evidence/${created.body.id}`)).status).toBe(404);
      const byViewer = await viewer.post('/api/v1/evidence', {
        itemId,
        recordType: 'incident',
        recordId: 'x',
      });
      expect(byViewer.status).toBe(403);
      expect(byViewer.body.error.code).toBe('FORBIDDEN');
    });

    it('shows clue evidence only to clue roles and audits every view', async () => {
      const byMonitor = await monitor.post('/api/v1/evidence', {
        itemId,
        recordType: 'clue',
        recordId: 'clue-1',
      });
      expect(byMonitor.status).toBe(403);
      const created = await handler.post<Detail>('/api/v1/evidence', {
        itemId,
        recordType: 'clue',
        recordId: 'clue-1',
      });
      expect(created.status).toBe(201);
      expect((await monitor.get(`/api/v1/evidence/${created.body.id}`)).status).toBe(404);
      expect((await monitor.get('/api/v1/evidence?recordType=clue')).status).toBe(403);
      const monitorList = await monitor.get<z.output<typeof evidencePage>>('/api/v1/evidence');
      expect(monitorList.body.items.some((e) => e.recordType === 'clue')).toBe(false);
      const packaged = await monitor.post('/api/v1/evidence/package', { evidenceIds: [created.body.id] });
      expect(packaged.status).toBe(404);

      expect((await handler.get(`/api/v1/evidence/${created.body.id}`)).status).toBe(200);
      const views = await root.get<z.output<typeof auditPage>>(
        `/api/v1/audit?action=evidence.view&targetId=${created.body.id}`,
      );
      expect(views.body.items).toHaveLength(1);
      expect(views.body.items[0]?.detail).toMatchObject({ recordType: 'clue', recordId: 'clue-1' });
    });
  });
}
