/**
 * Loads the shipped sentiment model (models/sentiment/model.json + weights.bin) once, at start-up. The
 * package root is found from this module's location, so it works from src/ (tsx) and from dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../platform/errors.js';
import { decodeSentimentModel } from './codec.js';
import type { SentimentModel, SentimentModelOptions } from './model.js';

/** The folder of the shipped model, found by walking up to the package root. */
export function defaultSentimentModelDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'models', 'sentiment');
    const parent = dirname(dir);
    if (parent === dir)
      throw new AppError('INTERNAL', 'sentiment model: package root (package.json) not found');
    dir = parent;
  }
}

/**
 * Reads and decodes the sentiment model from `dir` (default: the shipped one). Pass a segmenter in
 * `options` so that texts analysed without their words are segmented (see SentimentModelOptions).
 */
export function loadSentimentModel(
  dir: string = defaultSentimentModelDir(),
  options: SentimentModelOptions = {},
): SentimentModel {
  const headerPath = join(dir, 'model.json');
  const weightsPath = join(dir, 'weights.bin');
  if (!existsSync(headerPath) || !existsSync(weightsPath)) {
    throw new AppError('INTERNAL', `sentiment model not found: ${headerPath} and ${weightsPath} are needed`);
  }
  return decodeSentimentModel(readFileSync(headerPath, 'utf8'), readFileSync(weightsPath), dir, options);
}
