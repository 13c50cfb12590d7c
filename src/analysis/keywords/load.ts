/**
 * Reads the shipped IDF model once (models/idf/ at the package root). Call it at start-up and pass the
 * model down; the keyword functions themselves never read files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../platform/errors.js';
import { idfModelFrom, type IdfModel } from './model.js';

/** models/idf/ of this package: three levels up from src/analysis/keywords/ (and from dist/analysis/keywords/). */
function modelDirectory(): URL {
  return new URL('../../../models/idf/', import.meta.url);
}

/** Loads models/idf/idf.json and models/idf/stopwords.txt (about 0.1 s). */
export function loadIdfModel(directory: URL = modelDirectory()): IdfModel {
  const tablePath = fileURLToPath(new URL('idf.json', directory));
  const stopPath = fileURLToPath(new URL('stopwords.txt', directory));
  let table: unknown;
  let stopWords: string;
  try {
    table = JSON.parse(readFileSync(tablePath, 'utf8')) as unknown;
    stopWords = readFileSync(stopPath, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('CONFIG_INVALID', `IDF model in ${fileURLToPath(directory)} unreadable: ${reason}`);
  }
  return idfModelFrom(table, stopWords, tablePath);
}
