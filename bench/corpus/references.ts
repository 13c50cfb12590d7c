/**
 * The corpus names its units and sources by keys (`unit:0`, `source:s-weibo`). Before items go into a
 * database, the units and sources are created there and every item's keys are replaced by real ids.
 */
import type { SourceKind } from '../../src/domain/index.js';
import type { NewItem, Storage } from '../../src/storage/repositories.js';
import { sourceKey, unitKey } from './generate.js';
import { SOURCES, UNITS } from './words/vocabulary.js';

/** Corpus key → database id, for units and sources. */
export type ReferenceMap = ReadonlyMap<string, string>;

const KIND_OF_SOURCE: Record<string, SourceKind> = { article: 'feed', post: 'json', message: 'page' };

/** Creates the corpus's units (the first is the root, the rest below it) and sources in `storage`. */
export async function createReferences(storage: Pick<Storage, 'units' | 'sources'>): Promise<ReferenceMap> {
  const map = new Map<string, string>();
  const root = await storage.units.create({ name: UNITS[0], parentId: null });
  map.set(unitKey(0), root.id);
  for (let i = 1; i < UNITS.length; i++) {
    const unit = await storage.units.create({ name: UNITS[i] ?? `unit ${i}`, parentId: root.id });
    map.set(unitKey(i), unit.id);
  }
  for (const source of SOURCES) {
    const created = await storage.sources.create({
      unitId: root.id,
      name: source.name,
      kind: KIND_OF_SOURCE[source.itemKind] ?? 'json',
      platform: source.platform,
      tier: source.tier,
    });
    map.set(sourceKey(source.key), created.id);
  }
  return map;
}

/** Fixed ids for databases the bench fills without the repositories (the raw baselines). */
export function syntheticReferences(): ReferenceMap {
  const map = new Map<string, string>();
  UNITS.forEach((_, i) => map.set(unitKey(i), `u${i.toString().padStart(27, '0')}`));
  for (const source of SOURCES) map.set(sourceKey(source.key), `s-${source.key.padEnd(26, '0')}`);
  return map;
}

/** The item with its unit and source keys replaced by the ids of `references`. */
export function resolveItem(item: NewItem, references: ReferenceMap): NewItem {
  const unitId = references.get(item.unitId);
  if (unitId === undefined)
    throw new Error(`corpus item ${item.id ?? '?'} names unknown unit ${item.unitId}`);
  const sourceId = item.sourceId ? (references.get(item.sourceId) ?? null) : null;
  return { ...item, unitId, sourceId };
}
