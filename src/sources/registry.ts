/**
 * The source kinds that fetch on a schedule, by kind. Imports and pushes arrive from outside and have no
 * collect step. The registry validates a source's config against its kind's schema, so a bad config is
 * refused with the path of the bad field when the source is saved, not at 3 a.m. when it is first fetched.
 */
import type { z } from 'zod';
import type { SourceKind } from '../domain/entities.js';
import { AppError } from '../platform/errors.js';
import { commentsKind } from './comments/index.js';
import { feedKind } from './feed/index.js';
import { hotlistKind } from './hotlist/index.js';
import { jsonKind } from './json/index.js';
import { pageKind } from './page/index.js';
import type { SourceKindAdapter } from './types.js';

/** Kinds that arrive from outside instead of being fetched. */
export const PASSIVE_KINDS: readonly SourceKind[] = ['import', 'push'];

/** An adapter with its config type erased, as the registry hands it out. */
export type AnyKindAdapter = SourceKindAdapter<unknown>;

/** Looks up adapters by kind. */
export interface SourceKindRegistry {
  get(kind: SourceKind): AnyKindAdapter | null;
  /** Validates a config for a kind; passive kinds accept any object. Throws SOURCE_CONFIG_INVALID. */
  validateConfig(kind: SourceKind, config: unknown): unknown;
}

/** The built-in kinds. */
export function builtInKinds(): SourceKindRegistry {
  return createRegistry([
    feedKind as AnyKindAdapter,
    pageKind as AnyKindAdapter,
    jsonKind as AnyKindAdapter,
    commentsKind as AnyKindAdapter,
    hotlistKind as AnyKindAdapter,
  ]);
}

/** A registry over `adapters` (tests register their own). */
export function createRegistry(adapters: readonly AnyKindAdapter[]): SourceKindRegistry {
  const byKind = new Map(adapters.map((adapter) => [adapter.kind, adapter]));
  return {
    get: (kind) => byKind.get(kind) ?? null,
    validateConfig(kind, config) {
      const adapter = byKind.get(kind);
      if (!adapter) {
        if (PASSIVE_KINDS.includes(kind)) return config ?? {};
        throw new AppError('SOURCE_CONFIG_INVALID', `no collector for source kind "${kind}"`, { kind });
      }
      return parseConfig(adapter.configSchema, config, kind);
    },
  };
}

function parseConfig(schema: z.ZodType, config: unknown, kind: SourceKind): unknown {
  const parsed = schema.safeParse(config ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(config)';
    return `${path}: ${issue.message}`;
  });
  throw new AppError('SOURCE_CONFIG_INVALID', `invalid ${kind} source config: ${problems.join('; ')}`, {
    kind,
    problems,
  });
}
