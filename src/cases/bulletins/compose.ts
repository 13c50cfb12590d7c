/**
 * Composing a bulletin's first text from the items and events it is made of, pure. Staff then edit the
 * body; the links stay. The layout follows the usual 舆情信息 shape: an overview line, then one numbered
 * paragraph per event and per item with its source, time and link.
 */
import { BULLETIN_KIND_NAMES, type BulletinKind } from '../../domain/index.js';

/** What the composer needs of an item. */
export interface ComposeItem {
  title: string | null;
  excerpt: string;
  source: string | null;
  url: string | null;
  publishedAt: number;
}

/** What the composer needs of an event. */
export interface ComposeEvent {
  title: string;
  itemCount: number;
  firstPublishedAt: number;
  lastPublishedAt: number;
  keywords: readonly string[];
}

/** A date and time as offices write it (2024年5月3日 12:00), in `timeZone`. */
export function formatLocalTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}年${Number(part('month'))}月${Number(part('day'))}日 ${part('hour')}:${part('minute')}`;
}

/** The default body of a bulletin of `kind` over `events` and `items`. */
export function composeBulletinBody(
  kind: BulletinKind,
  events: readonly ComposeEvent[],
  items: readonly ComposeItem[],
  timeZone: string,
): string {
  const lines: string[] = [];
  lines.push(`【${BULLETIN_KIND_NAMES[kind]}】共涉及${events.length}个事件、${items.length}条信息。`);
  let n = 0;
  for (const event of events) {
    n += 1;
    const words = event.keywords.length > 0 ? `，关键词：${event.keywords.slice(0, 5).join('、')}` : '';
    lines.push(
      `${n}. ${event.title}（${formatLocalTime(event.firstPublishedAt, timeZone)}至${formatLocalTime(event.lastPublishedAt, timeZone)}，相关信息${event.itemCount}条${words}）`,
    );
  }
  for (const item of items) {
    n += 1;
    const head = item.title ?? item.excerpt.slice(0, 30);
    const where = [item.source, formatLocalTime(item.publishedAt, timeZone)].filter(Boolean).join('，');
    lines.push(
      `${n}. ${head}（${where}）${item.title ? `：${item.excerpt}` : ''}${item.url ? ` 链接：${item.url}` : ''}`,
    );
  }
  return lines.join('\n');
}
