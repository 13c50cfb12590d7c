/** Heat (热度), see docs/heat.md. */
export {
  HEAT_PARAMS,
  HEAT_VERSION,
  heatEngagement,
  heatLog,
  heatScore,
  rawHeat,
  referenceOf,
  type HeatItem,
  type HeatParams,
  type HeatReference,
  type HeatTerms,
} from './formula.js';
