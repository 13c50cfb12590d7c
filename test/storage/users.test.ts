import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/index.js';
import { isAppError } from '../../src/platform/errors.js';
import { KyselyUserRepository } from '../../src/storage/users/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

describe.each(databaseTargets)('user repository on $name', (target) => {
  let test: TestDatabase;
  let users: KyselyUserRepository;
  let unit: Unit;
  let otherUnit: Unit;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    users = new KyselyUserRepository(test.handle.db, test.clock);
    unit = await makeUnit(test, 'office');
    otherUnit = await makeUnit(test, 'bureau');
  });
  afterAll(async () => {
    await test.close();
  });

  const newUser = (username: string, unitId = unit.id) =>
    users.create({
      unitId,
      username,
      displayName: `名 ${username}`,
      passwordHash: `h-${username}`,
      roles: ['viewer'],
    });

  it('counts no users in a fresh database', async () => {
    expect(await users.count()).toBe(0);
  });

  it('creates a user with roles in catalogue order and reads it back', async () => {
    const user = await users.create({
      unitId: unit.id,
      username: 'zhang',
      displayName: '张三',
      passwordHash: 'argon2-hash',
      roles: ['viewer', 'admin', 'viewer'],
    });
    expect(user).toMatchObject({
      unitId: unit.id,
      username: 'zhang',
      displayName: '张三',
      roles: ['admin', 'viewer'],
      disabled: false,
      createdAt: START,
      updatedAt: START,
      lastLoginAt: null,
    });
    expect(await users.get(user.id)).toEqual(user);
    expect(await users.count()).toBe(1);
  });

  it('rejects a duplicate username with CONFLICT and keeps the first user', async () => {
    await newUser('dup');
    await expect(newUser('dup', otherUnit.id)).rejects.toSatisfy((e) => isAppError(e, 'CONFLICT'));
    const found = await users.getWithSecretByUsername('dup');
    expect(found?.user.unitId).toBe(unit.id);
  });

  it('rejects a user of a missing unit with NOT_FOUND', async () => {
    await expect(newUser('orphan', 'missing-unit')).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
    expect(await users.getWithSecretByUsername('orphan')).toBeNull();
  });

  it('finds a user with the password hash by username', async () => {
    const user = await newUser('li');
    const found = await users.getWithSecretByUsername('li');
    expect(found).toEqual({ user, passwordHash: 'h-li' });
    expect(await users.getWithSecretByUsername('nobody')).toBeNull();
  });

  it('hides users outside the scope', async () => {
    const outside = await newUser('outsider', otherUnit.id);
    expect(await users.get(outside.id, { unitIds: [unit.id] })).toBeNull();
    expect((await users.get(outside.id, { unitIds: [otherUnit.id] }))?.username).toBe('outsider');
    expect((await users.get(outside.id, { unitIds: null }))?.username).toBe('outsider');
    expect(await users.get(outside.id, { unitIds: [] })).toBeNull();
  });

  it('pages through users in id order with cursors, within the scope', async () => {
    const pagingUnit = await makeUnit(test, 'paging');
    const created = [];
    for (let i = 0; i < 5; i++) {
      test.clock.advance(1);
      created.push(await newUser(`page-${i}`, pagingUnit.id));
    }
    const scope = { unitIds: [pagingUnit.id] };
    const first = await users.list(scope, { limit: 2 });
    expect(first.items.map((u) => u.username)).toEqual(['page-0', 'page-1']);
    expect(first.items[0]?.roles).toEqual(['viewer']);
    expect(first.nextCursor).not.toBeNull();
    const second = await users.list(scope, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((u) => u.username)).toEqual(['page-2', 'page-3']);
    const third = await users.list(scope, { limit: 2, cursor: second.nextCursor });
    expect(third.items.map((u) => u.username)).toEqual(['page-4']);
    expect(third.nextCursor).toBeNull();
    const exact = await users.list(scope, { limit: 5 });
    expect(exact.items).toHaveLength(5);
    expect(exact.nextCursor).toBeNull();
    expect((await users.list({ unitIds: [] }, { limit: 10 })).items).toEqual([]);
    const all = await users.list({ unitIds: null }, { limit: 100 });
    expect(all.items.map((u) => u.id)).toEqual(expect.arrayContaining(created.map((u) => u.id)));
  });

  it('rejects a malformed cursor with BAD_REQUEST', async () => {
    await expect(users.list({ unitIds: null }, { limit: 2, cursor: 'not-a-cursor' })).rejects.toSatisfy((e) =>
      isAppError(e, 'BAD_REQUEST'),
    );
  });

  it('updates name, roles, disabled flag and unit', async () => {
    const user = await newUser('wang');
    test.clock.advance(5000);
    const updated = await users.update(user.id, {
      displayName: '王五',
      roles: ['leader', 'handler'],
      disabled: true,
      unitId: otherUnit.id,
    });
    expect(updated).toMatchObject({
      displayName: '王五',
      roles: ['handler', 'leader'],
      disabled: true,
      unitId: otherUnit.id,
      createdAt: user.createdAt,
    });
    expect(updated.updatedAt).toBeGreaterThan(user.updatedAt);
    expect(await users.get(user.id)).toEqual(updated);
    const cleared = await users.update(user.id, { roles: [], disabled: false });
    expect(cleared.roles).toEqual([]);
    expect(cleared.disabled).toBe(false);
  });

  it('reports NOT_FOUND for updates of a missing user or a move to a missing unit', async () => {
    const user = await newUser('zhao');
    await expect(users.update('missing', { displayName: 'x' })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
    await expect(users.update(user.id, { unitId: 'missing' })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
    await expect(users.setPasswordHash('missing', 'h')).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
    await expect(users.recordLogin('missing', 1)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('changes the password hash and records logins', async () => {
    const user = await newUser('sun');
    await users.setPasswordHash(user.id, 'new-hash');
    await users.recordLogin(user.id, START + 123_456);
    const found = await users.getWithSecretByUsername('sun');
    expect(found?.passwordHash).toBe('new-hash');
    expect(found?.user.lastLoginAt).toBe(START + 123_456);
  });
});
