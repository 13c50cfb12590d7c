/**
 * Sending e-mail over SMTP, shared by alert e-mails and report e-mails: nodemailer with connection, greeting
 * and socket timeouts, so that a silent server fails the attempt (which the caller retries) instead of
 * hanging. Non-ASCII subjects and attachment names are encoded by nodemailer (RFC 2047 / RFC 2231), so
 * Chinese arrives intact.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

/** Where and how to send mail. */
export interface SmtpOptions {
  /** E.g. `smtp://user:pass@mail.example.cn:587` or `smtps://…:465` (SMTP_URL). */
  url: string;
  /** The From address (SMTP_FROM), e.g. `风向 <alerts@example.cn>`. */
  from: string;
  /** Timeout of connecting, of the greeting and of every socket wait, in ms. */
  timeoutMs: number;
}

/** A file attached to a message. */
export interface MailAttachment {
  filename: string;
  content: Uint8Array;
  contentType: string;
}

/** One message. */
export interface OutgoingMail {
  to: string | string[];
  subject: string;
  text: string;
  html?: string | undefined;
  headers?: Record<string, string> | undefined;
  attachments?: readonly MailAttachment[] | undefined;
}

/** Sends mail; rejects when the server refuses or does not answer in time. */
export interface SmtpMailer {
  send(message: OutgoingMail): Promise<void>;
  /** Closes pooled connections. */
  close(): void;
}

/** Builds an SMTP mailer. */
export function createSmtpMailer(options: SmtpOptions): SmtpMailer {
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
        headers: message.headers,
        attachments: message.attachments?.map((file) => ({
          filename: file.filename,
          content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
          contentType: file.contentType,
        })),
      });
    },
    close: () => transporter.close(),
  };
}
