/**
 * The e-mail of an alert (pure): a Chinese subject with the level tag, an HTML part with the official
 * fields as a table and the evidence as links, and a plain-text part with the same content.
 */
import type { AlertLevel } from '../../../domain/index.js';
import { noticeLines, PLAIN } from '../format/markup.js';
import { formatLocalTime, noticeParts } from '../format/notice.js';
import type { SendContext } from '../types.js';

/** Subject, text and HTML of one alert e-mail. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const LEVEL_COLOURS: Record<AlertLevel, string> = {
  red: '#d4380d',
  orange: '#fa8c16',
  yellow: '#d4b106',
  blue: '#1677ff',
};

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function safeHref(url: string): string | null {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : null;
}

/** Renders the alert e-mail; `subjectPrefix` goes before the level tag. */
export function renderAlertMail(
  context: Pick<SendContext, 'alert' | 'timeZone'>,
  subjectPrefix = '',
): RenderedMail {
  const parts = noticeParts(context.alert, context.timeZone);
  const subject = `${subjectPrefix}${parts.title}`;
  const text = [parts.title, '', ...noticeLines(parts, PLAIN, context.timeZone)].join('\n');
  const rows = parts.fields
    .map((f) => `<tr><th align="left">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`)
    .join('');
  const reasons = parts.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('');
  const items = parts.evidence
    .map((item) => {
      const title = escapeHtml(item.title ?? item.excerpt.slice(0, 60));
      const href = item.url ? safeHref(item.url) : null;
      const head = href ? `<a href="${href}">${title}</a>` : title;
      const meta = [item.source, formatLocalTime(item.publishedAt, context.timeZone)].filter(Boolean);
      return `<li>${head} <small>${escapeHtml(meta.join(' · '))}</small><br>${escapeHtml(item.excerpt)}</li>`;
    })
    .join('');
  const html = [
    '<!doctype html><html><body>',
    `<h2 style="color:${LEVEL_COLOURS[context.alert.level]}">${escapeHtml(parts.title)}</h2>`,
    `<table cellpadding="4">${rows}</table>`,
    reasons ? `<h3>触发依据</h3><ul>${reasons}</ul>` : '',
    items ? `<h3>相关信息</h3><ol>${items}</ol>` : '',
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
