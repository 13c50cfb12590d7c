/**
 * The scheduler: turns clock time into jobs. Each schedule enqueues with an idempotency key naming its time
 * slot, so two schedulers (or a restart inside the slot) never create the same job twice.
 */
import { Cron } from 'croner';
import type { QueueName } from '../jobs/catalogue.js';
import type { JobQueue, JsonValue } from '../jobs/queue.js';
import type { Logger } from '../platform/logger.js';

/** One recurring job. */
export interface Schedule {
  name: string;
  /** Cron pattern (croner syntax, seconds optional). */
  cron: string;
  queue: QueueName;
  payload: JsonValue;
}

/** The built-in schedules. */
export const BUILT_IN_SCHEDULES: readonly Schedule[] = [
  { name: 'purge-sessions', cron: '17 * * * *', queue: 'maintenance', payload: { task: 'purge-sessions' } },
  { name: 'item-partitions', cron: '41 3 * * *', queue: 'maintenance', payload: { task: 'item-partitions' } },
  { name: 'retention', cron: '23 2 * * *', queue: 'maintenance', payload: { task: 'retention' } },
];

/** The idempotency key of a schedule's run at `slot` (the second it fired). */
export function slotKey(schedule: Schedule, slot: Date): string {
  return `${schedule.name}@${slot.toISOString().slice(0, 19)}`;
}

/** Running schedules; `stop` cancels them. */
export interface RunningScheduler {
  stop(): void;
}

/** Starts `schedules` in `timeZone`, enqueueing into `queue`. Failures are logged and retried next slot. */
export function startScheduler(options: {
  queue: JobQueue;
  schedules: readonly Schedule[];
  timeZone: string;
  logger: Logger;
}): RunningScheduler {
  const jobs = options.schedules.map(
    (schedule) =>
      new Cron(schedule.cron, { timezone: options.timeZone, protect: true }, async (self: Cron) => {
        const slot = self.currentRun() ?? new Date();
        try {
          const result = await options.queue.enqueue(schedule.queue, schedule.payload, {
            idempotencyKey: slotKey(schedule, slot),
          });
          options.logger.info(
            { schedule: schedule.name, jobId: result.id, duplicate: result.duplicate },
            'scheduled',
          );
        } catch (error) {
          options.logger.error({ schedule: schedule.name, err: error }, 'scheduling failed');
        }
      }),
  );
  return { stop: () => jobs.forEach((job) => job.stop()) };
}
