/**
 * The author of an article page, from the clues it offers, best first:
 *
 * 1. a byline in the page that names the author (作者/记者/撰稿/撰文/文, see byline.ts);
 * 2. the author meta tag, then Readability's byline, each read as a free-form field: a labelled value
 *    (`作者：张三`) gives the name, a plain value is taken when it can name someone;
 * 3. only when none of these names an author, the responsible editor (责任编辑/编辑) the meta tag, the
 *    Readability byline or the page names. An editor is who signed the page off, not who wrote it, but an
 *    office that follows up a report still wants a name to ask, so we fall back to it rather than give none.
 *
 * A plain value is no author when it is a placeholder (`name, email@x.com`, `admin`, `佚名`), an e-mail
 * address or URL, has no letter (`104363`), is longer than a name or outlet would be, or is the site's own
 * name: equal to og:site_name or a <title> suffix, or a prefix of one (`网易` for `网易财经`) or starting with
 * one (`新浪财经-自媒体综合` for `新浪财经`). Pure.
 */
import { findBylineAuthor, findBylineEditor } from './byline.js';

/** Where an article page may name its author. */
export interface AuthorClues {
  /** The text of the whole page body. */
  pageText: string;
  metaAuthor: string | null;
  /** Readability's byline. */
  byline: string | null;
  /** The site's own names: og:site_name and the suffixes of the <title>. */
  siteNames: readonly string[];
}

/** A free-form author field read as the author or the editor it names. */
export interface AuthorField {
  author: string | null;
  editor: string | null;
}

const LABEL = /(?:作者|记者|撰稿|撰文|责任编辑|责编|编辑)\s*[：:]|(?:^|[\s[【(（|｜])文\s*[/／:：]/u;
/** Where a plain field stops naming someone: the time or source that often follows on the same line. */
const FIELD_END = /\n|发布时间|发布于|来源|时间\s*[：:]|日期\s*[：:]/u;
/** Brackets, quotes and punctuation that wrap a field (`【王晓明】`, `（江城日报）`). */
const WRAPPING = '\\s\\[\\]【】()（）〔〕「」<>《》"\'“”‘’,，.。:：;；|｜_-';
const EDGE = new RegExp(`^[${WRAPPING}]+|[${WRAPPING}]+$`, 'gu');
const EMAIL = /[^\s@]+@[^\s@]+\.[a-z]{2,}/iu;
const URL_LIKE = /https?:\/\/|www\.|\b[\w-]+\.(?:com|cn|net|org|gov|edu|info|io)\b/iu;
const PLACEHOLDER =
  /^(?:name|author|admin|administrator|editor|user|unknown|anonymous|null|undefined|none|佚名|匿名|未知|作者|编辑|小编|管理员|本站)$/iu;
/** Longer than any name, account or outlet a field would hold (`新浪财经-自媒体综合` is 10). */
const MAX_AUTHOR_LENGTH = 20;

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

function isSiteName(value: string, siteNames: readonly string[]): boolean {
  const author = fold(value);
  return siteNames
    .map(fold)
    .filter((site) => site.length >= 2)
    .some((site) => site === author || site.startsWith(author) || author.startsWith(site));
}

/** A plain (unlabelled) field as an author, or null when it cannot name one. */
export function plainAuthor(value: string, siteNames: readonly string[]): string | null {
  const head = value.split(FIELD_END)[0] ?? '';
  const name = head.replace(EDGE, '').replace(/\s+/gu, ' ');
  if (name === '' || name.length > MAX_AUTHOR_LENGTH || !/\p{L}/u.test(name)) return null;
  if (EMAIL.test(name) || URL_LIKE.test(name) || PLACEHOLDER.test(name)) return null;
  return isSiteName(name, siteNames) ? null : name;
}

/** Reads a meta author or Readability byline: labelled (`[责任编辑：韩保林 PK155]`) or plain. */
export function readAuthorField(value: string | null, siteNames: readonly string[]): AuthorField {
  if (value === null) return { author: null, editor: null };
  if (!LABEL.test(value)) return { author: plainAuthor(value, siteNames), editor: null };
  return { author: findBylineAuthor(value), editor: findBylineEditor(value) };
}

/** The author of the page, or its responsible editor when nothing names an author, or null. */
export function chooseAuthor({ pageText, metaAuthor, byline, siteNames }: AuthorClues): string | null {
  const meta = readAuthorField(metaAuthor, siteNames);
  const readability = readAuthorField(byline, siteNames);
  return (
    findBylineAuthor(pageText) ??
    meta.author ??
    readability.author ??
    meta.editor ??
    readability.editor ??
    findBylineEditor(pageText)
  );
}
