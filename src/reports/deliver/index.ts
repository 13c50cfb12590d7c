/** E-mail delivery of issued reports: the mailer port, its SMTP implementation, and the due-delivery round. */
export { DEFAULT_DELIVERY_MAX_ATTEMPTS, FIRST_RETRY_MS, MAX_RETRY_MS, retryAt } from './backoff.js';
export { DEFAULT_ATTACHMENT_FORMATS, deliverDue } from './deliver-due.js';
export type {
  DeliveryDeps,
  DeliveryRound,
  DeliverySettings,
  RenderedReportFile,
  ReportFileRenderer,
} from './deliver-due.js';
export type { ReportAttachment, ReportMailer, ReportMailMessage } from './mailer.js';
export { overviewText, reportBody, reportMessage, reportSubject } from './message.js';
export { createSmtpReportMailer } from './smtp.js';
export type { ClosableReportMailer, SmtpReportMailerOptions } from './smtp.js';
