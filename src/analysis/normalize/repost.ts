/**
 * Repost chains of Weibo-style posts (DESIGN.md §5): `我的评论//@乙:乙的评论//@丙:丙的评论`, the default
 * text `转发微博`, a leading `回复@name:`, `【…】` labels and `#话题#` tags, and a trailing source line
 * (`（来源：新华社）`, `来源：人民日报`). Dedup, sentiment and appeal detection read the writer's own words
 * (`own`) rather than the whole chain, so a repost is not counted as a new voice.
 */

/** One earlier link of a repost chain: who wrote it and what they added. */
export interface RepostLink {
  author: string;
  text: string;
}

/** A post split into the writer's own words and what it quotes. */
export interface RepostChain {
  /** The writer's own words, without the chain, the default repost text, labels and the source line. */
  own: string;
  /** Earlier links, nearest first (the person reposted first). */
  chain: RepostLink[];
  /** `【…】` labels and `#…#` topics, in order, without their brackets. */
  tags: string[];
  /** What the trailing source line names (`新华社` for `（来源：新华社）`), or null. */
  sourceLine: string | null;
  /** The name after a leading `回复@name:`, or null. */
  replyTo: string | null;
}

const CHAIN_SEPARATOR = /\s*\/\/\s*@/u;
const AUTHOR_END = /[:：]/u;
const MAX_AUTHOR_LENGTH = 30;
const DEFAULT_REPOST_TEXTS: ReadonlySet<string> = new Set(['转发微博', '轉發微博', 'repost', '转发', '轉發']);
const REPLY = /^\s*回[复覆]\s*@([^:：\s]{1,30})\s*[:：]\s*/u;
const LABEL = /【([^【】]{1,60})】/gu;
const TOPIC = /#([^#\n]{1,60})#/gu;
const SOURCE_IN_BRACKETS = /[（(]\s*(?:文章来源|来源|稿源|转自|来自)\s*[:：]\s*([^（）()]{1,60})[）)]\s*$/u;
const SOURCE_LINE = /(?:^|[\s。！？!?；;])(?:文章来源|来源|稿源|转自)\s*[:：]\s*([^\n。！？!?]{1,60})\s*$/u;

function stripDefault(text: string): string {
  const trimmed = text.trim();
  return DEFAULT_REPOST_TEXTS.has(trimmed.toLowerCase()) ? '' : trimmed;
}

function parseLink(part: string): RepostLink {
  const colon = AUTHOR_END.exec(part);
  if (colon && colon.index <= MAX_AUTHOR_LENGTH) {
    return { author: part.slice(0, colon.index).trim(), text: stripDefault(part.slice(colon.index + 1)) };
  }
  const space = part.search(/\s/u);
  return space < 0
    ? { author: part.trim(), text: '' }
    : { author: part.slice(0, space), text: part.slice(space).trim() };
}

function takeSource(text: string): { rest: string; source: string | null } {
  const match = SOURCE_IN_BRACKETS.exec(text) ?? SOURCE_LINE.exec(text);
  if (!match?.[1]) return { rest: text, source: null };
  const start = match.index + (match[0].length - match[0].trimStart().length);
  return { rest: text.slice(0, start).trim(), source: match[1].trim() };
}

function takeTags(text: string): { rest: string; tags: string[] } {
  const tags: string[] = [];
  const rest = text
    .replace(LABEL, (_whole, label: string) => {
      tags.push(label.trim());
      return ' ';
    })
    .replace(TOPIC, (_whole, topic: string) => {
      tags.push(topic.trim());
      return topic;
    });
  return { rest: rest.replace(/\s{2,}/gu, ' ').trim(), tags: tags.filter((tag) => tag !== '') };
}

/**
 * Splits a post into its own words, the repost chain, tags and source. `【…】` labels are removed from
 * `own`; `#话题#` topics stay in it without their `#` (they are usually part of the sentence).
 */
export function parseRepostChain(text: string): RepostChain {
  const [head = '', ...links] = text.split(CHAIN_SEPARATOR);
  const reply = REPLY.exec(head);
  const afterReply = reply ? head.slice(reply[0].length) : head;
  const { rest: withoutSource, source } = takeSource(afterReply);
  const { rest, tags } = takeTags(withoutSource);
  const chain = links.map(parseLink).filter((link) => link.author !== '');
  let sourceLine = source;
  const last = chain.at(-1);
  if (sourceLine === null && last) {
    const taken = takeSource(last.text);
    last.text = taken.rest;
    sourceLine = taken.source;
  }
  return { own: stripDefault(rest), chain, tags, sourceLine, replyTo: reply?.[1] ?? null };
}
