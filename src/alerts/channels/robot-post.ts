/**
 * Posting to a chat robot or webhook and judging the answer: a non-2xx status fails the attempt, and so
 * does a JSON answer whose `errcode` (企业微信, 钉钉) or `code` (飞书) is not 0 — those platforms answer
 * 200 even when they refuse a message.
 */
import { AppError } from '../../platform/errors.js';
import type { HttpPoster } from './types.js';

/** The error code of a JSON robot answer, or null when it has none or is not JSON. */
export function robotErrorCode(body: string): { code: number; message: string } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  const code = record['errcode'] ?? record['code'] ?? record['StatusCode'];
  if (typeof code !== 'number' || code === 0) return null;
  const message = record['errmsg'] ?? record['msg'] ?? record['StatusMessage'] ?? '';
  return { code, message: String(message) };
}

/** Posts `payload` as JSON; DELIVERY_FAILED (with the status) unless the receiver accepted it. */
export async function postJson(
  http: HttpPoster,
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
  body: string = JSON.stringify(payload),
): Promise<void> {
  const answer = await http.post(url, body, headers);
  if (answer.status < 200 || answer.status >= 300) {
    throw new AppError('DELIVERY_FAILED', `the receiver answered HTTP ${answer.status}`, {
      status: answer.status,
      body: answer.body.slice(0, 200),
    });
  }
  const refused = robotErrorCode(answer.body);
  if (refused) {
    throw new AppError(
      'DELIVERY_FAILED',
      `the robot refused the message: ${refused.code} ${refused.message}`,
      {
        status: answer.status,
        code: refused.code,
      },
    );
  }
}
