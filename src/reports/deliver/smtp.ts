/**
 * The SMTP report mailer: the shared SMTP mailer (`src/platform/smtp.ts`, with its timeouts), so that a
 * silent server fails the attempt and the delivery is retried instead of holding the ticker.
 */
import { createSmtpMailer, type SmtpOptions } from '../../platform/smtp.js';
import type { ReportMailer } from './mailer.js';

/** Where and how to send report e-mail (SMTP_URL, SMTP_FROM and a timeout). */
export type SmtpReportMailerOptions = SmtpOptions;

/** A {@link ReportMailer} plus closing its connections. */
export interface ClosableReportMailer extends ReportMailer {
  close(): void;
}

/** Builds the SMTP report mailer. */
export function createSmtpReportMailer(options: SmtpReportMailerOptions): ClosableReportMailer {
  return createSmtpMailer(options);
}
