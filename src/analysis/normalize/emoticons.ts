/**
 * Emoji and Weibo-style bracket emoticons (`[怒]`, `[泪]`, `[哈哈]`) kept as signals for sentiment and
 * emotion: normalisation does not remove them, and this module finds them and says what feeling the common
 * ones usually carry. The table is our own reading of how the emoticons are used; `[微笑]` and `[doge]`
 * are mostly ironic on Weibo, so they are marked as sarcasm rather than joy.
 */

/** The feeling an emoticon usually carries. */
export type EmoticonFeeling = 'anger' | 'sadness' | 'fear' | 'joy' | 'surprise' | 'disgust' | 'sarcasm';

const BRACKET_EMOTICON = /\[([\p{Script=Han}a-zA-Z]{1,6})\]/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;

/** Bracketed words that Weibo and forums print as placeholders, not emoticons. */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '图片',
  '视频',
  '组图',
  '链接',
  '网页链接',
  '表情',
  '语音',
  '位置',
]);

const FEELINGS: ReadonlyMap<string, EmoticonFeeling> = new Map<string, EmoticonFeeling>([
  ['[怒]', 'anger'],
  ['[怒骂]', 'anger'],
  ['[抓狂]', 'anger'],
  ['[哼]', 'anger'],
  ['[左哼哼]', 'anger'],
  ['[右哼哼]', 'anger'],
  ['[鄙视]', 'disgust'],
  ['[吐]', 'disgust'],
  ['[白眼]', 'disgust'],
  ['[泪]', 'sadness'],
  ['[悲伤]', 'sadness'],
  ['[伤心]', 'sadness'],
  ['[失望]', 'sadness'],
  ['[委屈]', 'sadness'],
  ['[可怜]', 'sadness'],
  ['[蜡烛]', 'sadness'],
  ['[心碎]', 'sadness'],
  ['[生病]', 'sadness'],
  ['[衰]', 'sadness'],
  ['[哈哈]', 'joy'],
  ['[嘻嘻]', 'joy'],
  ['[偷笑]', 'joy'],
  ['[爱你]', 'joy'],
  ['[心]', 'joy'],
  ['[赞]', 'joy'],
  ['[good]', 'joy'],
  ['[鼓掌]', 'joy'],
  ['[给力]', 'joy'],
  ['[太开心]', 'joy'],
  ['[笑cry]', 'joy'],
  ['[威武]', 'joy'],
  ['[吃惊]', 'surprise'],
  ['[惊讶]', 'surprise'],
  ['[费解]', 'surprise'],
  ['[疑问]', 'surprise'],
  ['[害怕]', 'fear'],
  ['[恐惧]', 'fear'],
  ['[汗]', 'fear'],
  ['[微笑]', 'sarcasm'],
  ['[doge]', 'sarcasm'],
  ['[允悲]', 'sarcasm'],
  ['[摊手]', 'sarcasm'],
  ['[二哈]', 'sarcasm'],
  ['[跪了]', 'sarcasm'],
  ['😡', 'anger'],
  ['😠', 'anger'],
  ['🤬', 'anger'],
  ['😢', 'sadness'],
  ['😭', 'sadness'],
  ['💔', 'sadness'],
  ['🕯', 'sadness'],
  ['😂', 'joy'],
  ['😄', 'joy'],
  ['😊', 'joy'],
  ['👍', 'joy'],
  ['❤', 'joy'],
  ['😱', 'fear'],
  ['😨', 'fear'],
  ['😮', 'surprise'],
  ['😲', 'surprise'],
  ['🤮', 'disgust'],
  ['🙄', 'sarcasm'],
  ['🙂', 'sarcasm'],
]);

/** Every emoticon and emoji of `text`, in order of appearance, as written (`[怒]`, `😭`). */
export function emoticons(text: string): string[] {
  const found: { at: number; value: string }[] = [];
  for (const match of text.matchAll(BRACKET_EMOTICON)) {
    if (match[1] !== undefined && !PLACEHOLDERS.has(match[1]))
      found.push({ at: match.index, value: match[0] });
  }
  for (const match of text.matchAll(EMOJI)) found.push({ at: match.index, value: match[0] });
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.value);
}

/** The feeling an emoticon usually carries (`[怒]` → anger), or null when the table does not know it. */
export function emoticonFeeling(emoticon: string): EmoticonFeeling | null {
  return FEELINGS.get(emoticon) ?? FEELINGS.get(emoticon.toLowerCase()) ?? null;
}
