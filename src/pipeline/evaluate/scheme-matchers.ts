/**
 * Compiled scheme matchers per unit, reused across batches. Compiling a thousand schemes takes milliseconds,
 * so a unit's matcher is rebuilt only when its enabled schemes change; the check for a change (one listing of
 * the unit's enabled schemes) runs at most once per `recheckMs`, so a busy stream of small batches costs one
 * query per interval, not one per batch. A scheme edit is therefore picked up within `recheckMs`.
 */
import { compileSchemes, type SchemeMatcher } from '../../analysis/schemes/index.js';
import type { Scheme } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Storage } from '../../storage/repositories.js';
import { enabledSchemes } from '../spikes/load.js';

/** A unit's enabled schemes and their compiled matcher. */
export interface UnitSchemes {
  schemes: ReadonlyMap<string, Scheme>;
  matcher: SchemeMatcher;
}

/** Hands out the compiled matcher of a unit. */
export interface SchemeMatcherCache {
  forUnit(unitId: string): Promise<UnitSchemes>;
}

interface Entry {
  signature: string;
  checkedAt: number;
  value: UnitSchemes;
}

function signatureOf(schemes: readonly Scheme[]): string {
  return schemes.map((scheme) => `${scheme.id}@${scheme.updatedAt}`).join(',');
}

/**
 * Compiles the unit's schemes; a scheme whose stored expression no longer parses is left out (it was
 * validated when saved, so this only happens after a language change) rather than silencing the others.
 */
function compileUnit(
  schemes: readonly Scheme[],
  onInvalid: (scheme: Scheme, error: unknown) => void,
): UnitSchemes {
  const valid: Scheme[] = [];
  for (const scheme of schemes) {
    try {
      compileSchemes([{ id: scheme.id, expression: scheme.expression, target: scheme.target }]);
      valid.push(scheme);
    } catch (error) {
      onInvalid(scheme, error);
    }
  }
  return {
    schemes: new Map(valid.map((scheme) => [scheme.id, scheme])),
    matcher: compileSchemes(valid.map((s) => ({ id: s.id, expression: s.expression, target: s.target }))),
  };
}

/** A cache that rechecks each unit's schemes at most once per `recheckMs`. */
export function createSchemeMatcherCache(options: {
  storage: Pick<Storage, 'schemes'>;
  clock: Clock;
  recheckMs: number;
  onInvalidScheme?: (scheme: Scheme, error: unknown) => void;
}): SchemeMatcherCache {
  const entries = new Map<string, Entry>();
  const onInvalid = options.onInvalidScheme ?? (() => undefined);
  return {
    async forUnit(unitId) {
      const now = options.clock.now();
      const cached = entries.get(unitId);
      if (cached && now - cached.checkedAt < options.recheckMs) return cached.value;
      const schemes = await enabledSchemes(options.storage, unitId);
      const signature = signatureOf(schemes);
      if (cached && cached.signature === signature) {
        cached.checkedAt = now;
        return cached.value;
      }
      const value = compileUnit(schemes, onInvalid);
      entries.set(unitId, { signature, checkedAt: now, value });
      return value;
    },
  };
}
