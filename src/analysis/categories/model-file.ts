/**
 * Reading shipped model files (models/<name>/<file>) at start-up. The package root is found by walking up
 * from this module until a package.json appears, so the same code works from src/ (tsx) and dist/.
 * Only loaders call this; the analysers themselves take the loaded model as an argument.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../platform/errors.js';

function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) {
      throw new AppError('CONFIG_INVALID', `no package.json above ${fileURLToPath(import.meta.url)}`);
    }
    directory = parent;
  }
}

/** The parsed JSON of models/<model>/<file>; a missing or malformed file is CONFIG_INVALID naming the path. */
export function readModelJson(model: string, file: string): unknown {
  const path = join(packageRoot(), 'models', model, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `model file ${path} cannot be read: ${String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `model file ${path} is not valid JSON: ${String(error)}`);
  }
}
