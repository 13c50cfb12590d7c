/**
 * 钉钉 robot signing ("加签"): HMAC-SHA256 keyed with the secret over `<timestamp ms>\n<secret>`, base64,
 * added to the webhook URL as `timestamp` and `sign` query parameters.
 */
import { createHmac } from 'node:crypto';

/** The base64 signature of `timestampMs`. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** The webhook URL with `timestamp` and `sign` set (URL-encoded). */
export function signedDingtalkUrl(url: string, secret: string, timestampMs: number): string {
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestampMs));
  signed.searchParams.set('sign', dingtalkSign(secret, timestampMs));
  return signed.toString();
}
