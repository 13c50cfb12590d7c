import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import { KyselySessionRepository } from '../../src/storage/sessions/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, makeUser, openTestDatabase, START, type TestDatabase } from './fixtures.js';

const HOUR = 3_600_000;

describe.each(databaseTargets)('session repository on $name', (target) => {
  let test: TestDatabase;
  let sessions: KyselySessionRepository;
  let user: User;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    sessions = new KyselySessionRepository(test.handle.db, test.clock);
    user = await makeUser(test, (await makeUnit(test)).id, 'session-owner');
  });
  afterAll(async () => {
    await test.close();
  });

  const newSession = (tokenHash: string, expiresAt = START + HOUR, userId = user.id) =>
    sessions.create({
      userId,
      tokenHash,
      csrfToken: `csrf-${tokenHash}`,
      expiresAt,
      ip: '127.0.0.1',
      userAgent: 'vitest',
    });

  it('creates a session and gets it by id', async () => {
    const session = await newSession('s-a');
    expect(session).toMatchObject({
      userId: user.id,
      csrfToken: 'csrf-s-a',
      createdAt: START,
      lastSeenAt: START,
      expiresAt: START + HOUR,
      revokedAt: null,
      ip: '127.0.0.1',
      userAgent: 'vitest',
    });
    expect(await sessions.get(session.id)).toEqual(session);
    expect(await sessions.get('missing')).toBeNull();
  });

  it('rejects a duplicate secret with CONFLICT and an unknown user with NOT_FOUND', async () => {
    await newSession('s-dup');
    await expect(newSession('s-dup')).rejects.toSatisfy((e) => isAppError(e, 'CONFLICT'));
    await expect(newSession('s-orphan', START + HOUR, 'missing')).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });

  it('finds a session while it is live, and no longer once expired or revoked', async () => {
    const live = await newSession('s-live');
    expect((await sessions.findActive('s-live', START + HOUR - 1))?.id).toBe(live.id);
    expect(await sessions.findActive('s-live', START + HOUR)).toBeNull();
    await sessions.revoke(live.id, START + 10);
    expect(await sessions.findActive('s-live', START + 20)).toBeNull();
    await sessions.revoke(live.id, START + 30);
    expect((await sessions.get(live.id))?.revokedAt).toBe(START + 10);
  });

  it('slides the expiry on touch', async () => {
    const session = await newSession('s-touch');
    await sessions.touch(session.id, START + HOUR - 5, START + 2 * HOUR);
    expect((await sessions.findActive('s-touch', START + HOUR + 5))?.lastSeenAt).toBe(START + HOUR - 5);
    await expect(sessions.touch('missing', 1, 2)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
    await expect(sessions.revoke('missing', 1)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('lists and revokes all sessions of a user', async () => {
    const owner = await makeUser(test, (await makeUnit(test)).id, 'many-sessions');
    test.clock.advance(1);
    const first = await newSession('m-1', START + HOUR, owner.id);
    test.clock.advance(1);
    const second = await newSession('m-2', START + HOUR, owner.id);
    test.clock.advance(1);
    const third = await newSession('m-3', START + HOUR, owner.id);
    await sessions.revoke(first.id, START + 7);
    expect((await sessions.listByUser(owner.id)).map((s) => s.id)).toEqual([third.id, second.id, first.id]);
    expect(await sessions.revokeAllForUser(owner.id, START + 9)).toBe(2);
    const after = await sessions.listByUser(owner.id);
    expect(after.map((s) => s.revokedAt)).toEqual([START + 9, START + 9, START + 7]);
    expect(await sessions.revokeAllForUser(owner.id, START + 10)).toBe(0);
    expect((await sessions.findActive('s-a', START + 1))?.userId).toBe(user.id);
  });

  it('purges sessions that expired or were revoked before the cut-off, and only those', async () => {
    const owner = await makeUser(test, (await makeUnit(test)).id, 'purge-owner');
    const expired = await newSession('p-expired', START + 100, owner.id);
    const revoked = await newSession('p-revoked', START + 10 * HOUR, owner.id);
    const revokedLate = await newSession('p-revoked-late', START + 10 * HOUR, owner.id);
    const live = await newSession('p-live', START + 10 * HOUR, owner.id);
    await sessions.revoke(revoked.id, START + 200);
    await sessions.revoke(revokedLate.id, START + 5 * HOUR);
    const before = (await sessions.listByUser(owner.id)).length;
    const purged = await sessions.purge(START + 1000);
    expect(purged).toBeGreaterThanOrEqual(2);
    const left = (await sessions.listByUser(owner.id)).map((s) => s.id);
    expect(left.sort()).toEqual([revokedLate.id, live.id].sort());
    expect(before).toBe(4);
    expect(await sessions.get(expired.id)).toBeNull();
  });
});
