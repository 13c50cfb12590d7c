/**
 * The signature of the generic webhook: HMAC-SHA256 over `<timestamp>.<body>` with the channel secret,
 * sent as `X-Fengxiang-Signature: sha256=<hex>` beside `X-Fengxiang-Timestamp: <epoch seconds>`. Binding
 * the timestamp lets receivers refuse replays; the delivery id header lets them deduplicate.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>` for `body` sent at `timestamp` (epoch seconds as a string). */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** True when `signature` is the one {@link webhookSignature} gives (constant-time); for receivers and tests. */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string,
  body: string,
  signature: string,
): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
