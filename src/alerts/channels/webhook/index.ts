/**
 * The generic webhook: the whole alert as JSON, signed with HMAC-SHA256 when a secret is set, and
 * carrying the delivery id so receivers deduplicate retries (`X-Fengxiang-Delivery`).
 */
import { z } from 'zod';
import { httpUrl, signingSecret } from '../config.js';
import { noticeParts } from '../format/notice.js';
import { postJson } from '../robot-post.js';
import type { ChannelDriver, HttpPoster, SendContext } from '../types.js';
import { webhookSignature } from './sign.js';

const headerName = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an HTTP header name');

const schema = z.strictObject({
  url: httpUrl,
  secret: signingSecret.optional(),
  headers: z.record(headerName, z.string().max(1024)).optional(),
});

/** The JSON body of a webhook delivery (pure). */
export function webhookPayload(
  context: Pick<SendContext, 'alert' | 'deliveryId' | 'now' | 'timeZone'>,
): unknown {
  const notice = noticeParts(context.alert, context.timeZone);
  return {
    type: 'alert',
    deliveryId: context.deliveryId,
    sentAt: new Date(context.now).toISOString(),
    title: notice.title,
    fields: Object.fromEntries(notice.fields.map((field) => [field.label, field.value])),
    alert: context.alert,
  };
}

/** The generic webhook driver. */
export function webhookDriver(http: HttpPoster): ChannelDriver<z.output<typeof schema>> {
  return {
    kind: 'webhook',
    schema,
    secretFields: ['secret', 'headers'],
    async send(config, context) {
      const body = JSON.stringify(webhookPayload(context));
      const timestamp = String(Math.floor(context.now / 1000));
      const headers: Record<string, string> = {
        ...config.headers,
        'x-fengxiang-delivery': context.deliveryId,
        'x-fengxiang-timestamp': timestamp,
        'x-fengxiang-event': 'alert',
      };
      if (config.secret) headers['x-fengxiang-signature'] = webhookSignature(config.secret, timestamp, body);
      await postJson(http, config.url, null, headers, body);
    },
  };
}
