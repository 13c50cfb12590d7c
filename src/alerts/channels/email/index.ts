/**
 * The e-mail channel: one message per recipient (the outbox holds one delivery per address), sent over
 * SMTP with HTML and text parts and a Chinese subject. Recipients come from the fixed list, from the
 * unit's users holding given roles, and from who is on duty (see src/alerts/recipients.ts).
 */
import { z } from 'zod';
import { ROLES } from '../../../domain/index.js';
import { AppError } from '../../../platform/errors.js';
import type { ChannelDriver, MailTransport } from '../types.js';
import { renderAlertMail } from './render.js';

const schema = z.strictObject({
  /** Fixed addresses that receive every alert of the channel. */
  to: z.array(z.email()).max(200).default([]),
  /** Users of the alert's unit holding any of these roles (with an alert address). */
  roles: z.array(z.enum(ROLES)).default([]),
  /** Users on duty at the alert's time. */
  onDuty: z.boolean().default(false),
  subjectPrefix: z.string().max(40).default(''),
});

/** The configuration of an e-mail channel. */
export type EmailChannelConfig = z.output<typeof schema>;

/** The audience of a stored e-mail configuration, or null when it no longer validates. */
export function parseEmailAudience(config: unknown): EmailChannelConfig | null {
  const result = schema.safeParse(config);
  return result.success ? result.data : null;
}

/** The e-mail driver; `mail` is null when SMTP is not configured (every send then fails permanently). */
export function emailDriver(mail: MailTransport | null): ChannelDriver<EmailChannelConfig> {
  return {
    kind: 'email',
    schema,
    secretFields: [],
    async send(config, context) {
      if (!mail) {
        throw new AppError('DELIVERY_FAILED', 'SMTP is not configured (set SMTP_URL and SMTP_FROM)', {
          permanent: true,
        });
      }
      const to = context.recipient ? [context.recipient] : config.to;
      if (to.length === 0) {
        throw new AppError('DELIVERY_FAILED', 'the e-mail has no recipient', { permanent: true });
      }
      const rendered = renderAlertMail(context, config.subjectPrefix);
      await mail.send({ to, ...rendered, headers: { 'X-Fengxiang-Delivery': context.deliveryId } });
    },
  };
}
