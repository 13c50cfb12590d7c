/**
 * Loads the shipped domain dictionary (models/segment/domain.dict, see its README) once at start-up. The
 * package root is found by walking up from this module to package.json, so the same code runs from src/
 * and dist/. The segmenter itself never reads files: the composition root passes these words to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../platform/errors.js';
import { parseDictionary, type DictionaryWord } from './dictionary.js';

function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) {
      throw new AppError('CONFIG_INVALID', `no package.json above ${fileURLToPath(import.meta.url)}`);
    }
    directory = parent;
  }
  return directory;
}

/** The path of the shipped domain dictionary. */
export function domainDictionaryPath(): string {
  return join(packageRoot(), 'models', 'segment', 'domain.dict');
}

/** The words of the shipped domain dictionary. A missing or malformed file is CONFIG_INVALID naming it. */
export function readDomainDictionary(path: string = domainDictionaryPath()): DictionaryWord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `domain dictionary ${path} cannot be read: ${String(error)}`, {
      path,
    });
  }
  return parseDictionary(text, path);
}
