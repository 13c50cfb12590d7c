/**
 * The review head: a binary positive/negative head trained on the review sets only (ChnSentiCorp,
 * online-shopping, waimai), folded into the polarity head after training. Its weights are added,
 * times `weight / 2`, to the positive column and taken from the negative one, so the shipped model
 * keeps one polarity head (inference is unchanged) while its positive-vs-negative margin is an
 * ensemble of the all-data head and the in-domain one. The neutral column is left as it was.
 */
import type { Example } from './data.js';
import type { HeadSpec, TrainedHead } from './sgd.js';

/** The sources the review head learns from. */
export const REVIEW_SOURCES: ReadonlySet<string> = new Set([
  'chnsenticorp',
  'online-shopping',
  'online-shopping-csc',
  'waimai',
  'corrections',
]);

const POSITIVE = 0;
const NEGATIVE = 2;

/** The review head's spec: class 0 positive, 1 negative; every other example is left out. */
export const REVIEW_SPEC: HeadSpec = {
  classes: 2,
  labelOf: (example: Example) => {
    if (!REVIEW_SOURCES.has(example.source)) return null;
    if (example.polarity === POSITIVE) return 0;
    return example.polarity === NEGATIVE ? 1 : null;
  },
  wordsOnly: false,
};

/** A copy of the 3-class `polarity` head with the 2-class `review` head folded in at `weight`. */
export function foldReviewHead(polarity: TrainedHead, review: TrainedHead, weight: number): TrainedHead {
  const weights = Float32Array.from(polarity.weights);
  const rows = weights.length / polarity.classes;
  for (let row = 0; row < rows; row++) {
    const margin = ((review.weights[row * 2] ?? 0) - (review.weights[row * 2 + 1] ?? 0)) * (weight / 2);
    const at = row * polarity.classes;
    weights[at + POSITIVE] = (weights[at + POSITIVE] ?? 0) + margin;
    weights[at + NEGATIVE] = (weights[at + NEGATIVE] ?? 0) - margin;
  }
  return { classes: polarity.classes, weights };
}
