/**
 * Renders a notice as lines of one platform's markup (pure). Markdown-like platforms differ only in how
 * they write bold text and links, so a {@link Markup} names those and one function lays out the lines.
 */
import { formatLocalTime, type NoticeParts } from './notice.js';

/** How a platform writes emphasis and links. */
export interface Markup {
  bold(text: string): string;
  link(text: string, url: string): string;
  /** Escapes characters the platform would read as markup. */
  escape(text: string): string;
}

/** CommonMark-style markup (企业微信, 钉钉, 飞书 cards). */
export const MARKDOWN: Markup = {
  bold: (text) => `**${text}**`,
  link: (text, url) => `[${text}](${url})`,
  escape: (text) => text.replace(/([*_[\]`])/g, '\\$1'),
};

/** Slack mrkdwn. */
export const SLACK_MRKDWN: Markup = {
  bold: (text) => `*${text}*`,
  link: (text, url) => `<${url}|${text.replace(/[<>|]/g, ' ')}>`,
  escape: (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
};

/** Plain text (e-mail text part, in-app). */
export const PLAIN: Markup = {
  bold: (text) => text,
  link: (text, url) => `${text} ${url}`,
  escape: (text) => text,
};

const EXCERPT_CHARS = 120;

function shorten(text: string, chars: number): string {
  const points = Array.from(text.replace(/\s+/g, ' ').trim());
  return points.length <= chars ? points.join('') : `${points.slice(0, chars).join('')}…`;
}

/**
 * The body lines of a notice (without the title): one line per field, the reasons, then the evidence
 * items, each with its link. Long messages are split between these lines.
 */
export function noticeLines(parts: NoticeParts, markup: Markup, timeZone: string): string[] {
  const lines = parts.fields.map(
    (field) => `${markup.bold(`${field.label}：`)}${markup.escape(field.value)}`,
  );
  if (parts.reasons.length > 0) {
    lines.push(markup.bold('触发依据：'));
    for (const reason of parts.reasons) lines.push(`- ${markup.escape(reason)}`);
  }
  if (parts.evidence.length > 0) lines.push(markup.bold('相关信息：'));
  parts.evidence.forEach((item, index) => {
    const title = markup.escape(shorten(item.title ?? item.excerpt, 60));
    const head = item.url ? markup.link(title, item.url) : title;
    const meta = [item.source, formatLocalTime(item.publishedAt, timeZone)].filter(Boolean).join(' · ');
    lines.push(`${index + 1}. ${head}（${markup.escape(meta)}）`);
    if (item.title && item.excerpt) lines.push(`   ${markup.escape(shorten(item.excerpt, EXCERPT_CHARS))}`);
  });
  return lines;
}
