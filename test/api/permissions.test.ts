/**
 * THE PERMISSION SUITE: a user of unit A gets NOT_FOUND for unit B's records (or FORBIDDEN for a
 * missing permission) through every route, and nothing of B changes; a user of the parent unit sees
 * both. Runs on SQLite, and on PostgreSQL when FENGXIANG_TEST_POSTGRES_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  auditPage,
  itemPage,
  schemePage,
  sourcePage,
  unitList,
  userPage,
} from '../../src/contract/index.js';
import type { User } from '../../src/domain/index.js';
import { databaseTargets } from '../helpers/databases.js';
import { ApiClient, startServer, type TestServer } from './harness.js';
import { PASSWORD, seedRoot, seedToken, seedUser } from './seed.js';

/** The records of one unit. */
interface UnitRecords {
  unitId: string;
  admin: User;
  viewer: User;
  tokenId: string;
  sourceId: string;
  schemeId: string;
  itemId: string;
}

const ids = <T extends { id: string }>(items: T[]): string[] => items.map((item) => item.id);

async function seedUnit(server: TestServer, rootUnitId: string, name: string): Promise<UnitRecords> {
  const unit = await server.storage.units.create({ name, parentId: rootUnitId });
  const admin = await seedUser(server, unit.id, `admin-${name}`, ['admin']);
  const viewer = await seedUser(server, unit.id, `viewer-${name}`, ['viewer']);
  const token = await seedToken(server, admin);
  const api = new ApiClient(server.baseUrl, token.secret);
  const source = await api.post<{ id: string }>('/api/v1/sources', { name: `${name} 新闻`, kind: 'feed' });
  const scheme = await api.post<{ id: string }>('/api/v1/schemes', {
    name: `${name} 方案`,
    expression: name,
  });
  const [itemId] = await server.storage.items.insertMany([
    {
      unitId: unit.id,
      sourceId: source.body.id,
      kind: 'post',
      content: `${name} 的帖子`,
      tokens: `${name} 帖子`,
      contentHash: `hash-${name}`,
      publishedAt: server.clock.now() - 60_000,
      collectedAt: server.clock.now(),
    },
  ]);
  expect(source.status).toBe(201);
  expect(scheme.status).toBe(201);
  return {
    unitId: unit.id,
    admin,
    viewer,
    tokenId: token.id,
    sourceId: source.body.id,
    schemeId: scheme.body.id,
    itemId: itemId ?? '',
  };
}

for (const target of databaseTargets) {
  describe(`permissions on ${target.name}`, () => {
    let server: TestServer;
    let rootUnitId: string;
    let a: UnitRecords;
    let b: UnitRecords;
    let adminA: ApiClient;
    let viewerA: ApiClient;
    let parent: ApiClient;

    beforeAll(async () => {
      server = await startServer(target);
      const root = await seedRoot(server);
      rootUnitId = root.unit.id;
      a = await seedUnit(server, rootUnitId, 'alpha');
      b = await seedUnit(server, rootUnitId, 'beta');
      adminA = new ApiClient(server.baseUrl, (await seedToken(server, a.admin)).secret);
      parent = new ApiClient(server.baseUrl, (await seedToken(server, root.user)).secret);
      viewerA = new ApiClient(server.baseUrl);
      expect((await viewerA.login(a.viewer.username, PASSWORD)).status).toBe(200);
    }, 60_000);

    afterAll(async () => {
      await server?.close();
    });

    /** Expects NOT_FOUND for every request of `requests`. */
    async function expectNotFound(client: ApiClient, requests: [string, string, unknown?][]): Promise<void> {
      for (const [method, path, body] of requests) {
        const response = await client.request(method, path, body);
        expect({ method, path, status: response.status, code: response.body?.error.code }).toEqual({
          method,
          path,
          status: 404,
          code: 'NOT_FOUND',
        });
      }
    }

    it("hides B's units, users, tokens, sources, items and schemes from A's administrator", async () => {
      await expectNotFound(adminA, [
        ['GET', `/api/v1/units/${b.unitId}`],
        ['PATCH', `/api/v1/units/${b.unitId}`, { name: 'taken over' }],
        ['DELETE', `/api/v1/units/${b.unitId}`],
        ['POST', '/api/v1/units', { name: 'under B', parentId: b.unitId }],
        ['GET', `/api/v1/users/${b.admin.id}`],
        ['PATCH', `/api/v1/users/${b.admin.id}`, { displayName: 'taken over' }],
        ['POST', `/api/v1/users/${b.admin.id}/password`, { password: 'a takeover password' }],
        ['POST', `/api/v1/users/${b.admin.id}/sessions/revoke`],
        ['POST', '/api/v1/users', { unitId: b.unitId, username: 'mole', password: PASSWORD, roles: [] }],
        ['PATCH', `/api/v1/users/${a.viewer.id}`, { unitId: b.unitId }],
        ['GET', `/api/v1/tokens?userId=${b.admin.id}`],
        ['DELETE', `/api/v1/tokens/${b.tokenId}`],
        ['GET', `/api/v1/sources/${b.sourceId}`],
        ['PATCH', `/api/v1/sources/${b.sourceId}`, { name: 'taken over' }],
        ['DELETE', `/api/v1/sources/${b.sourceId}`],
        ['POST', '/api/v1/sources', { unitId: b.unitId, name: 'planted', kind: 'feed' }],
        ['GET', `/api/v1/items/${b.itemId}`],
        ['GET', `/api/v1/schemes/${b.schemeId}`],
        ['PATCH', `/api/v1/schemes/${b.schemeId}`, { name: 'taken over' }],
        ['DELETE', `/api/v1/schemes/${b.schemeId}`],
        ['POST', '/api/v1/schemes', { unitId: b.unitId, name: 'planted', expression: 'x' }],
      ]);
    });

    it("answers a missing record exactly like one of B's (no existence leak)", async () => {
      const missing = await adminA.get('/api/v1/sources/000000000000ffffffffffffffff');
      const foreign = await adminA.get(`/api/v1/sources/${b.sourceId}`);
      expect(foreign.status).toBe(missing.status);
      expect(foreign.body.error.code).toBe(missing.body.error.code);
      expect(foreign.body.error.message.replace(b.sourceId, 'X')).toBe(
        missing.body.error.message.replace('000000000000ffffffffffffffff', 'X'),
      );
    });

    it("leaves B's records untouched after A's attempts", async () => {
      const source = await server.storage.sources.get(b.sourceId);
      expect(source?.name).toBe('beta 新闻');
      expect((await server.storage.schemes.get(b.schemeId))?.name).toBe('beta 方案');
      expect((await server.storage.units.get(b.unitId))?.name).toBe('beta');
      expect((await server.storage.tokens.get(b.tokenId))?.revokedAt).toBeNull();
      expect((await server.storage.users.get(b.admin.id))?.displayName).toBe('admin-beta');
      expect(await server.storage.users.getWithSecretByUsername('mole')).toBeNull();
      expect((await server.storage.units.get(a.unitId))?.parentId).toBe(rootUnitId);
    });

    it('lists only A’s records to A', async () => {
      const units = await adminA.get<z.output<typeof unitList>>('/api/v1/units');
      expect(ids(units.body.items)).toEqual([a.unitId]);
      const users = await adminA.get<z.output<typeof userPage>>('/api/v1/users');
      expect(ids(users.body.items).sort()).toEqual([a.admin.id, a.viewer.id].sort());
      const sources = await adminA.get<z.output<typeof sourcePage>>('/api/v1/sources');
      expect(ids(sources.body.items)).toEqual([a.sourceId]);
      const schemes = await adminA.get<z.output<typeof schemePage>>('/api/v1/schemes');
      expect(ids(schemes.body.items)).toEqual([a.schemeId]);
      const items = await adminA.get<z.output<typeof itemPage>>('/api/v1/items');
      expect(ids(items.body.items)).toEqual([a.itemId]);
      const filtered = await adminA.get<z.output<typeof itemPage>>(`/api/v1/items?source=${b.sourceId}`);
      expect(filtered.body.items).toEqual([]);
      const audit = await adminA.get<z.output<typeof auditPage>>('/api/v1/audit?limit=200');
      expect(audit.status).toBe(200);
      expect(audit.body.items.length).toBeGreaterThan(0);
      expect(audit.body.items.every((entry) => entry.unitId === a.unitId)).toBe(true);
    });

    it('lets an administrator grant any role in the unit, and nobody grant more than they can do', async () => {
      const made = await adminA.post<{ id: string; roles: string[] }>('/api/v1/users', {
        unitId: a.unitId,
        username: 'new-monitor',
        password: PASSWORD,
        roles: ['monitor', 'viewer'],
      });
      expect(made.status).toBe(201);
      expect(made.body.roles.sort()).toEqual(['monitor', 'viewer']);
      const monitorUser = await seedUser(server, a.unitId, 'grant-monitor', ['monitor']);
      const monitor = new ApiClient(server.baseUrl, (await seedToken(server, monitorUser)).secret);
      const admin = await monitor.post('/api/v1/users', {
        unitId: a.unitId,
        username: 'would-be-admin',
        password: PASSWORD,
        roles: ['admin'],
      });
      expect([403, 404]).toContain(admin.status);
    });

    it('answers FORBIDDEN where the caller lacks the permission', async () => {
      const forbidden: [string, string, unknown?][] = [
        ['POST', '/api/v1/units', { name: 'x', parentId: a.unitId }],
        ['GET', '/api/v1/users'],
        ['GET', `/api/v1/users/${a.admin.id}`],
        ['POST', '/api/v1/users', { username: 'x', password: PASSWORD, roles: [] }],
        ['POST', `/api/v1/users/${a.admin.id}/password`, { password: 'a takeover password' }],
        ['POST', `/api/v1/users/${a.admin.id}/sessions/revoke`],
        ['GET', `/api/v1/tokens?userId=${a.admin.id}`],
        ['POST', '/api/v1/tokens', { name: 'x' }],
        ['GET', '/api/v1/sources'],
        ['POST', '/api/v1/sources', { name: 'x', kind: 'feed' }],
        ['DELETE', `/api/v1/sources/${a.sourceId}`],
        ['POST', '/api/v1/schemes', { name: 'x', expression: 'x' }],
        ['DELETE', `/api/v1/schemes/${a.schemeId}`],
        ['GET', '/api/v1/audit'],
      ];
      for (const [method, path, body] of forbidden) {
        const response = await viewerA.request(method, path, body);
        expect({ method, path, status: response.status, code: response.body.error.code }).toEqual({
          method,
          path,
          status: 403,
          code: 'FORBIDDEN',
        });
      }
      expect((await viewerA.get(`/api/v1/items/${a.itemId}`)).status).toBe(200);
      expect((await viewerA.get(`/api/v1/items/${b.itemId}`)).status).toBe(404);
      expect((await viewerA.get(`/api/v1/schemes/${b.schemeId}`)).status).toBe(404);
    });

    it('keeps an administrator inside their subtree: no moving or deleting their own unit, no foreign tokens', async () => {
      const move = await adminA.patch(`/api/v1/units/${a.unitId}`, { parentId: b.unitId });
      expect(move.status).toBe(403);
      const remove = await adminA.delete(`/api/v1/units/${a.unitId}`);
      expect(remove.status).toBe(403);
      const child = await adminA.post<{ id: string; parentId: string }>('/api/v1/units', {
        name: 'alpha 下属',
        parentId: a.unitId,
      });
      expect(child.status).toBe(201);
      expect(child.body.parentId).toBe(a.unitId);
      const newAdmin = await adminA.post<{ roles: string[] }>('/api/v1/users', {
        unitId: child.body.id,
        username: 'alpha-child-admin',
        password: PASSWORD,
        roles: ['admin'],
      });
      expect(newAdmin.status).toBe(201);
      expect(newAdmin.body.roles).toEqual(['admin']);
      const tokenB = await server.storage.tokens.get(b.tokenId);
      expect(tokenB?.revokedAt).toBeNull();
    });

    it('shows both units’ records to a user of the parent unit', async () => {
      const units = await parent.get<z.output<typeof unitList>>('/api/v1/units');
      expect(ids(units.body.items)).toEqual(expect.arrayContaining([rootUnitId, a.unitId, b.unitId]));
      for (const path of [
        `/api/v1/units/${b.unitId}`,
        `/api/v1/users/${b.admin.id}`,
        `/api/v1/sources/${b.sourceId}`,
        `/api/v1/items/${b.itemId}`,
        `/api/v1/schemes/${b.schemeId}`,
        `/api/v1/tokens?userId=${b.admin.id}`,
      ]) {
        expect({ path, status: (await parent.get(path)).status }).toEqual({ path, status: 200 });
      }
      const sources = await parent.get<z.output<typeof sourcePage>>('/api/v1/sources');
      expect(ids(sources.body.items)).toEqual(expect.arrayContaining([a.sourceId, b.sourceId]));
      const items = await parent.get<z.output<typeof itemPage>>('/api/v1/items');
      expect(ids(items.body.items)).toEqual(expect.arrayContaining([a.itemId, b.itemId]));
      const schemes = await parent.get<z.output<typeof schemePage>>('/api/v1/schemes');
      expect(ids(schemes.body.items)).toEqual(expect.arrayContaining([a.schemeId, b.schemeId]));
      const audit = await parent.get<z.output<typeof auditPage>>('/api/v1/audit?limit=200');
      const auditUnits = new Set(audit.body.items.map((entry) => entry.unitId));
      expect(auditUnits.has(a.unitId) && auditUnits.has(b.unitId)).toBe(true);
      const bActions = audit.body.items
        .filter((entry) => entry.unitId === b.unitId)
        .map((entry) => entry.action);
      expect(bActions).toEqual(
        expect.arrayContaining(['user.create', 'token.create', 'source.create', 'scheme.create']),
      );
    });

    it('lets the parent administrator change and revoke B’s records', async () => {
      const renamed = await parent.patch<{ name: string }>(`/api/v1/sources/${b.sourceId}`, {
        name: 'beta 官网',
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body.name).toBe('beta 官网');
      expect((await parent.delete(`/api/v1/tokens/${b.tokenId}`)).status).toBe(200);
      expect((await server.storage.tokens.get(b.tokenId))?.revokedAt).not.toBeNull();
    });
  });
}
