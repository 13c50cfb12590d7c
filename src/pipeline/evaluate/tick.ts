/**
 * The alert tick: what must be judged on a clock rather than on arrival. Straight line: queue items that
 * were stored but never evaluated (a crash between storing and queueing), gather the time-driven signals
 * (spikes of the bucket that just closed, coordinated bursts, source health changes), run them through the
 * rules, release alerts held for quiet hours, escalate unacknowledged ones. One failing unit or signal is
 * logged and the rest go on.
 */
import type { AlertSignal } from '../../alerts/rules/signals.js';
import type { SpikeSettings } from '../../analysis/spike/index.js';
import type { AlertServiceDeps } from '../../alerts/service/deps.js';
import { escalateDue, processSignal, releaseHeld } from '../../alerts/service/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import type { Storage } from '../../storage/repositories.js';
import { coordinatedSignals, healthSignals, spikeSignals } from './periodic-signals.js';

/** How far back the sweep looks for unevaluated items. */
export const SWEEP_LOOKBACK_MS = 24 * 3600_000;
/** Items younger than this are left to the job queued when they were stored. */
export const SWEEP_GRACE_MS = 2 * 60_000;
/** Items queued per sweep. */
const SWEEP_BATCH = 500;

/** What the tick needs. */
export interface AlertTickDeps {
  storage: Storage;
  clock: Clock;
  logger: Logger;
  alerts: AlertServiceDeps;
  /** Queues evaluation of stored items (the same path new items take). */
  queueEvaluation(itemIds: readonly string[]): Promise<void>;
  /** Told when alerts went out (wakes the dispatcher). */
  onNotified?: () => void;
  /** Overrides of the spike detector's settings (bucket size, history days, thresholds). */
  spikeSettings?: Partial<SpikeSettings>;
}

/** What one tick did. */
export interface AlertTickReport {
  swept: number;
  signals: number;
  notified: number;
  released: number;
  escalated: number;
}

/** Runs one tick at the clock's now; `healthSince` is where the previous tick's health scan ended. */
export async function runAlertTick(deps: AlertTickDeps, healthSince: number): Promise<AlertTickReport> {
  const now = deps.clock.now();
  // sweep
  const orphans = await deps.storage.items.listUnevaluated(
    now - SWEEP_LOOKBACK_MS,
    now - SWEEP_GRACE_MS,
    SWEEP_BATCH,
  );
  if (orphans.length > 0) await deps.queueEvaluation(orphans);
  // gather
  const signals: AlertSignal[] = await healthSignals(deps.storage, healthSince);
  for (const unit of await deps.storage.units.list({ unitIds: null })) {
    signals.push(
      ...(await guarded(deps, unit.id, 'spikes', () =>
        spikeSignals(deps.storage, unit.id, now, deps.spikeSettings),
      )),
    );
    signals.push(
      ...(await guarded(deps, unit.id, 'coordinated', () => coordinatedSignals(deps.storage, unit.id, now))),
    );
  }
  // evaluate
  let notified = 0;
  for (const signal of signals) {
    const outcomes = await guarded(deps, signal.unitId, signal.kind, () =>
      processSignal(deps.alerts, signal),
    );
    notified += outcomes.filter((outcome) => outcome.notified).length;
  }
  const released = await releaseHeld(deps.alerts, now);
  const escalated = await escalateDue(deps.alerts, now);
  if (notified + released.length + escalated.length > 0) deps.onNotified?.();
  return {
    swept: orphans.length,
    signals: signals.length,
    notified,
    released: released.length,
    escalated: escalated.length,
  };
}

async function guarded<T>(
  deps: AlertTickDeps,
  unitId: string,
  step: string,
  work: () => Promise<T[]>,
): Promise<T[]> {
  try {
    return await work();
  } catch (error) {
    deps.logger.error({ err: error, unitId, step }, 'alert tick step failed');
    return [];
  }
}
