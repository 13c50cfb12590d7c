/**
 * Loads the shipped gazetteer (`models/regions/gazetteer.json`) once; the package root is found by walking
 * up from this module, so it works from `src/` under tsx and from `dist/` alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../platform/errors.js';
import { compileGazetteer, type Gazetteer } from './gazetteer.js';
import type { RegionModel } from './model.js';

const MODEL_PATH = join('models', 'regions', 'gazetteer.json');

/** The path of the shipped gazetteer model, found above this module's directory. */
export function defaultGazetteerPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, MODEL_PATH);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir)
      throw new AppError(
        'PARSE_FAILED',
        `regions gazetteer: ${MODEL_PATH} not found above ${fileURLToPath(import.meta.url)}`,
      );
    dir = up;
  }
}

/** Reads and compiles a gazetteer model file (the shipped one by default). */
export function loadGazetteer(path: string = defaultGazetteerPath()): Gazetteer {
  let model: RegionModel;
  try {
    model = JSON.parse(readFileSync(path, 'utf8')) as RegionModel;
  } catch (error) {
    throw new AppError('PARSE_FAILED', `regions gazetteer: cannot read ${path}: ${String(error)}`);
  }
  return compileGazetteer(model);
}
