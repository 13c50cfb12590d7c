/**
 * Reads the configuration once: defaults, then `fengxiang.config.json` (or `--config FILE`), then the
 * environment (`NAME` or, for secrets, `NAME_FILE`). Bad values fail with every problem listed by name and
 * origin; the result is frozen and passed down from the CLI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../platform/errors.js';
import { CONFIG_FIELDS, type ConfigKey } from './fields.js';

/** The typed configuration. */
export type Config = Readonly<{ [K in ConfigKey]: z.output<(typeof CONFIG_FIELDS)[K]['schema']> }>;

/** Where to read from; tests pass their own environment. */
export interface ConfigSources {
  env: Readonly<Record<string, string | undefined>>;
  /** Explicit config file (`--config`); when absent `fengxiang.config.json` in `cwd` is used if present. */
  file?: string;
  cwd: string;
}

type Origin = { value: unknown; from: string };

/** Loads, validates and freezes the configuration. Throws CONFIG_INVALID listing every bad setting. */
export function loadConfig(sources: ConfigSources): Config {
  const fileValues = readConfigFile(sources);
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(CONFIG_FIELDS)) {
    const origin = pickValue(key, field, fileValues, sources.env, problems);
    const parsed = field.schema.safeParse(origin.value);
    if (parsed.success) result[key] = parsed.data;
    else problems.push(`${origin.from}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  problems.push(...crossFieldProblems(result));
  if (problems.length > 0) {
    throw new AppError('CONFIG_INVALID', `invalid configuration:\n  ${problems.join('\n  ')}`, { problems });
  }
  return Object.freeze(result) as Config;
}

/** Rules that involve more than one setting. */
function crossFieldProblems(values: Record<string, unknown>): string[] {
  const key = values['authorHashKey'];
  if (values['authorStorage'] === 'hash' && (typeof key !== 'string' || key.length < 16)) {
    return ['AUTHOR_HASH_KEY: must be at least 16 characters when AUTHOR_STORAGE=hash'];
  }
  return [];
}

function pickValue(
  key: string,
  field: { env: string; default: unknown; secret?: boolean },
  fileValues: Record<string, unknown>,
  env: ConfigSources['env'],
  problems: string[],
): Origin {
  const fileVar = `${field.env}_FILE`;
  if (field.secret && env[fileVar]) {
    const path = env[fileVar];
    try {
      return { value: readFileSync(path, 'utf8').trim(), from: `${fileVar} (${path})` };
    } catch (error) {
      problems.push(`${fileVar}: cannot read ${path}: ${(error as Error).message}`);
      return { value: field.default, from: fileVar };
    }
  }
  const fromEnv = env[field.env];
  if (fromEnv !== undefined && fromEnv !== '')
    return { value: fromEnv, from: `${field.env}=${showValue(fromEnv, field)}` };
  if (key in fileValues) return { value: fileValues[key], from: `config file "${key}"` };
  return { value: field.default, from: `default of ${key}` };
}

function showValue(value: string, field: { secret?: boolean }): string {
  return field.secret ? '[secret]' : JSON.stringify(value);
}

function readConfigFile(sources: ConfigSources): Record<string, unknown> {
  const path = sources.file
    ? resolve(sources.cwd, sources.file)
    : resolve(sources.cwd, 'fengxiang.config.json');
  if (!sources.file && !existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `cannot read config file ${path}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('CONFIG_INVALID', `config file ${path} must hold a JSON object`);
  }
  const unknownKeys = Object.keys(parsed).filter((k) => !(k in CONFIG_FIELDS));
  if (unknownKeys.length > 0) {
    throw new AppError(
      'CONFIG_INVALID',
      `config file ${path} has unknown settings: ${unknownKeys.join(', ')}`,
    );
  }
  return parsed as Record<string, unknown>;
}
