/**
 * Job payload checks shared by both queue implementations: payloads are small JSON (ids, not documents), so
 * an oversized one is a programming error that should fail at enqueue time, not clog the queue.
 */
import { AppError } from '../platform/errors.js';
import type { JsonValue } from './queue.js';

/** Largest accepted payload, in bytes of its JSON text. Ids and a few options fit many times over. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;

/** The payload as JSON text; throws PAYLOAD_TOO_LARGE or VALIDATION_FAILED (not JSON-safe). */
export function encodePayload(payload: JsonValue): string {
  const text = JSON.stringify(payload);
  if (text === undefined) {
    throw new AppError('VALIDATION_FAILED', 'job payload is not a JSON value');
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `job payload is ${bytes} bytes; the limit is ${MAX_PAYLOAD_BYTES} (pass ids, not documents)`,
      { bytes, limit: MAX_PAYLOAD_BYTES },
    );
  }
  return text;
}

/** Parses payload text written by {@link encodePayload}. */
export function decodePayload(text: string): JsonValue {
  return JSON.parse(text) as JsonValue;
}
