/**
 * The SMTP transport of the e-mail channel, on nodemailer with connection, greeting and socket timeouts.
 * The server comes from SMTP_URL and the sender from SMTP_FROM. Non-ASCII subjects are encoded by
 * nodemailer as RFC 2047 words, so Chinese subjects arrive intact.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { MailTransport } from '../types.js';

/** Where and how to send mail. */
export interface SmtpOptions {
  /** E.g. `smtp://user:pass@mail.example.cn:587` or `smtps://…:465`. */
  url: string;
  /** The From address, e.g. `风向预警 <alerts@example.cn>`. */
  from: string;
  timeoutMs: number;
}

/** A {@link MailTransport} plus closing its connections. */
export interface ClosableMailTransport extends MailTransport {
  close(): void;
}

/** Builds the SMTP transport. */
export function createSmtpTransport(options: SmtpOptions): ClosableMailTransport {
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
      });
    },
    close: () => transporter.close(),
  };
}
