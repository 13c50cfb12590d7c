/** Loads the appeal lexicon from models/appeal/lexicon.json (once, at start-up). */
import { readModelJson } from '../categories/model-file.js';
import { compileAppealModel, parseAppealLexicon, type AppealModel } from './lexicon.js';

/** Reads, validates and compiles the shipped appeal lexicon. Call once and pass the result down. */
export function loadAppealModel(): AppealModel {
  return compileAppealModel(parseAppealLexicon(readModelJson('appeal', 'lexicon.json'), 'lexicon.json'));
}
