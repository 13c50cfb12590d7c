import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { isAppError } from '../../src/platform/errors.js';
import { openStorage, type Storage } from '../../src/storage/index.js';
import { databaseTargets } from '../helpers/databases.js';

const NOW = Date.UTC(2024, 5, 1, 8);

describe.each(databaseTargets)('storage on $name', (target) => {
  let url: string;
  let drop: () => Promise<void>;
  let storage: Storage;
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    ({ url, drop } = await target.create());
    storage = await openStorage(url, { clock });
  });
  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('opens the engine named by the URL, migrated and answering', async () => {
    expect(storage.dialect).toBe(target.name);
    expect(await storage.ping()).toBe(true);
    expect(await storage.users.count()).toBe(0);
    expect(await storage.items.count({ unitIds: null })).toBe(0);
  });

  it('stamps records with the given clock', async () => {
    const unit = await storage.units.create({ name: 'clocked', parentId: null });
    expect(unit.createdAt).toBe(NOW);
    expect(unit.id.slice(0, 12)).toBe(NOW.toString(16).padStart(12, '0'));
  });

  it('commits a transaction’s writes together', async () => {
    const result = await storage.transaction(async (tx) => {
      const unit = await tx.units.create({ name: 'tx unit', parentId: null });
      const user = await tx.users.create({
        unitId: unit.id,
        username: 'tx-user',
        displayName: 'tx',
        passwordHash: 'h',
        roles: ['admin'],
      });
      await tx.audit.append({
        at: NOW,
        actorUserId: user.id,
        unitId: unit.id,
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        ip: null,
        detail: {},
      });
      return { unit, user };
    });
    expect((await storage.units.get(result.unit.id))?.name).toBe('tx unit');
    expect((await storage.users.get(result.user.id))?.roles).toEqual(['admin']);
    const audit = await storage.audit.list({ unitIds: [result.unit.id] }, {}, { limit: 5 });
    expect(audit.items.map((e) => e.action)).toEqual(['user.create']);
  });

  it('rolls every write back when the work throws, and passes the error on', async () => {
    let unitId = '';
    const failure = storage.transaction(async (tx) => {
      const unit = await tx.units.create({ name: 'doomed', parentId: null });
      unitId = unit.id;
      await tx.users.create({
        unitId: unit.id,
        username: 'doomed-user',
        displayName: 'd',
        passwordHash: 'h',
        roles: [],
      });
      await tx.units.update(unit.id, { name: 'renamed in tx' });
      throw new Error('stop here');
    });
    await expect(failure).rejects.toThrow('stop here');
    expect(unitId).not.toBe('');
    expect(await storage.units.get(unitId)).toBeNull();
    expect(await storage.users.getWithSecretByUsername('doomed-user')).toBeNull();
  });

  it('rolls back a unit move whose transaction fails afterwards', async () => {
    const a = await storage.units.create({ name: 'a', parentId: null });
    const b = await storage.units.create({ name: 'b', parentId: null });
    const child = await storage.units.create({ name: 'child', parentId: a.id });
    await expect(
      storage.transaction(async (tx) => {
        await tx.units.update(a.id, { parentId: b.id });
        await tx.units.update(a.id, { parentId: child.id });
      }),
    ).rejects.toSatisfy((e) => isAppError(e, 'UNIT_CYCLE'));
    expect((await storage.units.get(a.id))?.path).toBe(a.path);
    expect((await storage.units.get(child.id))?.path).toBe(child.path);
  });

  it('opens an existing database again without re-running migrations', async () => {
    const again = await openStorage(url);
    try {
      expect(await again.users.getWithSecretByUsername('tx-user')).not.toBeNull();
    } finally {
      await again.close();
    }
  });

  it('leaves the schema alone when told not to migrate', async () => {
    const fresh = await target.create();
    const unmigrated = await openStorage(fresh.url, { migrate: false });
    try {
      expect(await unmigrated.ping()).toBe(true);
      await expect(unmigrated.users.count()).rejects.toThrow();
    } finally {
      await unmigrated.close();
      await fresh.drop();
    }
  });

  it('stops answering once closed', async () => {
    const other = await openStorage(url);
    await other.close();
    expect(await other.ping()).toBe(false);
  });
});

describe('openStorage', () => {
  it('rejects an unknown URL scheme with CONFIG_INVALID', async () => {
    await expect(openStorage('mysql://localhost/db')).rejects.toSatisfy((e) =>
      isAppError(e, 'CONFIG_INVALID'),
    );
  });
});
