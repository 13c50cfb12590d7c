/**
 * The leadership runner: every process contends for the leader lock; the one that holds it runs the leader
 * duties (schedulers and tickers) and the others wait their turn. A leader that cannot renew — the store
 * refuses, errs or does not answer in time — stops its duties at once, and a watchdog stops them when the
 * lease it last renewed runs out, so two processes never lead at the same time: a lease is only counted from
 * the moment before the call that took or renewed it, which is no later than the store's own start.
 */
import { performance } from 'node:perf_hooks';
import { AppError } from '../../platform/errors.js';
import type { Logger } from '../../platform/logger.js';
import type { LeaderLock } from './lock.js';

/** Something a leader runs: started when elected, stopped when demoted or shut down. */
export interface Duty {
  name: string;
  start(): DutyHandle;
}

/** A started duty. */
export interface DutyHandle {
  stop(): void | Promise<void>;
}

/** What {@link startLeadership} needs. */
export interface LeadershipOptions {
  lock: LeaderLock;
  duties: readonly Duty[];
  logger: Logger;
  /** How often a leader renews and a follower contends (default a third of the lock's TTL). */
  intervalMs?: number;
  /** Bound on one lock call (default a quarter of the lock's TTL). */
  callTimeoutMs?: number;
}

/** A contending process. */
export interface Leadership {
  /** True while this process runs the leader duties. */
  isLeader(): boolean;
  /** Stops the duties (when leading), releases the lock so another process takes over at once, stops contending. */
  stop(): Promise<void>;
}

interface RunningDuties {
  stop(): Promise<void>;
}

/** Starts contending now; see the module comment. */
export function startLeadership(options: LeadershipOptions): Leadership {
  const { lock, logger } = options;
  const intervalMs = options.intervalMs ?? Math.max(50, Math.floor(lock.ttlMs / 3));
  const callTimeoutMs = options.callTimeoutMs ?? Math.max(50, Math.floor(lock.ttlMs / 4));
  const who = { leader: lock.identity };
  let running: RunningDuties | null = null;
  let stopped = false;
  let failing = false;
  let timer: NodeJS.Timeout | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  async function demote(reason: string): Promise<void> {
    clearTimeout(watchdog);
    const duties = running;
    running = null;
    if (!duties) return;
    logger.warn({ ...who, reason }, 'leader lost');
    await duties.stop();
  }

  function holdUntil(deadline: number): void {
    clearTimeout(watchdog);
    watchdog = setTimeout(
      () => void demote('lease ran out before it was renewed'),
      deadline - performance.now(),
    );
    watchdog.unref();
  }

  async function contend(): Promise<void> {
    const startedAt = performance.now();
    const leading = running !== null;
    let held: boolean;
    try {
      held = await withDeadline(leading ? lock.renew() : lock.acquire(), callTimeoutMs);
      failing = false;
    } catch (error) {
      if (!failing || leading) logger.warn({ ...who, err: error }, 'leader lock call failed');
      failing = true;
      held = false;
    }
    if (stopped) return;
    if (!held) {
      if (leading) await demote('the lease could not be renewed');
      return;
    }
    holdUntil(startedAt + lock.ttlMs);
    if (running) return;
    running = startDuties(options.duties, logger);
    logger.info({ ...who, duties: options.duties.map((duty) => duty.name) }, 'leader elected');
  }

  function loop(): void {
    round = contend()
      .catch((error: unknown) => logger.error({ ...who, err: error }, 'leadership round failed'))
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(loop, intervalMs);
        timer.unref();
      });
  }
  loop();

  return {
    isLeader: () => running !== null,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
      clearTimeout(watchdog);
      const duties = running;
      running = null;
      if (duties) {
        await duties.stop();
        logger.info(who, 'leader stepped down');
      }
      await withDeadline(lock.release(), callTimeoutMs).catch((error: unknown) =>
        logger.warn({ ...who, err: error }, 'could not release the leader lock; it expires by itself'),
      );
    },
  };
}

/** Starts each duty; one that fails to start is logged and the others still run. */
function startDuties(duties: readonly Duty[], logger: Logger): RunningDuties {
  const started: { name: string; handle: DutyHandle }[] = [];
  for (const duty of duties) {
    try {
      started.push({ name: duty.name, handle: duty.start() });
    } catch (error) {
      logger.error({ duty: duty.name, err: error }, 'leader duty failed to start');
    }
  }
  return {
    async stop() {
      for (const { name, handle } of started.reverse()) {
        try {
          await handle.stop();
        } catch (error) {
          logger.error({ duty: name, err: error }, 'leader duty failed to stop');
        }
      }
    },
  };
}

/** `promise`, or a COORDINATION_UNAVAILABLE rejection after `ms`. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new AppError('COORDINATION_UNAVAILABLE', `leader lock did not answer within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
