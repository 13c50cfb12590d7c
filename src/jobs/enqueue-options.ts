/**
 * Checking enqueue options and filling in catalogue defaults, shared by both queue implementations so that
 * they accept and refuse exactly the same input.
 */
import { AppError } from '../platform/errors.js';
import { QUEUE_NAMES, isQueueName, type QueueCatalogue, type QueueSpec } from './catalogue.js';
import type { EnqueueOptions } from './queue.js';

/** The highest priority number (BullMQ's limit, kept for both implementations). */
export const MAX_PRIORITY = 2_097_151;

/** Enqueue options with every default filled in. */
export interface ResolvedEnqueueOptions {
  idempotencyKey: string | null;
  delayMs: number;
  maxAttempts: number;
  /** 0 = unprioritised. */
  priority: number;
}

/** The spec of `queue`; throws VALIDATION_FAILED for a name outside the catalogue (e.g. from untyped input). */
export function specOf(catalogue: QueueCatalogue, queue: string): QueueSpec {
  if (!isQueueName(queue)) {
    throw new AppError('VALIDATION_FAILED', `unknown queue "${queue}"; queues: ${QUEUE_NAMES.join(', ')}`, {
      queue,
    });
  }
  return catalogue[queue];
}

/** Validates `options` and applies the queue's defaults. */
export function resolveEnqueueOptions(spec: QueueSpec, options: EnqueueOptions): ResolvedEnqueueOptions {
  const resolved = {
    idempotencyKey: options.idempotencyKey ?? null,
    delayMs: options.delayMs ?? 0,
    maxAttempts: options.maxAttempts ?? spec.maxAttempts,
    priority: options.priority ?? 0,
  };
  if (resolved.idempotencyKey !== null && resolved.idempotencyKey.length === 0) {
    invalid('idempotencyKey must not be empty');
  }
  if (!Number.isFinite(resolved.delayMs) || resolved.delayMs < 0) invalid('delayMs must be a number ≥ 0');
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1) {
    invalid('maxAttempts must be an integer ≥ 1');
  }
  if (!Number.isInteger(resolved.priority) || resolved.priority < 0 || resolved.priority > MAX_PRIORITY) {
    invalid(`priority must be an integer from 0 to ${MAX_PRIORITY}`);
  }
  return resolved;
}

function invalid(message: string): never {
  throw new AppError('VALIDATION_FAILED', `enqueue: ${message}`);
}
