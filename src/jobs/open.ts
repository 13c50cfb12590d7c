/**
 * Choosing the queue implementation from the configuration (DESIGN.md §4): BullMQ when a Redis URL is set
 * (scale-out), otherwise the embedded SQLite file.
 */
import type { Logger } from '../platform/logger.js';
import { openBullmqJobQueue } from './bullmq/bullmq-queue.js';
import type { QueueCatalogue } from './catalogue.js';
import type { JobQueue } from './queue.js';
import { openSqliteJobQueue } from './sqlite/sqlite-queue.js';

/** The settings that pick and locate the queue (config keys redisUrl, queuePrefix, jobsSqlitePath). */
export interface JobQueueSettings {
  /** Empty or absent: use the SQLite file. */
  redisUrl?: string;
  queuePrefix: string;
  jobsSqlitePath: string;
  catalogue?: QueueCatalogue;
  logger?: Logger;
}

/** Opens the configured job queue. */
export function openJobQueue(settings: JobQueueSettings): JobQueue {
  const shared = {
    ...(settings.catalogue ? { catalogue: settings.catalogue } : {}),
    ...(settings.logger ? { logger: settings.logger } : {}),
  };
  if (settings.redisUrl) {
    return openBullmqJobQueue({ url: settings.redisUrl, prefix: settings.queuePrefix, ...shared });
  }
  return openSqliteJobQueue({ file: settings.jobsSqlitePath, ...shared });
}
