/**
 * Job ids of the BullMQ queue. BullMQ ids are unique per queue only, so the ids handed out carry the queue:
 * `<queue>/<bullmq id>`. A job with an idempotency key gets a BullMQ id derived from the key, which is how
 * BullMQ refuses a second job with the same key.
 */
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { sha256Hex } from '../../platform/sha256.js';
import { isQueueName, type QueueName } from '../catalogue.js';

/** Longest key kept readable in the id; longer keys are hashed. */
const MAX_READABLE_KEY = 200;

/**
 * The BullMQ id of a new job: from its idempotency key (BullMQ forbids ':' and all-digit ids, hence the
 * prefix and URI encoding), or a fresh time-ordered id.
 */
export function bullJobId(idempotencyKey: string | null): string {
  if (idempotencyKey === null) return newId();
  const encoded = encodeURIComponent(idempotencyKey);
  return encoded.length <= MAX_READABLE_KEY ? `key-${encoded}` : `keyhash-${sha256Hex(idempotencyKey)}`;
}

/** The id handed to callers for a BullMQ job. */
export function externalJobId(queue: QueueName, bullId: string): string {
  return `${queue}/${bullId}`;
}

/** Splits an id from {@link externalJobId}; throws JOB_NOT_FOUND for anything else. */
export function parseExternalJobId(id: string): { queue: QueueName; bullId: string } {
  const slash = id.indexOf('/');
  const queue = id.slice(0, slash);
  const bullId = id.slice(slash + 1);
  if (slash < 0 || !isQueueName(queue) || bullId === '') {
    throw new AppError('JOB_NOT_FOUND', `"${id}" is not a job id of this queue`, { id });
  }
  return { queue, bullId };
}
