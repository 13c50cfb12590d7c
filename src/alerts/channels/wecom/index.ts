/**
 * 企业微信 group robot: markdown messages of at most 4096 UTF-8 bytes, longer notices sent as numbered
 * parts. The webhook URL (with its key) is the secret.
 */
import { z } from 'zod';
import { httpUrl } from '../config.js';
import { MARKDOWN, noticeLines } from '../format/markup.js';
import { noticeParts } from '../format/notice.js';
import { splitMessage, utf8Bytes, type MessagePart } from '../format/split.js';
import { postJson } from '../robot-post.js';
import type { ChannelDriver, HttpPoster, SendContext } from '../types.js';

/** The byte limit of a 企业微信 markdown message. */
export const WECOM_LIMIT_BYTES = 4096;

const schema = z.strictObject({ url: httpUrl });

const render = (title: string, body: string): string => `### ${title}\n${body}`;

/** The markdown parts of the alert (pure). */
export function wecomParts(context: Pick<SendContext, 'alert' | 'timeZone'>): MessagePart[] {
  const parts = noticeParts(context.alert, context.timeZone);
  const lines = noticeLines(parts, MARKDOWN, context.timeZone);
  return splitMessage(parts.title, lines, WECOM_LIMIT_BYTES, utf8Bytes, render);
}

/** The 企业微信 driver. */
export function wecomDriver(http: HttpPoster): ChannelDriver<z.output<typeof schema>> {
  return {
    kind: 'wecom',
    schema,
    secretFields: ['url'],
    async send(config, context) {
      for (const part of wecomParts(context)) {
        await postJson(http, config.url, {
          msgtype: 'markdown',
          markdown: { content: render(part.title, part.body) },
        });
      }
    },
  };
}
