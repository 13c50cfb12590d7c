/**
 * Loads every analysis model once (sentiment weights, the region gazetteer, the category taxonomy, the
 * appeal lexicon, the IDF table) and binds the analysers to them. This is the only part of analysis that
 * reads files; it runs at process start, in the composition root, and the analysers it returns are pure.
 */
import { appealVerdictOfFound, loadAppealModel } from '../appeal/index.js';
import { categorizeFound, loadBuiltInTaxonomy } from '../categories/index.js';
import { compareTexts, hammingDistance, simhashOfNormalized } from '../dedup/index.js';
import { extractKeywords, loadIdfModel } from '../keywords/index.js';
import { extractRegionsFromMatches, loadGazetteer, placeNamesOf } from '../regions/index.js';
import type { Segmenter } from '../segment/segmenter.js';
import { analyzeSentiment, loadSentimentModel } from '../sentiment/index.js';
import type { Emotion } from '../../domain/entities.js';
import type { Analysers } from './analyze.js';
import { buildLexiconScanner, scanLexicons } from './lexicon-scan.js';

/** Keywords kept per item. */
export const KEYWORDS_PER_ITEM = 8;
/** SimHashes more than this many bits apart are never compared in full. */
export const NEAR_DUPLICATE_MAX_DISTANCE = 3;

/** The sentiment model's emotion names in the domain's vocabulary. */
const EMOTION_NAMES: Readonly<Record<string, Emotion>> = {
  happy: 'joy',
  angry: 'anger',
  sad: 'sadness',
  fear: 'fear',
  surprise: 'surprise',
  neutral: 'neutral',
};

/** Loads the shipped models and returns the analysers bound to them (and to `segmenter`). */
export function loadAnalysers(segmenter: Segmenter): Analysers {
  const sentimentModel = loadSentimentModel(undefined, { segmenter });
  const gazetteer = loadGazetteer();
  const taxonomy = loadBuiltInTaxonomy();
  const appealModel = loadAppealModel();
  const idf = loadIdfModel();
  const lexicons = buildLexiconScanner(gazetteer, taxonomy, appealModel);
  const findPlaces = (text: string): string[] => placeNamesOf(text, gazetteer);
  return {
    segmenter,
    sentiment(text, _language, words, plain) {
      const result = analyzeSentiment(text, sentimentModel, words, plain);
      return {
        label: result.label,
        score: result.score,
        emotion: EMOTION_NAMES[result.emotion] ?? 'neutral',
        emotionScore: result.emotionScore,
      };
    },
    lexicons: (normalized) => scanLexicons(lexicons, normalized),
    categories: (normalized, tokens, found) =>
      categorizeFound(normalized, found.categories, tokens, taxonomy),
    regions: (normalized, found) => extractRegionsFromMatches(normalized, found.regions, gazetteer),
    appeal: (normalized, found) => appealVerdictOfFound(normalized, found.appeal, appealModel),
    keywords: (tokens) => extractKeywords(tokens, idf, KEYWORDS_PER_ITEM),
    simhash: (text, normalized) => simhashOfNormalized(text, normalized),
    duplicates: {
      distance: hammingDistance,
      isDuplicate: (a, b) => compareTexts(a, b, { findPlaces }).duplicate,
      maxDistance: NEAR_DUPLICATE_MAX_DISTANCE,
    },
  };
}
