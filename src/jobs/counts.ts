import { QUEUE_NAMES, type QueueName } from './catalogue.js';
import type { QueueCounts } from './queue.js';

/** Counts of every catalogue queue at zero, so that `counts()` lists idle queues too. */
export function zeroCounts(): Record<QueueName, QueueCounts> {
  const zero = (): QueueCounts => ({ waiting: 0, active: 0, delayed: 0, completed: 0, dead: 0 });
  return Object.fromEntries(QUEUE_NAMES.map((queue) => [queue, zero()])) as Record<QueueName, QueueCounts>;
}

/** No waiting job in any catalogue queue: the start of `oldestWaiting()`. */
export function noneWaiting(): Record<QueueName, number | null> {
  return Object.fromEntries(QUEUE_NAMES.map((queue) => [queue, null])) as Record<QueueName, number | null>;
}
