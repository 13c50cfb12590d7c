import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import { KyselyTokenRepository } from '../../src/storage/tokens/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, makeUser, openTestDatabase, START, type TestDatabase } from './fixtures.js';

describe.each(databaseTargets)('token repository on $name', (target) => {
  let test: TestDatabase;
  let tokens: KyselyTokenRepository;
  let user: User;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    tokens = new KyselyTokenRepository(test.handle.db, test.clock);
    user = await makeUser(test, (await makeUnit(test)).id, 'token-owner');
  });
  afterAll(async () => {
    await test.close();
  });

  const newToken = (tokenHash: string, expiresAt: number | null = null, userId = user.id) =>
    tokens.create({
      userId,
      name: `token ${tokenHash}`,
      tokenHash,
      prefix: tokenHash.slice(0, 4),
      expiresAt,
    });

  it('creates a token and gets it by id', async () => {
    const token = await newToken('hash-a');
    expect(token).toMatchObject({
      userId: user.id,
      name: 'token hash-a',
      prefix: 'hash',
      createdAt: START,
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(await tokens.get(token.id)).toEqual(token);
    expect(await tokens.get('missing')).toBeNull();
  });

  it('rejects a duplicate secret with CONFLICT and an unknown user with NOT_FOUND', async () => {
    await newToken('hash-dup');
    await expect(newToken('hash-dup')).rejects.toSatisfy((e) => isAppError(e, 'CONFLICT'));
    await expect(newToken('hash-orphan', null, 'missing-user')).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });

  it('finds a token only while it is neither expired nor revoked', async () => {
    const forever = await newToken('hash-forever');
    const expiring = await newToken('hash-expiring', START + 10_000);
    expect((await tokens.findActive('hash-forever', START + 10 ** 12))?.id).toBe(forever.id);
    expect((await tokens.findActive('hash-expiring', START + 9_999))?.id).toBe(expiring.id);
    expect(await tokens.findActive('hash-expiring', START + 10_000)).toBeNull();
    expect(await tokens.findActive('unknown', START)).toBeNull();

    await tokens.revoke(forever.id, START + 50);
    expect(await tokens.findActive('hash-forever', START + 60)).toBeNull();
    await tokens.revoke(forever.id, START + 99);
    expect((await tokens.get(forever.id))?.revokedAt).toBe(START + 50);
  });

  it('records use and reports NOT_FOUND for missing tokens', async () => {
    const token = await newToken('hash-touch');
    await tokens.touch(token.id, START + 777);
    expect((await tokens.get(token.id))?.lastUsedAt).toBe(START + 777);
    await expect(tokens.touch('missing', 1)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
    await expect(tokens.revoke('missing', 1)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('lists a user’s tokens newest first, revoked ones included', async () => {
    const owner = await makeUser(test, (await makeUnit(test)).id, 'lister');
    test.clock.advance(1);
    const older = await newToken('hash-older', null, owner.id);
    test.clock.advance(1);
    const newer = await newToken('hash-newer', null, owner.id);
    await tokens.revoke(older.id, START + 5);
    const list = await tokens.listByUser(owner.id);
    expect(list.map((t) => t.id)).toEqual([newer.id, older.id]);
    expect(list[1]?.revokedAt).toBe(START + 5);
    expect(await tokens.listByUser('nobody')).toEqual([]);
  });
});
