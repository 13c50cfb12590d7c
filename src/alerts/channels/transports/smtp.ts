/**
 * The SMTP transport of the e-mail channel: the shared SMTP mailer (`src/platform/smtp.ts`), with its
 * timeouts, configured from SMTP_URL and SMTP_FROM.
 */
import { createSmtpMailer, type SmtpOptions } from '../../../platform/smtp.js';
import type { MailTransport } from '../types.js';

/** Where and how to send mail. */
export type { SmtpOptions } from '../../../platform/smtp.js';

/** A {@link MailTransport} plus closing its connections. */
export interface ClosableMailTransport extends MailTransport {
  close(): void;
}

/** Builds the SMTP transport. */
export function createSmtpTransport(options: SmtpOptions): ClosableMailTransport {
  return createSmtpMailer(options);
}
