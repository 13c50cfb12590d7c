/**
 * Normalisation of raw items (issue 3 §3): one raw item from any source kind, the push API or an import
 * becomes a storable candidate — canonical URL, absolute publication time in the source's time zone,
 * author as shown or as a keyed hash, language, normalised text, search tokens and content hash. Pure: the
 * time and the settings come in as arguments.
 */
import { hashAuthor, isAuthorHash } from '../../analysis/normalize/author.js';
import { contentHash } from '../../analysis/normalize/content-hash.js';
import { normalizeText } from '../../analysis/normalize/text.js';
import { canonicalUrl } from '../../analysis/normalize/url.js';
import { analyzeItem, type AnalysisResult, type Analysers } from '../../analysis/analyze/analyze.js';
import { detectLanguage } from '../../analysis/language/index.js';
import type { Segmenter } from '../../analysis/segment/segmenter.js';
import { parsePublishedTime } from '../../analysis/time/index.js';
import type { RawItem } from '../../domain/collection.js';
import type { NewItem } from '../../storage/repositories.js';

/** Longest title kept; longer ones are cut (a title is a line, not a document). */
export const MAX_TITLE_CHARS = 1_000;
/** Longest content kept; longer bodies are cut so one pathological page cannot bloat the index. */
export const MAX_CONTENT_CHARS = 200_000;
/** A publication time this far ahead of the collect time is a wrong clock or a bad parse: use the collect time. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

/** Where a batch of raw items comes from and how to treat it. */
export interface NormaliseContext {
  unitId: string;
  sourceId: string;
  platform: string | null;
  sourceRegion: string | null;
  /** The collect time (relative times resolve against it; it is also `collectedAt`). */
  now: number;
  timeZone: string;
  author: { mode: 'plain' | 'hash'; key: string };
  segmenter: Segmenter;
  /** Full analysis before storing; null stores items unanalysed (tokens only), for a later reanalyze. */
  analysers: Analysers | null;
}

/** A normalised item plus the links to resolve once the batch's ids are known. */
export interface Candidate {
  item: NewItem & { id: string; canonicalUrl: string | null; contentHash: string };
  parent: { externalId: string | null; canonicalUrl: string | null } | null;
  replyToExternalId: string | null;
  /** True when no publication time could be read and the collect time stands in for it. */
  timeGuessed: boolean;
}

/** The result of normalising one raw item. */
export type Normalised = { ok: true; candidate: Candidate } | { ok: false; reason: string };

/** Normalises one raw item; `id` is the new item's id (assigned by the caller so links can be resolved). */
export function normaliseRawItem(raw: RawItem, id: string, context: NormaliseContext): Normalised {
  const content = raw.content.trim().slice(0, MAX_CONTENT_CHARS);
  const title = raw.title?.trim().slice(0, MAX_TITLE_CHARS) || null;
  if (content === '' && title === null) return { ok: false, reason: 'empty: no title and no content' };
  const body = content === '' ? (title ?? '') : content;
  const { publishedAt, guessed } = publicationTime(raw, context);
  const text = `${title ?? ''}\n${body}`;
  const analysis = context.analysers
    ? analyzeItem({ title, content: body, language: raw.language ?? null }, context.analysers)
    : null;
  const item: Candidate['item'] = {
    id,
    unitId: context.unitId,
    sourceId: context.sourceId,
    kind: raw.kind,
    platform: raw.platform ?? context.platform,
    url: raw.url ?? null,
    canonicalUrl: raw.url ? canonicalUrl(raw.url) : null,
    externalId: raw.externalId?.trim() || null,
    title,
    content: body,
    normalizedText: analysis?.normalizedText ?? normalizeText(text),
    tokens: analysis?.tokens ?? context.segmenter.tokensForIndex(text),
    author: authorOf(raw.author, context.author),
    sourceRegion: context.sourceRegion,
    ipRegion: raw.ipRegion?.trim() || null,
    language: analysis?.language ?? raw.language ?? detectLanguage(text),
    ...(analysis && analysisFields(analysis, context.now)),
    images: raw.images ?? [],
    contentHash: contentHash({ title, content: body }),
    engagement: raw.engagement ?? {},
    publishedAt,
    collectedAt: context.now,
  };
  return {
    ok: true,
    candidate: {
      item,
      parent: parentOf(raw),
      replyToExternalId: raw.replyToExternalId?.trim() || null,
      timeGuessed: guessed,
    },
  };
}

function analysisFields(analysis: AnalysisResult, now: number): Partial<NewItem> {
  return {
    sentiment: analysis.sentiment,
    sentimentScore: analysis.sentimentScore,
    emotion: analysis.emotion,
    emotionScore: analysis.emotionScore,
    categories: analysis.categories,
    regions: analysis.regions,
    appeal: analysis.appeal,
    appealDepartment: analysis.appealDepartment,
    keywords: analysis.keywords,
    simhash: analysis.simhash,
    analysedAt: now,
  };
}

function publicationTime(raw: RawItem, context: NormaliseContext): { publishedAt: number; guessed: boolean } {
  const parsed =
    raw.publishedAt ??
    (raw.publishedText
      ? parsePublishedTime(raw.publishedText, { now: context.now, timeZone: context.timeZone })
      : null);
  if (parsed === null || !Number.isFinite(parsed)) return { publishedAt: context.now, guessed: true };
  if (parsed > context.now + FUTURE_TOLERANCE_MS) return { publishedAt: context.now, guessed: true };
  return { publishedAt: parsed, guessed: false };
}

function authorOf(name: string | null | undefined, mode: NormaliseContext['author']): string | null {
  const shown = name?.trim();
  if (!shown) return null;
  if (mode.mode === 'plain') return shown;
  return isAuthorHash(shown) ? shown : hashOrNull(shown, mode.key);
}

/** A name that normalises to nothing (only punctuation, say) is stored as no author rather than one shared hash. */
function hashOrNull(name: string, key: string): string | null {
  try {
    return hashAuthor(name, key);
  } catch {
    return null;
  }
}

function parentOf(raw: RawItem): Candidate['parent'] {
  if (!raw.parent) return null;
  const externalId = raw.parent.externalId?.trim() || null;
  const url = raw.parent.url ? canonicalUrl(raw.parent.url) : null;
  return externalId === null && url === null ? null : { externalId, canonicalUrl: url };
}
