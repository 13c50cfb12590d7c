/**
 * The lines Chinese news pages print above or below the body: `2024-05-03 08:30 来源：人民网`,
 * `作者：张三`, `记者：李四`, `【文/本报记者 赵六】`, `责任编辑：王五`. These give the publication time and
 * author when meta tags do not. A label only counts when a short name (see name.ts) follows it, so
 * `记者：解放军继2月9日…` in an interview is no byline; `文` only counts after a boundary (line start,
 * whitespace, a bracket or `|`), so `某报刊文：少吃猪肉` and a headline `王文：中美贸易…` are none either.
 */
import { foldNames, NAMES } from './name.js';

const DATE_TIME =
  /(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*|T)\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)/u;
const DATE_ONLY = /(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2})/u;
const COLON = '\\s*[：:]\\s*';
/** What may stand right before a `文` that labels an author. */
const WEN_BOUNDARY = '(?:^|(?<=[\\s(（\\[【〔「|｜]))';
/** `文/本报记者 张三`, `文/观察者网专栏作者 王文`: an optional outlet or role before the name. */
const WEN_ROLE = '[^\\s/／】\\]）)]{0,18}(?:记者|作者|撰稿人|通讯员|评论员|编辑|网|报|社|台)[ \\t\\u3000]*';
const WEN_SLASH = `${WEN_BOUNDARY}文\\s*[/／]\\s*(?:${WEN_ROLE})?`;
const AUTHOR_LABELS = [`(?:作者|记者|撰稿|撰文)${COLON}`, `${WEN_BOUNDARY}文${COLON}`, WEN_SLASH].join('|');
const AUTHOR = new RegExp(`(?:${AUTHOR_LABELS})(${NAMES})`, 'mu');
const EDITOR = new RegExp(`(?:责任编辑|责编|编辑)${COLON}(${NAMES})`, 'u');

/** The first date with a clock in `text` (preferring one on a line with 来源/发布), else a bare date. */
export function findBylineTime(text: string): string | null {
  const lines = text.split('\n');
  const sourced = lines.find((line) => /来源|发布|时间/u.test(line) && DATE_TIME.test(line));
  const withClock = DATE_TIME.exec(sourced ?? text)?.[1];
  if (withClock) return withClock.replace(/\s+/gu, ' ').trim();
  return DATE_ONLY.exec(text)?.[1] ?? null;
}

/** The author a byline names (作者/记者/撰稿/撰文/文), or null. */
export function findBylineAuthor(text: string): string | null {
  const names = AUTHOR.exec(text)?.[1];
  return names ? foldNames(names) : null;
}

/** The editor a byline names (责任编辑/责编/编辑), or null. */
export function findBylineEditor(text: string): string | null {
  const names = EDITOR.exec(text)?.[1];
  return names ? foldNames(names) : null;
}
