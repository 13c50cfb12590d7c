/** Regions (属地): province / city / county from text and from IP location labels (DESIGN.md §5). */
export { extractRegions, extractRegionsFromMatches } from './extract.js';
export { buildAutomaton, nextState, scanAutomaton, type Automaton } from './automaton.js';
export { placeNamesOf } from './place-names.js';
export { regionOfIpLocation } from './ip-location.js';
export { compileGazetteer, type Gazetteer } from './gazetteer.js';
export { loadGazetteer, defaultGazetteerPath } from './load.js';
export {
  ALIAS_FLAGS,
  REGION_MODEL_VERSION,
  type RegionModel,
  type ModelAlias,
  type ModelPlace,
  type PlaceLevel,
} from './model.js';
