/**
 * Command-line flags of `npm run bench`:
 * `--items N` (corpus size: default 1,000,000 for search, 100,000 for inserts), `--only NAME`,
 * `--postgres URL` (default FENGXIANG_BENCH_POSTGRES_URL or FENGXIANG_TEST_POSTGRES_URL), `--seed S`,
 * `--queries N` (per query class), `--fresh` (rebuild the cached search database), `--no-write` (print only, leave docs/benchmarks.md alone).
 */
import { parseArgs } from 'node:util';
import { AppError } from '../src/platform/errors.js';

/** The parsed flags. */
export interface BenchOptions {
  /** Corpus size for every benchmark, or null for each one's default. */
  items: number | null;
  only: string | null;
  postgresUrl: string | null;
  seed: number;
  queries: number;
  write: boolean;
  /** Rebuild cached databases even when a cached copy exists. */
  fresh: boolean;
}

function positiveInteger(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value <= 0) {
    throw new AppError('VALIDATION_FAILED', `--${flag} must be a positive integer (got "${text}")`, { flag });
  }
  return value;
}

/** Parses `argv` (without node and script) with `env` for the PostgreSQL default. */
export function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      items: { type: 'string' },
      only: { type: 'string' },
      postgres: { type: 'string' },
      seed: { type: 'string' },
      queries: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
    },
    strict: true,
  });
  return {
    items: values.items === undefined ? null : positiveInteger('items', values.items, 0),
    only: values.only ?? null,
    postgresUrl:
      values.postgres ?? env['FENGXIANG_BENCH_POSTGRES_URL'] ?? env['FENGXIANG_TEST_POSTGRES_URL'] ?? null,
    seed: positiveInteger('seed', values.seed, 20250701),
    queries: positiveInteger('queries', values.queries, 300),
    write: !values['no-write'],
    fresh: values.fresh,
  };
}
