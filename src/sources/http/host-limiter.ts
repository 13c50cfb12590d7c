/**
 * Per-host politeness inside one process: at most `concurrency` requests in flight to a host, and request
 * starts spaced by the host's minimum interval (the default, raised by a robots.txt Crawl-delay). Start times
 * are reserved when a slot is taken, so waiting requests leave one after another, never in a burst.
 */
import type { Clock } from '../../platform/clock.js';
import type { Sleep } from './options.js';

/** Hands out request slots per host. */
export interface HostLimiter {
  /** Waits for a slot and the host's spacing; returns the release function (call it once, when done). */
  acquire(host: string, signal?: AbortSignal): Promise<() => void>;
  /** Sets the minimum interval between request starts to `host` (never below the default). */
  setMinInterval(host: string, ms: number): void;
}

/** Settings of the limiter. */
export interface HostLimiterSettings {
  concurrency: number;
  minIntervalMs: number;
  clock: Clock;
  sleep: Sleep;
}

interface HostState {
  active: number;
  waiters: (() => void)[];
  nextStartAt: number;
  minIntervalMs: number;
}

/** Idle host states beyond this many are forgotten. */
const PRUNE_ABOVE = 512;

/** Creates an in-process limiter keyed by host (`name:port`). */
export function createHostLimiter(settings: HostLimiterSettings): HostLimiter {
  const hosts = new Map<string, HostState>();

  function stateOf(host: string): HostState {
    let state = hosts.get(host);
    if (!state) {
      if (hosts.size >= PRUNE_ABOVE) pruneIdle(hosts, settings.clock.now());
      state = { active: 0, waiters: [], nextStartAt: 0, minIntervalMs: settings.minIntervalMs };
      hosts.set(host, state);
    }
    return state;
  }

  return {
    async acquire(host, signal) {
      const state = stateOf(host);
      await takeSlot(state, settings.concurrency, signal);
      const release = releaser(state);
      try {
        const now = settings.clock.now();
        const startAt = Math.max(now, state.nextStartAt);
        state.nextStartAt = startAt + state.minIntervalMs;
        if (startAt > now) await settings.sleep(startAt - now, signal);
      } catch (error) {
        release();
        throw error;
      }
      return release;
    },
    setMinInterval(host, ms) {
      stateOf(host).minIntervalMs = Math.max(settings.minIntervalMs, ms);
    },
  };
}

function takeSlot(state: HostState, concurrency: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  if (state.active < concurrency) {
    state.active += 1;
    return Promise.resolve();
  }
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      state.waiters = state.waiters.filter((waiter) => waiter !== wake);
      reject(signal?.reason);
    };
    const wake = (): void => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    state.waiters.push(wake);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function releaser(state: HostState): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = state.waiters.shift();
    if (next) next();
    else state.active -= 1;
  };
}

function pruneIdle(hosts: Map<string, HostState>, now: number): void {
  for (const [host, state] of hosts) {
    if (state.active === 0 && state.waiters.length === 0 && state.nextStartAt <= now) hosts.delete(host);
  }
}
