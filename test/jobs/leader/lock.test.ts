/**
 * The leader lock on each store: one holder at a time, renewal and release only by the holder, and a lease
 * that expires by itself when its holder stops renewing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { LeaderLock } from '../../../src/jobs/leader/index.js';
import { sleep } from '../wait.js';
import { storeKinds, type LockStore } from './stores.js';

describe.each(storeKinds)('leader lock on $name', ({ create }) => {
  const opened: LeaderLock[] = [];
  const stores: LockStore[] = [];
  async function contenders(ttlMs: number): Promise<[LeaderLock, LeaderLock]> {
    const store = await (create as () => Promise<LockStore>)();
    stores.push(store);
    const pair: [LeaderLock, LeaderLock] = [store.open(ttlMs), store.open(ttlMs)];
    opened.push(...pair);
    return pair;
  }
  afterEach(async () => {
    for (const lock of opened.splice(0)) await lock.close();
    for (const store of stores.splice(0)) await store.drop();
  });

  it.skipIf(create === null)(`one holder at a time; only the holder renews and releases`, async () => {
    const [a, b] = await contenders(10_000);
    expect(await a.acquire()).toBe(true);
    expect(await b.acquire()).toBe(false);
    expect(await a.acquire()).toBe(true);
    expect(await a.renew()).toBe(true);
    expect(await b.renew()).toBe(false);
    await b.release();
    expect(await b.acquire()).toBe(false);
    await a.release();
    expect(await a.renew()).toBe(false);
    expect(await b.acquire()).toBe(true);
    expect(await a.acquire()).toBe(false);
  });

  it.skipIf(create === null)(`a lease nobody renews expires and can be taken`, async () => {
    const [a, b] = await contenders(1500);
    expect(await a.acquire()).toBe(true);
    expect(await b.acquire()).toBe(false);
    await sleep(2000);
    expect(await b.acquire()).toBe(true);
    expect(await a.renew()).toBe(false);
    expect(await a.acquire()).toBe(false);
  });

  it.skipIf(create === null)(`renewal keeps the lease beyond its first TTL`, async () => {
    const [a, b] = await contenders(2000);
    expect(await a.acquire()).toBe(true);
    for (let i = 0; i < 4; i += 1) {
      await sleep(700);
      expect(await a.renew()).toBe(true);
      expect(await b.acquire()).toBe(false);
    }
  });
});
