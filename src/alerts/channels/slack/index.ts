/**
 * Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat…): mrkdwn text of at most 3,900
 * characters per message, longer notices as numbered messages. The webhook URL is the secret.
 */
import { z } from 'zod';
import { httpUrl } from '../config.js';
import { noticeLines, SLACK_MRKDWN } from '../format/markup.js';
import { noticeParts } from '../format/notice.js';
import { codePoints, splitMessage, type MessagePart } from '../format/split.js';
import { postJson } from '../robot-post.js';
import type { ChannelDriver, HttpPoster, SendContext } from '../types.js';

/** The characters kept per message (Slack truncates text beyond 4,000). */
export const SLACK_LIMIT_CHARS = 3_900;

const schema = z.strictObject({ url: httpUrl });

const render = (title: string, body: string): string => `*${title}*\n${body}`;

/** The mrkdwn parts of the alert (pure). */
export function slackParts(context: Pick<SendContext, 'alert' | 'timeZone'>): MessagePart[] {
  const parts = noticeParts(context.alert, context.timeZone);
  const lines = noticeLines(parts, SLACK_MRKDWN, context.timeZone);
  return splitMessage(parts.title, lines, SLACK_LIMIT_CHARS, codePoints, render);
}

/** The Slack-compatible driver. */
export function slackDriver(http: HttpPoster): ChannelDriver<z.output<typeof schema>> {
  return {
    kind: 'slack',
    schema,
    secretFields: ['url'],
    async send(config, context) {
      for (const part of slackParts(context)) {
        await postJson(http, config.url, { text: render(part.title, part.body) });
      }
    },
  };
}
