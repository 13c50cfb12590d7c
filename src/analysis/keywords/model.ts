/**
 * The IDF table keywords are weighed with (models/idf/idf.json, built by scripts/build-idf.ts) and the
 * stop words they leave out (models/idf/stopwords.txt). Parsing is pure; reading the files is load.ts.
 */
import { AppError } from '../../platform/errors.js';

/** A loaded IDF table with its stop words. */
export interface IdfModel {
  /** Inverse document frequency of each known word. */
  idf: ReadonlyMap<string, number>;
  /** The IDF of a word the table does not know (as rare as the rarest word kept). */
  unknownIdf: number;
  /** Words that are never keywords. */
  stopWords: ReadonlySet<string>;
}

/** The shape of idf.json: words grouped by quantised IDF to keep the file small. */
export interface IdfFile {
  format: 1;
  /** Documents the table was counted over. */
  documents: number;
  /** IDF = bucket × step. */
  step: number;
  /** The bucket of unknown words. */
  unknown: number;
  /** Bucket (as a decimal string) → the words in it, separated by single spaces. */
  buckets: Record<string, string>;
}

function invalid(what: string, where: string): AppError {
  return new AppError('CONFIG_INVALID', `IDF model ${where}: ${what}`, { where });
}

function isIdfFile(value: unknown): value is IdfFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    file['format'] === 1 &&
    typeof file['documents'] === 'number' &&
    typeof file['step'] === 'number' &&
    typeof file['unknown'] === 'number' &&
    typeof file['buckets'] === 'object' &&
    file['buckets'] !== null
  );
}

/** Builds the model from the parsed idf.json and the text of stopwords.txt (`#` lines are comments). */
export function idfModelFrom(file: unknown, stopWordsText: string, where: string = 'idf.json'): IdfModel {
  if (!isIdfFile(file)) throw invalid('not a format-1 IDF table', where);
  const idf = new Map<string, number>();
  for (const [bucket, words] of Object.entries(file.buckets)) {
    const value = Number(bucket) * file.step;
    if (!Number.isFinite(value) || typeof words !== 'string') throw invalid(`bad bucket "${bucket}"`, where);
    for (const word of words.split(' ')) if (word !== '') idf.set(word, value);
  }
  const stopWords = new Set(
    stopWordsText
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return { idf, unknownIdf: file.unknown * file.step, stopWords };
}
