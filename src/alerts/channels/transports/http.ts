/**
 * The HTTP transport of the robot and webhook channels: one undici pool with connect, header and body
 * timeouts, so a receiver that hangs fails the attempt instead of holding a dispatcher forever. Channel
 * URLs come from channel configuration (never hard-wired).
 */
import { Agent, request } from 'undici';
import type { HttpAnswer, HttpPoster } from '../types.js';

/** Timeouts of the HTTP transport. */
export interface HttpPosterOptions {
  /** Whole-request budget in ms (connect, headers and body each get at most this). */
  timeoutMs: number;
  /** The longest answer body read, in bytes; the rest is ignored. */
  maxAnswerBytes?: number;
}

/** An {@link HttpPoster} plus closing its pool. */
export interface ClosableHttpPoster extends HttpPoster {
  close(): Promise<void>;
}

/** Builds the poster over its own connection pool. */
export function createHttpPoster(options: HttpPosterOptions): ClosableHttpPoster {
  const agent = new Agent({
    connect: { timeout: options.timeoutMs },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  const maxBytes = options.maxAnswerBytes ?? 64 * 1024;
  return {
    async post(url, body, headers): Promise<HttpAnswer> {
      const answer = await request(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
        dispatcher: agent,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of answer.body) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
        if (size < maxBytes) chunks.push(buffer);
        size += buffer.length;
      }
      return { status: answer.statusCode, body: Buffer.concat(chunks).toString('utf8').slice(0, maxBytes) };
    },
    close: () => agent.close(),
  };
}
