/**
 * 钉钉 robot: markdown messages (title + text), signed in the URL when a secret is set, longer notices
 * sent as numbered parts under the platform's size limit.
 */
import { z } from 'zod';
import { httpUrl, signingSecret } from '../config.js';
import { MARKDOWN, noticeLines } from '../format/markup.js';
import { noticeParts } from '../format/notice.js';
import { splitMessage, utf8Bytes, type MessagePart } from '../format/split.js';
import { postJson } from '../robot-post.js';
import type { ChannelDriver, HttpPoster, SendContext } from '../types.js';
import { signedDingtalkUrl } from './sign.js';

/** The byte limit kept for one 钉钉 markdown text (the platform allows 20,000). */
export const DINGTALK_LIMIT_BYTES = 18_000;

const schema = z.strictObject({ url: httpUrl, secret: signingSecret.optional() });

const render = (title: string, body: string): string => `### ${title}\n\n${body}`;

/** The markdown parts of the alert (pure). Lines end with two spaces: 钉钉 needs them for a line break. */
export function dingtalkParts(context: Pick<SendContext, 'alert' | 'timeZone'>): MessagePart[] {
  const parts = noticeParts(context.alert, context.timeZone);
  const lines = noticeLines(parts, MARKDOWN, context.timeZone).map((line) => `${line}  `);
  return splitMessage(parts.title, lines, DINGTALK_LIMIT_BYTES, utf8Bytes, render);
}

/** The 钉钉 driver. */
export function dingtalkDriver(http: HttpPoster): ChannelDriver<z.output<typeof schema>> {
  return {
    kind: 'dingtalk',
    schema,
    secretFields: ['url', 'secret'],
    async send(config, context) {
      for (const part of dingtalkParts(context)) {
        const url = config.secret ? signedDingtalkUrl(config.url, config.secret, context.now) : config.url;
        await postJson(http, url, {
          msgtype: 'markdown',
          markdown: { title: part.title, text: render(part.title, part.body) },
        });
      }
    },
  };
}
