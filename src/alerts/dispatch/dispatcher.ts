/**
 * The outbox dispatcher: every short interval (or at once when woken after an alert is written) it
 * claims due deliveries under a lease, sends them concurrently and records each outcome. A process that
 * dies mid-send leaves its rows leased; when the lease runs out any dispatcher claims them again, and the
 * receiver deduplicates by delivery id, so each channel gets the alert exactly once.
 */
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff.js';
import { deliverClaim, type DeliverDeps, type DeliveryOutcome } from './deliver.js';

/** Tunables of the dispatcher. */
export interface DispatcherSettings {
  /** Time between polls in ms (real time). */
  pollMs: number;
  /** How long a claim holds a row; longer than the slowest send (transport timeouts included). */
  leaseMs: number;
  /** Rows claimed per round. */
  batchSize: number;
  retry: RetryPolicy;
  /** Local times in messages are shown in this zone. */
  timeZone: string;
}

/** Defaults: poll every second, 2-minute leases, 20 rows a round. */
export const DEFAULT_DISPATCHER_SETTINGS: DispatcherSettings = {
  pollMs: 1000,
  leaseMs: 120_000,
  batchSize: 20,
  retry: DEFAULT_RETRY_POLICY,
  timeZone: 'Asia/Shanghai',
};

/** What the dispatcher needs: the delivery dependencies without the settings it fills itself. */
export type DispatcherDeps = Omit<DeliverDeps, 'random' | 'retry' | 'timeZone'> & {
  random?: () => number;
  settings?: Partial<DispatcherSettings>;
};

/** A running dispatcher. */
export interface Dispatcher {
  /** Runs a round now (after an alert was committed) instead of waiting for the next poll. */
  wake(): void;
  /** Stops polling and waits for the round in flight (its sends) to finish. */
  stop(): Promise<void>;
}

function deliverDeps(deps: DispatcherDeps): { deliver: DeliverDeps; settings: DispatcherSettings } {
  const settings = { ...DEFAULT_DISPATCHER_SETTINGS, ...deps.settings };
  return {
    settings,
    deliver: {
      ...deps,
      random: deps.random ?? Math.random,
      retry: settings.retry,
      timeZone: settings.timeZone,
    },
  };
}

/**
 * Claims and sends every delivery due now, round after round while full rounds come back; returns the
 * outcomes. Usable on its own (tests, a one-shot command) and as the body of each poll.
 */
export async function dispatchDue(deps: DispatcherDeps): Promise<DeliveryOutcome[]> {
  const { deliver, settings } = deliverDeps(deps);
  const outcomes: DeliveryOutcome[] = [];
  for (;;) {
    const claims = await deliver.deliveries.claimDue(
      deliver.clock.now(),
      settings.leaseMs,
      settings.batchSize,
    );
    outcomes.push(...(await Promise.all(claims.map((claim) => deliverClaim(deliver, claim)))));
    if (claims.length < settings.batchSize) return outcomes;
  }
}

/** Starts polling; the first round runs at once. */
export function startDispatcher(deps: DispatcherDeps): Dispatcher {
  const { settings } = deliverDeps(deps);
  let stopped = false;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> | null = null;

  const schedule = (): void => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, again ? 0 : settings.pollMs);
    again = false;
  };
  function run(): void {
    if (round) {
      again = true;
      return;
    }
    round = dispatchDue(deps)
      .then(() => undefined)
      .catch((error: unknown) => deps.logger.error({ err: error }, 'alert dispatch round failed'))
      .finally(() => {
        round = null;
        schedule();
      });
  }
  run();
  return {
    wake() {
      if (stopped) return;
      if (timer) clearTimeout(timer);
      run();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
    },
  };
}
