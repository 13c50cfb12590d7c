/**
 * Channels, the duty roster and alert contacts on both engines: CRUD with scope, enabled channels of a
 * unit chain, shifts by time window, contacts joined with roles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/platform/errors.js';
import { KyselyChannelRepository } from '../../src/storage/channels/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, makeUser, openTestDatabase, START, type TestDatabase } from './fixtures.js';

describe.each(databaseTargets)('channel repository on $name', (target) => {
  let test: TestDatabase;
  let channels: KyselyChannelRepository;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    channels = new KyselyChannelRepository(test.handle.db, test.clock);
  });
  afterAll(async () => {
    await test.close();
  });

  it('creates, reads, lists in scope, changes and deletes channels', async () => {
    const city = await makeUnit(test, '市委网信办');
    const district = await makeUnit(test, '姑苏区', city.id);
    const hook = await channels.create({
      unitId: city.id,
      kind: 'webhook',
      name: '值班平台',
      minLevel: 'orange',
      coverSubunits: true,
      config: { url: 'http://127.0.0.1:9/hook', secret: 's3cret' },
    });
    expect(hook).toMatchObject({ enabled: true, minLevel: 'orange', coverSubunits: true, createdAt: START });
    expect(hook.config).toEqual({ url: 'http://127.0.0.1:9/hook', secret: 's3cret' });
    const mail = await channels.create({ unitId: district.id, kind: 'email', name: '邮件' });
    expect(mail).toMatchObject({ minLevel: 'blue', coverSubunits: false, config: {} });
    expect(await channels.get(hook.id)).toEqual(hook);
    expect(await channels.get(hook.id, { unitIds: [district.id] })).toBeNull();
    expect((await channels.list({ unitIds: [district.id] })).map((c) => c.id)).toEqual([mail.id]);

    test.clock.advance(1000);
    const changed = await channels.update(hook.id, { enabled: false, name: '新平台', minLevel: 'red' });
    expect(changed).toMatchObject({
      enabled: false,
      name: '新平台',
      minLevel: 'red',
      updatedAt: START + 1000,
    });
    expect((await channels.listEnabledOf([city.id, district.id])).map((c) => c.id)).toEqual([mail.id]);
    await channels.delete(hook.id);
    expect(await channels.get(hook.id)).toBeNull();
    await expect(channels.delete(hook.id)).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
    await expect(channels.update('missing', { name: 'x' })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
    await expect(channels.create({ unitId: 'missing', kind: 'inapp', name: 'x' })).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });

  it('keeps duty shifts and finds those overlapping a window', async () => {
    const unit = await makeUnit(test, '值班单位');
    const user = await makeUser(test, unit.id, 'duty-a');
    const hour = 3_600_000;
    const early = await channels.addShift({
      unitId: unit.id,
      userId: user.id,
      startsAt: START,
      endsAt: START + 8 * hour,
    });
    const late = await channels.addShift({
      unitId: unit.id,
      userId: user.id,
      startsAt: START + 8 * hour,
      endsAt: START + 16 * hour,
      levels: ['red', 'orange'],
      note: '夜班',
    });
    expect(late.levels).toEqual(['red', 'orange']);
    expect(early.levels).toBeNull();
    const at = await channels.listShifts({ unitIds: [unit.id] }, START + 9 * hour, START + 9 * hour + 1);
    expect(at.map((s) => s.id)).toEqual([late.id]);
    expect(await channels.listShifts({ unitIds: [] }, START, START + 24 * hour)).toEqual([]);
    expect(await channels.getShift(late.id)).toEqual(late);
    await channels.deleteShift(late.id);
    expect(await channels.getShift(late.id)).toBeNull();
    await expect(
      channels.addShift({ unitId: unit.id, userId: user.id, startsAt: START + 1, endsAt: START }),
    ).rejects.toSatisfy((e) => isAppError(e, 'BAD_REQUEST'));
    await expect(
      channels.addShift({ unitId: unit.id, userId: 'missing', startsAt: START, endsAt: START + 1 }),
    ).rejects.toSatisfy((e) => isAppError(e, 'NOT_FOUND'));
  });

  it('sets contacts and lists enabled users of units with their roles and address', async () => {
    const unit = await makeUnit(test, '联系人单位');
    const a = await makeUser(test, unit.id, 'contact-a');
    const b = await makeUser(test, unit.id, 'contact-b');
    await channels.setContact(a.id, 'a@example.cn');
    await channels.setContact(a.id, 'a2@example.cn');
    const contacts = await channels.contactsOf([unit.id]);
    expect(contacts).toEqual(
      expect.arrayContaining([
        {
          userId: a.id,
          unitId: unit.id,
          displayName: 'contact-a',
          roles: ['monitor'],
          email: 'a2@example.cn',
        },
        { userId: b.id, unitId: unit.id, displayName: 'contact-b', roles: ['monitor'], email: null },
      ]),
    );
    expect(contacts).toHaveLength(2);
    await expect(channels.setContact('missing', 'x@example.cn')).rejects.toSatisfy((e) =>
      isAppError(e, 'NOT_FOUND'),
    );
  });
});
