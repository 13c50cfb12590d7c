/**
 * The outbox on both engines: enqueue skips repeated keys, claims are exclusive and leased, an expired
 * lease makes a row claimable again, outcomes need the lease, and the next due time is known.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyChannelRepository } from '../../src/storage/channels/repository.js';
import { KyselyDeliveryRepository } from '../../src/storage/deliveries/repository.js';
import { databaseTargets } from '../helpers/databases.js';
import { makeUnit, openTestDatabase, START, type TestDatabase } from './fixtures.js';

/** The value, failing the test when it is missing. */
function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

describe.each(databaseTargets)('delivery repository on $name', (target) => {
  let test: TestDatabase;
  let deliveries: KyselyDeliveryRepository;
  let channelId: string;
  let unitId: string;

  beforeAll(async () => {
    test = await openTestDatabase(target);
    deliveries = new KyselyDeliveryRepository(test.handle.db, test.clock);
    const unit = await makeUnit(test, '市委网信办');
    unitId = unit.id;
    const channels = new KyselyChannelRepository(test.handle.db, test.clock);
    channelId = (await channels.create({ unitId, kind: 'webhook', name: 'hook' })).id;
  });
  afterAll(async () => {
    await test.close();
  });

  it('writes each key once, with null and e-mail recipients and revisions', async () => {
    const rows = [
      { alertId: 'a1', unitId, channelId, recipient: null, revision: 1 },
      { alertId: 'a1', unitId, channelId, recipient: 'x@example.cn', revision: 1 },
    ];
    expect(await deliveries.enqueue(rows, START)).toHaveLength(2);
    expect(await deliveries.enqueue(rows, START)).toHaveLength(0);
    expect(await deliveries.lastRevision('a1')).toBe(1);
    expect(await deliveries.lastRevision('none')).toBe(0);
    await deliveries.enqueue([{ ...must(rows[0]), revision: 2 }], START);
    const listed = await deliveries.listByAlert('a1');
    expect(listed.map((d) => [d.revision, d.recipient, d.state])).toEqual([
      [1, null, 'pending'],
      [1, 'x@example.cn', 'pending'],
      [2, null, 'pending'],
    ]);
  });

  it('claims under a lease, never twice, and again after the lease expires', async () => {
    const [row] = await deliveries.enqueue(
      [{ alertId: 'a2', unitId, channelId, recipient: null, revision: 1 }],
      START + 10,
    );
    const now = START + 100;
    const first = await deliveries.claimDue(now, 1000, 100);
    const claimed = first.find((c) => c.delivery.id === must(row).id);
    expect(claimed?.delivery.attempts).toBe(1);
    expect(claimed?.delivery.leaseUntil).toBe(now + 1000);
    const [second, third] = await Promise.all([
      deliveries.claimDue(now + 1, 1000, 100),
      deliveries.claimDue(now + 1, 1000, 100),
    ]);
    expect([...must(second), ...must(third)]).toEqual([]);
    expect(await deliveries.nextDueAt()).toBe(now + 1000);

    const retaken = await deliveries.claimDue(now + 1000, 1000, 100);
    const again = retaken.find((c) => c.delivery.id === must(row).id);
    expect(again?.delivery.attempts).toBe(2);
    expect(await deliveries.markSent(must(claimed), now + 1001)).toBe(false);
    expect(await deliveries.markSent(must(again), now + 1001)).toBe(true);
    expect(await deliveries.get(must(row).id)).toMatchObject({
      state: 'sent',
      sentAt: now + 1001,
      leaseUntil: null,
    });
    for (const other of retaken.filter((c) => c.delivery.id !== must(row).id)) {
      await deliveries.markFailed(other, 'parked', null, now);
    }
  });

  it('parks failures until their retry time and ends dead ones', async () => {
    const [row] = await deliveries.enqueue(
      [{ alertId: 'a3', unitId, channelId, recipient: null, revision: 1 }],
      START + 5000,
    );
    const [claim] = await deliveries.claimDue(START + 5000, 1000, 10);
    expect(claim?.delivery.id).toBe(must(row).id);
    expect(await deliveries.markFailed(must(claim), 'HTTP 500', START + 9000, START + 5001)).toBe(true);
    expect(await deliveries.get(must(row).id)).toMatchObject({
      state: 'failed',
      lastError: 'HTTP 500',
      attempts: 1,
    });
    expect(await deliveries.nextDueAt()).toBe(START + 9000);
    expect(await deliveries.claimDue(START + 8999, 1000, 10)).toEqual([]);
    const [retry] = await deliveries.claimDue(START + 9000, 1000, 10);
    expect(retry?.delivery.attempts).toBe(2);
    await deliveries.markFailed(must(retry), 'HTTP 500', null, START + 9001);
    expect(await deliveries.get(must(row).id)).toMatchObject({ state: 'dead', attempts: 2 });
    expect(await deliveries.nextDueAt()).toBeNull();
  });
});
