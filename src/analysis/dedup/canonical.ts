/**
 * The form near-duplicate detection compares (DESIGN.md §5): normalised text (NFKC, traditional →
 * simplified, lower case) without what reposting and republishing add or change — repost markers
 * (`//@name:`, `转发微博`, `回复@name:`), source lines (`（来源：…）`, a last line `来源：…`), links,
 * mentions, bracket emoticons, punctuation and whitespace. A repost chain is also cut into its layers, so
 * that a reposter's comment and the quoted original can be compared on their own.
 */
import { lettersAndDigits } from '../normalize/char-class.js';
import { normalizeText } from '../normalize/text.js';

/** A text ready for comparison: the whole canonical string and the layers of its repost chain. */
export interface CanonicalText {
  /** Every layer joined: what remains of the text after stripping. */
  full: string;
  /**
   * The layers of a repost chain in reading order (the reposter's comment first, the quoted original
   * last), stripped like `full`. Empty when the text has no repost marker; empty layers are left out.
   */
  layers: string[];
}

/** A line that only names where the text came from or who edited it. */
const SOURCE_LINE = /^[(（[【]?\s*(?:来源|稿源|来自|转自|本文来源|文章来源|责任编辑|编辑|via)\s*[:：]/iu;
const INLINE_SOURCE = /\((?:来源|稿源|来自|转自|本文来源|文章来源|via)\s*:[^()]{0,60}\)/gu;
const URL = /(?:https?:\/\/|www\.)[a-z0-9\-._~:/?#@!$&'*+,;=%]+/gu;
const REPLY_PREFIX = /回复@[^\s:]{1,30}:/gu;
const BARE_REPOST = /转发微博|轉發微博|repost/gu;
/** The marker a truncated copy ends with: `…全文`, `...展开全文`. */
const READ_MORE = /(?:\.{2,}|…+)?\s*(?:展开)?全文\s*$/u;
/** Where a repost chain starts a new layer: `//@name:`, `转发理由:`, `原文:`, `原微博:`. */
const LAYER_MARK = /\/\/\s*@[^\s:]{1,30}:|转发理由:|原文:|原微博:/gu;
const MENTION = /@[^\s:@,.!?;()[\]【】，。！？；、]{1,30}/gu;
const EMOTICON = /\[[^[\]\s]{1,8}\]/gu;

/** Drops source and editor lines at the end of the text and normalises what is left. */
function normalizedBody(text: string): string {
  if (!text.includes('\n')) return normalizeText(text);
  const lines = text.split('\n');
  let end = lines.length;
  while (end > 0) {
    const line = (lines[end - 1] ?? '').trim();
    if (line !== '' && !SOURCE_LINE.test(line.normalize('NFKC'))) break;
    end--;
  }
  return normalizeText(lines.slice(0, end).join('\n'));
}

/** A trailing `来源:…` after the last sentence of a one-line text (whitespace already collapsed). */
const TRAILING_SOURCE = /\s(?:来源|稿源|转自|责任编辑|编辑)\s*:[^\s]{0,40}$/u;

/**
 * Removes links, source notes, read-more markers, reply prefixes and bare repost markers from normalised
 * text. Each pattern runs only when a quick substring check says it can match, so plain text pays little.
 */
function withoutRepostNoise(normalized: string): string {
  let body = normalized;
  if (body.includes('http') || body.includes('www.')) body = body.replace(URL, ' ').trimEnd();
  if (
    body.includes(':') &&
    (body.includes('来源') || body.includes('稿源') || body.includes('转自') || body.includes('编辑'))
  ) {
    body = body.replace(TRAILING_SOURCE, '');
  }
  if (body.includes('全文')) body = body.replace(READ_MORE, '');
  if (body.includes('(')) body = body.replace(INLINE_SOURCE, ' ');
  if (body.includes('回复@')) body = body.replace(REPLY_PREFIX, ' ');
  if (body.includes('转发') || body.includes('轉發') || body.includes('repost')) {
    body = body.replace(BARE_REPOST, ' ');
  }
  return body;
}

/** One layer without mentions, emoticons, punctuation and whitespace. */
function stripLayer(layer: string): string {
  let out = layer;
  if (out.includes('@')) out = out.replace(MENTION, '');
  if (out.includes('[')) out = out.replace(EMOTICON, '');
  return lettersAndDigits(out);
}

/** The canonical form of `text` for near-duplicate comparison. */
export function canonicalText(text: string): CanonicalText {
  return canonicalOfBody(normalizedBody(text));
}

/**
 * The canonical form of `text` when its normalised form is at hand already (`normalized` must be
 * normalizeText(text)): a one-line text is not normalised again.
 */
export function canonicalTextOf(text: string, normalized: string): CanonicalText {
  return canonicalOfBody(keepsEveryLine(text) ? normalized : normalizedBody(text));
}

/**
 * True when {@link normalizedBody} would keep all of `text`: it has one line, or its last line is
 * neither blank nor a source line (the body is then the whole text, whose normal form is at hand).
 */
function keepsEveryLine(text: string): boolean {
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak < 0) return true;
  const line = text.slice(lastBreak + 1).trim();
  return line !== '' && !SOURCE_LINE.test(line.normalize('NFKC'));
}

/** False when {@link LAYER_MARK} cannot match `body` (a quick check before splitting on it). */
function mayHaveLayers(body: string): boolean {
  if (!body.includes(':')) return false;
  return (
    body.includes('//') || body.includes('转发理由:') || body.includes('原文:') || body.includes('原微博:')
  );
}

function canonicalOfBody(normalized: string): CanonicalText {
  const body = withoutRepostNoise(normalized);
  if (!mayHaveLayers(body)) return { full: stripLayer(body), layers: [] };
  const parts = body.split(LAYER_MARK);
  const stripped = parts.map(stripLayer).filter((part) => part !== '');
  return { full: stripped.join(''), layers: parts.length > 1 ? stripped : [] };
}

/**
 * The part of a text that stands for its content in a lookup: the last layer of a repost chain (the
 * quoted original) when the text has one, otherwise the whole canonical text.
 */
export function coreOf(canonical: CanonicalText): string {
  return canonical.layers.at(-1) ?? canonical.full;
}
