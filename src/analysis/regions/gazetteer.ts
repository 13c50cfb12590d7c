/**
 * The compiled gazetteer: places with their ready-made {@link RegionRef}s, alias data aligned with the
 * patterns of one Aho–Corasick automaton. Compile the shipped model once and pass it down.
 */
import type { RegionRef } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { buildAutomaton, type Automaton } from './automaton.js';
import { REGION_MODEL_VERSION, type PlaceLevel, type RegionModel } from './model.js';

/** What {@link extractRegions} needs; built by {@link compileGazetteer}. */
export interface Gazetteer {
  readonly automaton: Automaton;
  /** The surface form of each alias (pattern index), for scanners that find them with other words. */
  readonly surfaces: readonly string[];
  /** Candidate places of each alias (pattern index). */
  readonly aliasPlaces: readonly (readonly number[])[];
  /** Flags of each alias (pattern index), see ALIAS_FLAGS. */
  readonly aliasFlags: Uint8Array;
  /** Pattern index of each surface form. */
  readonly aliasBySurface: ReadonlyMap<string, number>;
  /** Parent place of each place, -1 for provinces. */
  readonly parent: Int32Array;
  /** Level of each place. */
  readonly level: readonly PlaceLevel[];
  /** Administrative code of each place. */
  readonly code: readonly string[];
  /** The frozen region reference of each place. */
  readonly refs: readonly RegionRef[];
}

function refOf(model: RegionModel, index: number): RegionRef {
  const names: [string | null, string | null, string | null] = [null, null, null];
  let at = index;
  while (at >= 0) {
    const place = model.places[at];
    if (place === undefined) break;
    names[place[3]] = place[1];
    at = place[2];
  }
  return Object.freeze({ province: names[0], city: names[1], county: names[2] });
}

function checkModel(model: RegionModel): void {
  if (
    model.version !== REGION_MODEL_VERSION ||
    !Array.isArray(model.places) ||
    !Array.isArray(model.aliases)
  ) {
    throw new AppError(
      'PARSE_FAILED',
      `regions gazetteer: expected format version ${REGION_MODEL_VERSION} with places and aliases, got version ${String(model.version)}`,
    );
  }
  const count = model.places.length;
  for (const [surface, places] of model.aliases) {
    if (places.some((p) => p < 0 || p >= count)) {
      throw new AppError('PARSE_FAILED', `regions gazetteer: alias ${surface} names a place out of range`);
    }
  }
}

/** Compiles a loaded gazetteer model (about 20 ms); throws PARSE_FAILED when the model is malformed. */
export function compileGazetteer(model: RegionModel): Gazetteer {
  checkModel(model);
  const surfaces = model.aliases.map(([surface]) => surface);
  return {
    automaton: buildAutomaton(surfaces),
    surfaces,
    aliasPlaces: model.aliases.map(([, places]) => places),
    aliasFlags: Uint8Array.from(model.aliases, ([, , flags]) => flags),
    aliasBySurface: new Map(surfaces.map((surface, index) => [surface, index])),
    parent: Int32Array.from(model.places, ([, , parent]) => parent),
    level: model.places.map(([, , , level]) => level),
    code: model.places.map(([code]) => code),
    refs: model.places.map((_, index) => refOf(model, index)),
  };
}
