import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line. */
const REDACTED = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** A structured JSON logger (pino) at `level`; secrets are redacted. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: REDACTED, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
