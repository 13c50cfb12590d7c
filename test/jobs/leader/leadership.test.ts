/**
 * The leadership runner on each store: of two contenders exactly one runs the duties; stopping the leader
 * hands over at once (well before its lease would expire); a leader that loses its store stops its duties
 * and says so; and a leader killed with SIGKILL is replaced within the lease TTL plus one renew interval.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startLeadership,
  type Duty,
  type LeaderLock,
  type Leadership,
} from '../../../src/jobs/leader/index.js';
import { createLogger } from '../../../src/platform/logger.js';
import { sleep, waitFor } from '../wait.js';
import { storeKinds, type LockStore } from './stores.js';

const REPO = resolve(import.meta.dirname, '../../..');
const FIXTURE = join(REPO, 'test/jobs/fixtures/leader-process.ts');

/** A duty that counts how often it runs and is stopped. */
function countingDuty(): Duty & { started: number; stopped: number } {
  const duty = {
    name: 'count',
    started: 0,
    stopped: 0,
    start: () => {
      duty.started += 1;
      return {
        stop: () => {
          duty.stopped += 1;
        },
      };
    },
  };
  return duty;
}

/** A logger whose messages the test can read. */
function recordingLogger(): { logger: ReturnType<typeof createLogger>; messages: string[] } {
  const messages: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        messages.push((JSON.parse(line) as { msg: string }).msg);
      }
      done();
    },
  });
  return { logger: createLogger('info', sink), messages };
}

describe.each(storeKinds)('leadership on $name', ({ create }) => {
  const stores: LockStore[] = [];
  const locks: LeaderLock[] = [];
  const runners: Leadership[] = [];
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  async function newStore(): Promise<LockStore> {
    const store = await (create as () => Promise<LockStore>)();
    stores.push(store);
    return store;
  }
  function contend(store: LockStore, ttlMs: number, duty: Duty, intervalMs?: number) {
    const lock = store.open(ttlMs);
    locks.push(lock);
    const { logger, messages } = recordingLogger();
    const runner = startLeadership({
      lock,
      duties: [duty],
      logger,
      ...(intervalMs === undefined ? {} : { intervalMs }),
    });
    runners.push(runner);
    return { lock, runner, messages };
  }
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const runner of runners.splice(0)) await runner.stop();
    for (const lock of locks.splice(0)) await lock.close().catch(() => undefined);
    for (const store of stores.splice(0)) await store.drop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(create === null)(
    'exactly one of two contenders leads; stopping it hands over at once',
    async () => {
      const store = await newStore();
      const ttlMs = 4000;
      const duties = [countingDuty(), countingDuty()];
      const [first, second] = duties.map((duty) => contend(store, ttlMs, duty, 200));
      if (!first || !second) throw new Error('two contenders expected');
      await waitFor(() => first.runner.isLeader() || second.runner.isLeader(), 'a leader');
      for (let i = 0; i < 6; i += 1) {
        expect([first, second].filter((c) => c.runner.isLeader())).toHaveLength(1);
        await sleep(150);
      }
      expect(duties.map((duty) => duty.started).sort()).toEqual([0, 1]);

      const [leader, follower] = first.runner.isLeader() ? [first, second] : [second, first];
      await leader.runner.stop();
      expect(leader.messages).toContain('leader elected');
      expect(leader.messages).toContain('leader stepped down');
      // Well inside the lease the leader held: only its release can have let the follower in.
      await waitFor(
        () => follower.runner.isLeader(),
        'the follower to take over after the release',
        ttlMs / 2,
      );
      expect(follower.messages).toContain('leader elected');
      expect(duties.map((duty) => [duty.started, duty.stopped]).sort()).toEqual([
        [1, 0],
        [1, 1],
      ]);
    },
  );

  it.skipIf(create === null)(
    'a leader that loses its store stops its duties, and another takes over',
    async () => {
      const store = await newStore();
      const duties = [countingDuty(), countingDuty()];
      const contenders = duties.map((duty) => contend(store, 3000, duty));
      await waitFor(() => contenders.some((c) => c.runner.isLeader()), 'a leader');
      const leaderIndex = contenders.findIndex((c) => c.runner.isLeader());
      const leader = contenders[leaderIndex];
      const follower = contenders[1 - leaderIndex];
      if (!leader || !follower) throw new Error('a leader and a follower expected');
      await leader.lock.close();
      await waitFor(() => !leader.runner.isLeader(), 'the leader to notice it lost the lock', 3000);
      expect(leader.messages).toContain('leader lost');
      expect(duties[leaderIndex]).toMatchObject({ started: 1, stopped: 1 });
      await waitFor(
        () => follower.runner.isLeader(),
        'the follower to take over after the lease expired',
        8000,
      );
    },
  );

  it.skipIf(create === null)(
    'a leader killed with SIGKILL is replaced within TTL + renew interval',
    async () => {
      const store = await newStore();
      const ttlMs = 1500;
      const intervalMs = ttlMs / 3;
      const dir = mkdtempSync(join(tmpdir(), 'fx-leader-kill-'));
      dirs.push(dir);
      const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
        cwd: REPO,
        env: { ...process.env, ...store.childEnv, FX_TTL_MS: String(ttlMs), FX_MARKER_DIR: dir },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      children.push(child);
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      await waitFor(() => existsSync(join(dir, 'leading')), `the child to lead (stderr: ${stderr})`, 30_000);
      expect(readFileSync(join(dir, 'leading'), 'utf8').trim()).toBe(String(child.pid));

      const duty = countingDuty();
      const survivor = contend(store, ttlMs, duty);
      await sleep(3 * intervalMs);
      expect(survivor.runner.isLeader()).toBe(false);

      child.kill('SIGKILL');
      await once(child, 'exit');
      const killedAt = performance.now();
      await waitFor(() => survivor.runner.isLeader(), 'the survivor to take over', 10_000);
      // Lease left after the last renewal, plus the survivor's contention interval and one lock call (slow here).
      expect(performance.now() - killedAt).toBeLessThan(ttlMs + intervalMs + 1000);
      expect(duty.started).toBe(1);
    },
  );
});
