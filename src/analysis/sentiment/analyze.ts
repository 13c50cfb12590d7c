/**
 * analyzeSentiment: polarity (positive / neutral / negative) with a calibrated score, the emotion, and the
 * names of the rules that fired. Chinese text goes through the rule pass and the trained model, then the
 * sarcasm adjustment; Latin-script text without Chinese goes to the English lexicon; anything else is
 * neutral.
 */
import { scanCues } from './cues.js';
import { scoreEnglish } from './english.js';
import {
  EMOTION_LABELS,
  POLARITY_LABELS,
  argmax,
  scoreHeads,
  type Emotion,
  type Polarity,
  type SentimentModel,
} from './model.js';
import { normalizeText } from './normalize.js';
import { findSarcasm } from './sarcasm.js';

/** The sentiment of one text. */
export interface SentimentResult {
  label: Polarity;
  /** Calibrated probability of `label` (0–1). */
  score: number;
  /** Calibrated probabilities of the three labels. */
  probabilities: Record<Polarity, number>;
  emotion: Emotion;
  /** Calibrated probability of `emotion` (0–1); the lexicon's fixed confidence for English. */
  emotionScore: number;
  /** Rules that fired: negation, degree, adversative, concessive, sarcasm:…, language:en, … */
  signals: string[];
}

/** Share of the positive probability that a sarcasm marker moves to negative. */
const SARCASM_SHIFT = 0.8;
/** Confidence reported for the English lexicon's emotion. */
const ENGLISH_EMOTION_SCORE = 0.5;

const NO_WORDS: readonly string[] = [];

/**
 * Analyses the sentiment of `text` with a loaded model. `words` are the text's jieba words
 * (Segmenter.tokens of the same text), which the pipeline already has; without them the text is
 * segmented with the model's segmenter when it was loaded with one, and otherwise scored without word
 * features (less accurate). `normalized`, when the caller has it, is normalizeText (normalize.ts) of
 * `text`, which is then not computed again. Pure; never throws on any string.
 */
export function analyzeSentiment(
  text: string,
  model: SentimentModel,
  words?: readonly string[],
  normalized: string = normalizeText(text),
): SentimentResult {
  const { han, latin } = countScripts(normalized);
  if (han === 0) {
    return latin >= 2 ? english(normalized) : neutral(['fallback:no-chinese-or-english']);
  }
  const scan = scanCues(normalized, model.cues);
  const scores = scoreHeads(normalized, scan, wordsOf(text, model, words), model);
  const signals: string[] = [];
  if (scan.negations > 0) signals.push('negation');
  if (scan.degrees > 0) signals.push('degree');
  if (scan.concessive) signals.push('concessive');
  if (scan.adversativeAt >= 0) signals.push('adversative');
  const sarcasm = findSarcasm(normalized, model.cues);
  if (sarcasm.length > 0) {
    signals.push(...sarcasm);
    shift(scores.polarity, 0, 2);
    shift(scores.emotion, 1, 2);
  }
  return result(scores.polarity, scores.emotion, signals);
}

function wordsOf(
  text: string,
  model: SentimentModel,
  words: readonly string[] | undefined,
): readonly string[] {
  if (words !== undefined) return words;
  if (model.settings.wordWeight === 0 || model.segmenter === undefined) return NO_WORDS;
  return model.segmenter.tokens(text);
}

function shift(probabilities: number[], from: number, to: number): void {
  const moved = (probabilities[from] ?? 0) * SARCASM_SHIFT;
  probabilities[from] = (probabilities[from] ?? 0) - moved;
  probabilities[to] = (probabilities[to] ?? 0) + moved;
}

function result(polarity: readonly number[], emotion: readonly number[], signals: string[]): SentimentResult {
  const p = argmax(polarity);
  const e = argmax(emotion);
  return {
    label: POLARITY_LABELS[p] ?? 'neutral',
    score: polarity[p] ?? 0,
    probabilities: { positive: polarity[0] ?? 0, neutral: polarity[1] ?? 0, negative: polarity[2] ?? 0 },
    emotion: EMOTION_LABELS[e] ?? 'neutral',
    emotionScore: emotion[e] ?? 0,
    signals,
  };
}

function english(text: string): SentimentResult {
  const scored = scoreEnglish(text);
  const emotion = EMOTION_LABELS.map((label) => (label === scored.emotion ? ENGLISH_EMOTION_SCORE : 0.1));
  return result(scored.polarity, emotion, scored.signals);
}

function neutral(signals: string[]): SentimentResult {
  return result([0, 1, 0], [1, 0, 0, 0, 0, 0], signals);
}

/** Han and Latin letter counts; stops at the first Han character (only "any Han?" matters then). */
function countScripts(text: string): { han: number; latin: number } {
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) return { han: 1, latin };
    if (c >= 0x61 && c <= 0x7a) latin++;
  }
  return { han: 0, latin };
}
