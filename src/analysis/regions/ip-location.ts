/**
 * regionOfIpLocation: the province (or municipality) of an IP location label as platforms print it
 * (`IP属地：广东`, `江苏`, `北京`); foreign or unknown labels (`美国`, `未知`) give null.
 */
import type { RegionRef } from '../../domain/index.js';
import { extractRegions } from './extract.js';
import type { Gazetteer } from './gazetteer.js';

const LABEL_PREFIX = /^\s*(?:ip\s*属地|ip\s*归属地|发布于)\s*[:：]?\s*/iu;

/** The region of an IP location label, at the level the label gives (usually the province), or null. */
export function regionOfIpLocation(label: string, gazetteer: Gazetteer): RegionRef | null {
  const name = label.replace(LABEL_PREFIX, '').trim();
  if (name === '') return null;
  const alias = gazetteer.aliasBySurface.get(name);
  if (alias !== undefined) {
    for (const place of gazetteer.aliasPlaces[alias] ?? []) {
      const ref = gazetteer.refs[place];
      if (ref !== undefined && (gazetteer.level[place] === 0 || ref.city === ref.province)) return ref;
    }
  }
  return extractRegions(name, gazetteer)[0] ?? null;
}
