/**
 * The shipped gazetteer file (`models/regions/gazetteer.json`, built by `scripts/build-regions.ts`): every
 * province, city and county with its code and parent, and every surface form that names one of them.
 */

/** Administrative level of a place: 0 province, 1 city (地级), 2 county (县级). */
export type PlaceLevel = 0 | 1 | 2;

/** One place: code, official full name, index of the parent place (-1 for provinces), level. */
export type ModelPlace = [code: string, name: string, parent: number, level: PlaceLevel];

/** One surface form: the text, the places it may name (indexes into `places`) and {@link ALIAS_FLAGS}. */
export type ModelAlias = [surface: string, places: number[], flags: number];

/** The gazetteer file as shipped. */
export interface RegionModel {
  version: 1;
  /** Where the places and names came from. */
  source: string;
  places: ModelPlace[];
  aliases: ModelAlias[];
}

/** Bits of an alias's flags. */
export const ALIAS_FLAGS = {
  /** A common word or person's name too: counts only when the text also names a place above or beside it. */
  WEAK: 1,
  /** Names all its places together (京津冀), rather than one of them. */
  ALL: 2,
  /** A look-alike (中山装, 兰州拉面): covers the text and names nothing. */
  BLOCK: 4,
  /** An abbreviation in a compound (沪上, 赴京): loses to an overlapping place name of the same length. */
  COMPOUND: 8,
  /** A short name without its suffix (苏州, 昆山): rejected when a street suffix follows (南京路). */
  SHORT: 16,
} as const;

/** The version of the gazetteer format this code reads. */
export const REGION_MODEL_VERSION = 1;
