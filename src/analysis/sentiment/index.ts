/** Sentiment and emotion: a trained model over hashed n-grams combined with explainable rules. */
export { analyzeSentiment, type SentimentResult } from './analyze.js';
export { loadSentimentModel, defaultSentimentModelDir } from './load.js';
export {
  decodeSentimentModel,
  encodeSentimentModel,
  MODEL_FORMAT,
  type ModelHeader,
  type TrainedModel,
} from './codec.js';
export {
  EMOTION_LABELS,
  POLARITY_LABELS,
  type Emotion,
  type Polarity,
  type SentimentModel,
  type SentimentModelOptions,
  type WordSegmenter,
} from './model.js';
