/**
 * Logging in and out, cookies, CSRF, API tokens and session revocation against a real server on SQLite.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { apiToken, createdToken, source, unitList } from '../../src/contract/index.js';
import type { User } from '../../src/domain/index.js';
import { sqliteTarget } from '../helpers/databases.js';
import { ApiClient, startServer, TEST_SESSION_TTL_MS, type TestServer } from './harness.js';
import { PASSWORD, seedRoot, seedToken, seedUser } from './seed.js';

let server: TestServer;
let root: { unitId: string; user: User };

beforeEach(async () => {
  server = await startServer(sqliteTarget);
  const seeded = await seedRoot(server);
  root = { unitId: seeded.unit.id, user: seeded.user };
});

afterEach(async () => {
  await server.close();
});

function client(token: string | null = null): ApiClient {
  return new ApiClient(server.baseUrl, token);
}

describe('login and logout', () => {
  it('logs in with a password, answers the user and a CSRF token, and logs out', async () => {
    const browser = client();
    const login = await browser.login('root', PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body.user.username).toBe('root');
    expect(login.body.user.roles).toEqual(['admin']);
    expect(login.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(login.body.permissions).toContain('users:write');

    const me = await browser.get<{ user: { id: string }; csrfToken: string }>('/api/v1/session');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(root.user.id);
    expect(me.body.csrfToken).toBe(login.body.csrfToken);

    const logout = await browser.delete('/api/v1/session');
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(/fx_session=;/);
    const after = await browser.get('/api/v1/session');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('stores an argon2id hash and the SHA-256 of the cookie, never the secrets', async () => {
    const stored = await server.storage.users.getWithSecretByUsername('root');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    const browser = client();
    await browser.login('root', PASSWORD);
    const secret = decodeURIComponent(browser.cookie?.split('=')[1] ?? '');
    const sessions = await server.storage.sessions.listByUser(root.user.id);
    expect(sessions).toHaveLength(1);
    const { sha256Hex } = await import('../../src/platform/sha256.js');
    expect(await server.storage.sessions.findActive(sha256Hex(secret), server.clock.now())).not.toBeNull();
    expect(await server.storage.sessions.findActive(secret, server.clock.now())).toBeNull();
  });

  it('rejects a wrong password and an unknown user with the same LOGIN_FAILED', async () => {
    const wrong = await client().login('root', 'not the password');
    const unknown = await client().login('nobody', 'not the password');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('LOGIN_FAILED');
      expect(response.body.error.messageZh).toBe('用户名或密码错误');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('audits successful and failed logins and logouts without secrets', async () => {
    await client().login('root', 'wrong password!!');
    const browser = client();
    await browser.login('root', PASSWORD);
    await browser.delete('/api/v1/session');
    const page = await server.storage.audit.list({ unitIds: null }, {}, { limit: 50 });
    const actions = page.items.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['session.login_failed', 'session.login', 'session.logout']),
    );
    const failed = page.items.find((entry) => entry.action === 'session.login_failed');
    expect(failed?.detail).toEqual({ username: 'root', reason: 'bad_password' });
    expect(failed?.ip).toBe('127.0.0.1');
    expect(JSON.stringify(page.items)).not.toContain(PASSWORD);
  });

  it('refuses a disabled user even with the right password', async () => {
    const user = await seedUser(server, root.unitId, 'gone', ['viewer']);
    await server.storage.users.update(user.id, { disabled: true });
    const response = await client().login('gone', PASSWORD);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('LOGIN_FAILED');
  });
});

describe('first administrator', () => {
  it('is created once: a second `admin create` is a CONFLICT', async () => {
    await expect(seedRoot(server)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await server.storage.users.count()).toBe(1);
    const units = await server.storage.units.list({ unitIds: null });
    expect(units.map((unit) => unit.name)).toEqual(['市委网信办']);
  });
});

describe('login rate limit', () => {
  it('locks a user name after 5 failures for 15 minutes with Retry-After, even for the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await client().login('root', 'wrong password!!')).status).toBe(401);
    }
    const locked = await client().login('root', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('LOGIN_RATE_LIMITED');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    server.clock.advance(15 * 60 * 1000 + 1);
    expect((await client().login('root', PASSWORD)).status).toBe(200);
  });

  it('locks a client address after 20 failures across user names', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await client().login(`someone${attempt % 4}`, 'wrong password!!')).status).toBe(401);
    }
    const locked = await client().login('root', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('LOGIN_RATE_LIMITED');
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/ and not Secure by default', async () => {
    const response = await client().login('root', PASSWORD);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^fx_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('is Secure when configured', async () => {
    const secure = await startServer(sqliteTarget, { api: { cookieSecure: true } });
    try {
      await seedRoot(secure);
      const response = await new ApiClient(secure.baseUrl).login('root', PASSWORD);
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/i);
    } finally {
      await secure.close();
    }
  });

  it('slides: use keeps it alive, and it ends after the TTL without use', async () => {
    const browser = client();
    await browser.login('root', PASSWORD);
    server.clock.advance(TEST_SESSION_TTL_MS * 0.6);
    expect((await browser.get('/api/v1/session')).status).toBe(200);
    server.clock.advance(TEST_SESSION_TTL_MS * 0.6);
    expect((await browser.get('/api/v1/session')).status).toBe(200);
    server.clock.advance(TEST_SESSION_TTL_MS + 1);
    const expired = await browser.get('/api/v1/session');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('CSRF', () => {
  it('refuses cookie-authenticated writes without the token and accepts them with it', async () => {
    const browser = client();
    await browser.login('root', PASSWORD);
    const body = { name: '新闻网', kind: 'feed', url: 'https://news.example.cn/rss' };
    const without = await browser.request('POST', '/api/v1/sources', body, { csrf: false });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('CSRF_FAILED');
    const wrong = await browser.request('POST', '/api/v1/sources', body, {
      csrf: false,
      headers: { 'x-csrf-token': 'not-the-token' },
    });
    expect(wrong.status).toBe(403);
    expect((await server.storage.sources.list({ unitIds: null }, {}, { limit: 10 })).items).toHaveLength(0);

    const withToken = await browser.post<z.output<typeof source>>('/api/v1/sources', body);
    expect(withToken.status).toBe(201);
    expect(withToken.body.name).toBe('新闻网');
    expect(withToken.body.unitId).toBe(root.unitId);
  });

  it('lets cookie reads through without the token and exempts Bearer writes', async () => {
    const browser = client();
    await browser.login('root', PASSWORD);
    const read = await browser.request<z.output<typeof unitList>>('GET', '/api/v1/units', undefined, {
      csrf: false,
    });
    expect(read.status).toBe(200);
    expect(read.body.items.map((unit) => unit.id)).toEqual([root.unitId]);

    const { secret } = await seedToken(server, root.user);
    const api = client(secret);
    const created = await api.post('/api/v1/sources', { name: 'API 源', kind: 'json' });
    expect(created.status).toBe(201);
  });
});

describe('API tokens', () => {
  it('are created once with an fx_ secret, authenticate, and answer 401 after revocation', async () => {
    const browser = client();
    await browser.login('root', PASSWORD);
    const created = await browser.post<z.output<typeof createdToken>>('/api/v1/tokens', { name: 'ci' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^fx_[\w-]{40,}$/);
    expect(created.body.secret.startsWith(created.body.token.prefix)).toBe(true);

    const api = client(created.body.secret);
    const me = await api.get<{ user: { id: string }; csrfToken: string | null }>('/api/v1/session');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(root.user.id);
    expect(me.body.csrfToken).toBeNull();

    const listed = await browser.get<{ items: z.output<typeof apiToken>[] }>('/api/v1/tokens');
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(listed.body.items[0]?.lastUsedAt).not.toBeNull();

    expect((await browser.delete(`/api/v1/tokens/${created.body.token.id}`)).status).toBe(200);
    const revoked = await api.get('/api/v1/session');
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('answer 401 for an unknown or malformed token and after expiry', async () => {
    expect((await client('fx_unknown').get('/api/v1/units')).status).toBe(401);
    const malformed = await client().request('GET', '/api/v1/units', undefined, {
      headers: { authorization: 'Basic abc' },
    });
    expect(malformed.status).toBe(401);

    const browser = client();
    await browser.login('root', PASSWORD);
    const expiresAt = new Date(server.clock.now() + 60_000).toISOString();
    const created = await browser.post<z.output<typeof createdToken>>('/api/v1/tokens', {
      name: 'short',
      expiresAt,
    });
    expect(created.body.token.expiresAt).toBe(expiresAt);
    const api = client(created.body.secret);
    expect((await api.get('/api/v1/units')).status).toBe(200);
    server.clock.advance(60_001);
    expect((await api.get('/api/v1/units')).status).toBe(401);
  });

  it('are needed for protected routes: no credentials is 401', async () => {
    const response = await client().get('/api/v1/sources');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('session revocation and passwords', () => {
  it('revoking all sessions of a user logs out every browser', async () => {
    const user = await seedUser(server, root.unitId, 'monitor1', ['monitor']);
    const first = client();
    const second = client();
    await first.login('monitor1', PASSWORD);
    await second.login('monitor1', PASSWORD);
    const admin = client();
    await admin.login('root', PASSWORD);
    const revoked = await admin.post<{ revoked: number }>(`/api/v1/users/${user.id}/sessions/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked).toBe(2);
    expect((await first.get('/api/v1/session')).status).toBe(401);
    expect((await second.get('/api/v1/session')).status).toBe(401);
    expect((await admin.get('/api/v1/session')).status).toBe(200);
  });

  it('enforces the password policy with a clear error', async () => {
    const admin = client();
    await admin.login('root', PASSWORD);
    const response = await admin.post('/api/v1/users', {
      username: 'short',
      password: 'tooshort',
      roles: [],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('PASSWORD_POLICY');
    expect(response.body.error.message).toMatch(/at least 10 characters/);
    expect(response.body.error.details).toEqual({ minLength: 10 });
  });

  it('changes an own password only with the current one, and ends the old sessions', async () => {
    const browser = client();
    await browser.login('root', PASSWORD);
    const refused = await browser.post(`/api/v1/users/${root.user.id}/password`, {
      password: 'a brand new password',
      currentPassword: 'wrong',
    });
    expect(refused.status).toBe(403);
    const changed = await browser.post(`/api/v1/users/${root.user.id}/password`, {
      password: 'a brand new password',
      currentPassword: PASSWORD,
    });
    expect(changed.status).toBe(200);
    expect((await browser.get('/api/v1/session')).status).toBe(401);
    expect((await client().login('root', PASSWORD)).status).toBe(401);
    expect((await client().login('root', 'a brand new password')).status).toBe(200);
  });
});
