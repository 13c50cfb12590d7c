/**
 * The lexicon fallback for English (and other Latin-script) text: evaluative words with negation (not,
 * never, n't within three words), intensifiers and `but` (what came before weighs half). Written for
 * Fengxiang; small on purpose.
 */
import type { Emotion } from './model.js';

const list = (text: string): ReadonlySet<string> => new Set(text.split(' '));

const POSITIVE = list(
  'good great excellent amazing awesome wonderful fantastic love loved lovely like liked nice happy glad ' +
    'pleased best perfect helpful friendly clean fast easy recommend recommended thanks thank enjoy enjoyed ' +
    'beautiful brilliant superb fine safe reliable efficient impressive excited delighted proud support',
);
const NEGATIVE = list(
  'bad terrible awful horrible worst poor hate hated dislike angry furious sad disappointed disappointing ' +
    'broken slow dirty rude useless waste scam fraud problem problems fail failed failure ugly annoying ' +
    'unacceptable ridiculous disgusting dangerous unsafe corrupt afraid scared worried upset boring expensive ' +
    'crash crashed complaint complain delay delayed lost lose',
);
const NEGATORS = list(
  "not no never nothing none nobody neither nor without hardly barely isn't wasn't don't doesn't didn't can't couldn't won't wouldn't aren't weren't cannot",
);
const INTENSIFIERS = list('very really extremely so too incredibly totally absolutely super highly');
const EMOTIONS: readonly [Emotion, ReadonlySet<string>][] = [
  ['angry', list('angry furious outraged hate hated disgusting ridiculous scam fraud unacceptable rude')],
  ['sad', list('sad cry crying heartbroken tragic depressed miss lost grief sorry')],
  ['fear', list('afraid scared fear terrified worried panic anxious dangerous unsafe')],
  ['surprise', list('surprised shocked unbelievable wow unexpected astonished')],
  ['happy', list('happy glad love loved delighted excited enjoy enjoyed great wonderful thanks proud')],
];

const WORD = /[a-z]+(?:'[a-z]+)?/gu;
const NEGATION_WINDOW = 3;

/** What the English scorer found. */
export interface EnglishScore {
  /** Probabilities in POLARITY_LABELS order (positive, neutral, negative). */
  polarity: [number, number, number];
  emotion: Emotion;
  signals: string[];
}

/** Scores lower-cased Latin-script text with the English lexicon. */
export function scoreEnglish(text: string): EnglishScore {
  let positive = 0;
  let negative = 0;
  let negatedAt = -Infinity;
  let intensified = -Infinity;
  let index = 0;
  let negations = 0;
  let degrees = 0;
  let adversative = false;
  const emotionHits = new Map<Emotion, number>();
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (word === 'but' || word === 'however') {
      positive *= 0.5;
      negative *= 0.5;
      adversative = true;
    } else if (NEGATORS.has(word) || word.endsWith("n't")) {
      negatedAt = index;
    } else if (INTENSIFIERS.has(word)) {
      intensified = index;
    } else {
      const polarity = POSITIVE.has(word) ? 1 : NEGATIVE.has(word) ? -1 : 0;
      const negated = index - negatedAt <= NEGATION_WINDOW;
      if (polarity !== 0) {
        let weight = index - intensified <= 1 ? 1.5 : 1;
        if (weight > 1) degrees++;
        let sign = polarity;
        if (negated) {
          sign = -sign;
          weight *= 0.8;
          negations++;
        }
        if (sign > 0) positive += weight;
        else negative += weight;
      }
      if (!negated) countEmotion(word, emotionHits);
    }
    index++;
  }
  const net = positive - negative;
  const neutral = Math.exp(-2 * Math.abs(net));
  const s = Math.tanh(net / 2);
  const polarity: [number, number, number] = [
    ((1 + s) / 2) * (1 - neutral),
    neutral,
    ((1 - s) / 2) * (1 - neutral),
  ];
  const signals = ['language:en'];
  if (negations > 0) signals.push('negation');
  if (degrees > 0) signals.push('degree');
  if (adversative) signals.push('adversative');
  return { polarity, emotion: pickEmotion(emotionHits, net), signals };
}

function countEmotion(word: string, hits: Map<Emotion, number>): void {
  for (const [emotion, words] of EMOTIONS) {
    if (words.has(word)) hits.set(emotion, (hits.get(emotion) ?? 0) + 1);
  }
}

function pickEmotion(hits: ReadonlyMap<Emotion, number>, net: number): Emotion {
  let best: Emotion | null = null;
  let bestCount = 0;
  for (const [emotion, count] of hits) {
    if (count > bestCount) {
      best = emotion;
      bestCount = count;
    }
  }
  if (best !== null) return best;
  if (net >= 1) return 'happy';
  if (net <= -1) return 'angry';
  return 'neutral';
}
