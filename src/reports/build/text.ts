/** Small pieces of report prose: times, changes, ordinals, quotations. */
import { wallTimeAt } from '../../analysis/time/zone.js';
import type { ItemBrief } from '../../domain/index.js';
import { platformName } from './names.js';

/** "11月24日 09:05" in `timeZone`. */
export function monthDayTime(at: number, timeZone: string): string {
  const wall = wallTimeAt(at, timeZone);
  return `${wall.month}月${wall.day}日 ${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
}

/** "09:05" in `timeZone`. */
export function clockTime(at: number, timeZone: string): string {
  const wall = wallTimeAt(at, timeZone);
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
}

/** "11月24日" in `timeZone`. */
export function monthDay(at: number, timeZone: string): string {
  const wall = wallTimeAt(at, timeZone);
  return `${wall.month}月${wall.day}日`;
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一, 二 … 十, 十一 … 十九 for section and item numbering. */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n - 1] ?? String(n);
  if (n < 20) return `十${CHINESE_NUMERALS[n - 11] ?? ''}`;
  return String(n);
}

/** Whitespace collapsed and cut to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}

/** How an item is quoted: "【微博 @某某】摘要". */
export function quoteItem(item: ItemBrief, max = 80): string {
  const who = item.author ? ` ${item.author}` : '';
  const text = item.title && item.title.trim() !== '' ? `${item.title}：${item.excerpt}` : item.excerpt;
  return `【${platformName(item.platform)}${who}】${clip(text, max)}`;
}

/** "增加" / "减少" / "持平" for a change. */
export function changeWord(delta: number): string {
  if (delta > 0) return '增加';
  if (delta < 0) return '减少';
  return '持平';
}
