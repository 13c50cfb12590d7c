/**
 * Full analysis of one item (DESIGN.md §5): normalise and segment once, then sentiment and emotion,
 * categories, regions (属地), appeal, keywords and SimHash over the same normalised text and tokens, the
 * place names and category and appeal terms found in one shared scan (lexicon-scan.ts). This is the hot
 * path of import and collection (docs/benchmarks.md, `analyze`), so no analyser normalises or segments
 * again. Pure: the analysers and their loaded models come in as {@link Analysers}; nothing here reads
 * files or the clock.
 */
import type { Emotion, RegionRef, SentimentLabel } from '../../domain/entities.js';
import { detectLanguage } from '../language/index.js';
import type { Segmenter } from '../segment/segmenter.js';
import type { LexiconMatches } from './lexicon-scan.js';

/** What is analysed: an item's title and text (and its language when the platform says). */
export interface AnalysisInput {
  title?: string | null;
  content: string;
  language?: string | null;
}

/** Sentiment with its emotion, as the sentiment analyser answers. */
export interface SentimentReading {
  label: SentimentLabel;
  score: number;
  emotion: Emotion;
  emotionScore: number;
}

/** The near-duplicate comparison (SimHash distance, then the full text decision). */
export interface NearDuplicateCheck {
  /** Bits that differ between two 16-hex-digit SimHashes. */
  distance(a: string, b: string): number;
  /** The full decision on two texts (robust to repost prefixes, not fooled by templates). */
  isDuplicate(a: string, b: string): boolean;
  /** SimHashes further apart than this are never compared in full. */
  maxDistance: number;
}

/**
 * The analysers, each bound to its loaded model. `normalized` is always normalizeText of the item's text
 * and `tokens` its precise tokens, both from the one segmentation {@link analyzeItem} does, so no analyser
 * normalises or segments again.
 */
export interface Analysers {
  duplicates: NearDuplicateCheck;
  segmenter: Segmenter;
  /**
   * `plain`, when given, is the text's plain normal form (what Segmenter.segment says is `plain`): the
   * sentiment model's own normalisation of `text`, so it is not computed again.
   */
  sentiment(text: string, language: string, words: readonly string[], plain?: string): SentimentReading;
  /** Finds the words of the region, category and appeal lexicons in one pass (see lexicon-scan.ts). */
  lexicons(normalized: string): LexiconMatches;
  categories(normalized: string, tokens: readonly string[], found: LexiconMatches): string[];
  regions(normalized: string, found: LexiconMatches): RegionRef[];
  appeal(normalized: string, found: LexiconMatches): { appeal: boolean; department: string | null };
  keywords(tokens: readonly string[]): string[];
  /** The SimHash of the text (`text` for its line structure, `normalized` to save normalising it again). */
  simhash(text: string, normalized: string): string;
}

/** Everything analysis stores on an item. */
export interface AnalysisResult {
  language: string;
  sentiment: SentimentLabel;
  sentimentScore: number;
  emotion: Emotion;
  emotionScore: number;
  categories: string[];
  regions: RegionRef[];
  appeal: boolean;
  appealDepartment: string | null;
  keywords: string[];
  simhash: string;
  normalizedText: string;
  /** Space-joined search tokens (the index input). */
  tokens: string;
}

/** Analyses one item. */
export function analyzeItem(input: AnalysisInput, analysers: Analysers): AnalysisResult {
  const text = input.title ? `${input.title}\n${input.content}` : input.content;
  const { normalized: normalizedText, tokens: words, index, plain } = analysers.segmenter.segment(text);
  const language = input.language ?? detectLanguage(text);
  const sentiment = analysers.sentiment(text, language, words, plain ? normalizedText : undefined);
  const found = analysers.lexicons(normalizedText);
  const appeal = analysers.appeal(normalizedText, found);
  return {
    language,
    sentiment: sentiment.label,
    sentimentScore: sentiment.score,
    emotion: sentiment.emotion,
    emotionScore: sentiment.emotionScore,
    categories: analysers.categories(normalizedText, words, found),
    regions: analysers.regions(normalizedText, found),
    appeal: appeal.appeal,
    appealDepartment: appeal.department,
    keywords: analysers.keywords(words),
    simhash: analysers.simhash(text, normalizedText),
    normalizedText,
    tokens: index,
  };
}
