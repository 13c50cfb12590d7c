/**
 * 飞书 robot signing ("签名校验"): HMAC-SHA256 keyed with `<timestamp s>\n<secret>` over an empty message,
 * base64, sent in the JSON body as `timestamp` and `sign`.
 */
import { createHmac } from 'node:crypto';

/** The base64 signature of `timestampSeconds`. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}
