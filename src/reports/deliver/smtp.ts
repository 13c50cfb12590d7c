/**
 * The SMTP report mailer on nodemailer, with connection, greeting and socket timeouts so that a silent
 * server fails the attempt (and the delivery is retried) instead of holding the ticker. Non-ASCII subjects
 * and file names are encoded by nodemailer (RFC 2047 / RFC 2231), so Chinese names arrive intact.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { ReportMailer } from './mailer.js';

/** Where and how to send report e-mail. */
export interface SmtpReportMailerOptions {
  /** E.g. `smtp://user:pass@mail.example.cn:587` or `smtps://…:465` (SMTP_URL). */
  url: string;
  /** The From address (SMTP_FROM), e.g. `风向舆情 <reports@example.cn>`. */
  from: string;
  /** Timeout of connecting, of the greeting and of every socket wait, in ms. */
  timeoutMs: number;
}

/** A {@link ReportMailer} plus closing its connections. */
export interface ClosableReportMailer extends ReportMailer {
  close(): void;
}

/** Builds the SMTP report mailer. */
export function createSmtpReportMailer(options: SmtpReportMailerOptions): ClosableReportMailer {
  const settings: SMTPTransport.Options = {
    url: options.url,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  };
  const transporter = nodemailer.createTransport(settings);
  return {
    async send(message) {
      await transporter.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments.map((file) => ({
          filename: file.filename,
          content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
          contentType: file.contentType,
        })),
      });
    },
    close: () => transporter.close(),
  };
}
