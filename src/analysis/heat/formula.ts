/**
 * Heat (热度), version heat-1 (docs/heat.md): how loud an event is now, against the unit's own history.
 *
 *   weight_i   = authority_i × (1 + α·ln(1 + engagement_i))
 *   decay_i    = 2^(−age_i / halfLife)
 *   volume     = Σ weight_i × decay_i
 *   velocity   = exp(β × clamp(ln((recent + 1) / (earlier + 1)), −2, 2))
 *   raw        = volume × velocity
 *   heat       = 100 / (1 + exp(−1.702 × (ln(1 + raw) − μ) / σ))
 *
 * where recent and earlier are the item counts of the last and the previous velocity window, and μ, σ are
 * the mean and standard deviation of ln(1 + raw) over the unit's recent events (a prior until there are
 * enough). 1.702 makes the logistic follow the normal distribution function, so heat ≈ the percentile of
 * the event among the unit's events. Pure: items, time and the reference are given.
 */
import type { Engagement } from '../../domain/index.js';

/** The formula's version, stored with every heat value; bump it when any term or constant changes. */
export const HEAT_VERSION = 'heat-1';

/** An item as heat sees it. */
export interface HeatItem {
  publishedAt: number;
  engagement: Engagement;
  /** Source authority (media tier, key account); 1 is neutral. */
  authority: number;
}

/** Running statistics of ln(1 + raw heat) over the unit's events. */
export interface HeatReference {
  count: number;
  mean: number;
  sd: number;
}

/** The constants of heat-1. */
export interface HeatParams {
  halfLifeMs: number;
  velocityWindowMs: number;
  /** α: how much engagement adds to an item's weight. */
  engagementWeight: number;
  /** β: how much growth multiplies heat. */
  velocityWeight: number;
  /** Below this many reference events the prior is used. */
  minReference: number;
  /** The reference used until the unit has history: a handful of plain items is middling. */
  prior: HeatReference;
  /** Smallest σ used (a unit whose events are all alike would otherwise swing 0 ↔ 100). */
  minSd: number;
}

/** heat-1's constants. */
export const HEAT_PARAMS: Readonly<HeatParams> = {
  halfLifeMs: 24 * 3600_000,
  velocityWindowMs: 6 * 3600_000,
  engagementWeight: 0.25,
  velocityWeight: 0.25,
  minReference: 20,
  prior: { count: 0, mean: Math.log(1 + 5), sd: 1 },
  minSd: 0.25,
};

/** The terms of heat for one event, kept for explanations. */
export interface HeatTerms {
  volume: number;
  recent: number;
  earlier: number;
  velocity: number;
  raw: number;
}

/** Engagement as one number for heat: reposts and comments spread a story more than likes. */
export function heatEngagement(engagement: Engagement): number {
  const value = engagement.likes + 2 * engagement.comments + 3 * engagement.reposts + engagement.views / 100;
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** The raw heat of an event's items at `now` (not yet scaled to 0–100). */
export function rawHeat(
  items: readonly HeatItem[],
  now: number,
  params: HeatParams = HEAT_PARAMS,
): HeatTerms {
  let volume = 0;
  let recent = 0;
  let earlier = 0;
  for (const item of items) {
    const age = Math.max(0, now - item.publishedAt);
    const authority = Number.isFinite(item.authority) ? Math.min(10, Math.max(0, item.authority)) : 1;
    const weight = authority * (1 + params.engagementWeight * Math.log1p(heatEngagement(item.engagement)));
    volume += weight * 2 ** (-age / params.halfLifeMs);
    if (age < params.velocityWindowMs) recent++;
    else if (age < 2 * params.velocityWindowMs) earlier++;
  }
  const growth = Math.min(2, Math.max(-2, Math.log((recent + 1) / (earlier + 1))));
  const velocity = Math.exp(params.velocityWeight * growth);
  return { volume, recent, earlier, velocity, raw: volume * velocity };
}

/** Raw heat on the scale the reference is kept in. */
export function heatLog(raw: number): number {
  return Math.log1p(Math.max(0, raw));
}

/** Raw heat as 0–100 against the reference (one decimal). */
export function heatScore(raw: number, reference: HeatReference, params: HeatParams = HEAT_PARAMS): number {
  const ref = reference.count >= params.minReference ? reference : params.prior;
  const z = (heatLog(raw) - ref.mean) / Math.max(ref.sd, params.minSd);
  const score = 100 / (1 + Math.exp(-1.702 * z));
  return Math.round(score * 10) / 10;
}

/** Mean and standard deviation of values (the reference from stored raw heats, already through heatLog). */
export function referenceOf(values: readonly number[]): HeatReference {
  if (values.length === 0) return { count: 0, mean: 0, sd: 0 };
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return { count: values.length, mean, sd: Math.sqrt(variance) };
}
