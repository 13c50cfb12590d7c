/**
 * 飞书 robot: an interactive card with a coloured header and a markdown body, signed in the body when a
 * secret is set; longer notices become numbered cards under the platform's request size limit.
 */
import { z } from 'zod';
import type { AlertLevel } from '../../../domain/index.js';
import { httpUrl, signingSecret } from '../config.js';
import { MARKDOWN, noticeLines } from '../format/markup.js';
import { noticeParts } from '../format/notice.js';
import { splitMessage, utf8Bytes, type MessagePart } from '../format/split.js';
import { postJson } from '../robot-post.js';
import type { ChannelDriver, HttpPoster, SendContext } from '../types.js';
import { feishuSign } from './sign.js';

/** The byte limit kept for one card's markdown (the platform takes request bodies up to 20 KB). */
export const FEISHU_LIMIT_BYTES = 16_000;

const schema = z.strictObject({ url: httpUrl, secret: signingSecret.optional() });

const HEADER_COLOURS: Record<AlertLevel, string> = {
  red: 'red',
  orange: 'orange',
  yellow: 'yellow',
  blue: 'blue',
};

/** The card parts of the alert (pure); the title travels in the card header. */
export function feishuParts(context: Pick<SendContext, 'alert' | 'timeZone'>): MessagePart[] {
  const parts = noticeParts(context.alert, context.timeZone);
  const lines = noticeLines(parts, MARKDOWN, context.timeZone);
  return splitMessage(parts.title, lines, FEISHU_LIMIT_BYTES, utf8Bytes);
}

/** The 飞书 driver. */
export function feishuDriver(http: HttpPoster): ChannelDriver<z.output<typeof schema>> {
  return {
    kind: 'feishu',
    schema,
    secretFields: ['url', 'secret'],
    async send(config, context) {
      const timestamp = Math.floor(context.now / 1000);
      for (const part of feishuParts(context)) {
        await postJson(http, config.url, {
          ...(config.secret && { timestamp: String(timestamp), sign: feishuSign(config.secret, timestamp) }),
          msg_type: 'interactive',
          card: {
            header: {
              title: { tag: 'plain_text', content: part.title },
              template: HEADER_COLOURS[context.alert.level],
            },
            elements: [{ tag: 'markdown', content: part.body }],
          },
        });
      }
    },
  };
}
