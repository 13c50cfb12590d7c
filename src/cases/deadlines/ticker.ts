/**
 * The in-process deadline ticker the composition root starts in `serve` (one process per installation,
 * the one that runs the scheduler): it sweeps case deadlines every `tickMs`, never two sweeps at once.
 */
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import { sweepCaseDeadlines, type DeadlineSweepDeps, type DeadlineSweepReport } from './sweep.js';

/** A running deadline ticker. */
export interface CaseDeadlineTicker {
  /** One sweep now (waits for a running one instead of overlapping it); null when it failed. */
  tick(): Promise<DeadlineSweepReport | null>;
  stop(): Promise<void>;
}

/** What the ticker needs: the sweep's dependencies, the clock, a logger and the interval. */
export type CaseDeadlineTickerDeps = DeadlineSweepDeps & { clock: Clock; logger: Logger; tickMs: number };

/** Sweeps every `tickMs`; a failed sweep is logged and the next one tries again. */
export function startCaseDeadlineTicker(deps: CaseDeadlineTickerDeps): CaseDeadlineTicker {
  let running: Promise<DeadlineSweepReport | null> | null = null;
  const tick = (): Promise<DeadlineSweepReport | null> => {
    running ??= (async () => {
      try {
        const report = await sweepCaseDeadlines(deps, deps.clock.now());
        if (report.alertIds.length > 0 || report.failed > 0) deps.logger.info(report, 'case deadlines swept');
        return report;
      } catch (error) {
        deps.logger.error({ err: error }, 'case deadline sweep failed');
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void tick(), deps.tickMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
