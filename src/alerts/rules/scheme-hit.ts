/** The scheme-hit trigger: new items of a scheme that meet the rule's conditions, enough of them in the window. */
import type { RegionRef } from '../../domain/index.js';
import { noFire, type TriggerOutcome } from './firing.js';
import type { RuleTrigger } from './schema.js';
import type { SchemeHitSignal, SignalItem } from './signals.js';

type SchemeHitTrigger = Extract<RuleTrigger, { kind: 'scheme_hit' }>;
type Conditions = SchemeHitTrigger['conditions'];

const SENTIMENT_NAMES: Readonly<Record<string, string>> = {
  positive: '正面',
  neutral: '中性',
  negative: '负面',
};
const EVIDENCE_ITEMS = 5;

function regionText(region: RegionRef): string {
  return `${region.province ?? ''}${region.city ?? ''}${region.county ?? ''}`;
}

/** The condition an item fails, or null when it meets them all. */
function failedCondition(item: SignalItem, conditions: Conditions): string | null {
  if (conditions.sentiments.length > 0 && !(item.sentiment && conditions.sentiments.includes(item.sentiment)))
    return 'sentiment';
  if (conditions.categories.length > 0 && !item.categories.some((key) => conditions.categories.includes(key)))
    return 'category';
  if (
    conditions.regions.length > 0 &&
    !item.regions.some((region) => conditions.regions.some((prefix) => regionText(region).startsWith(prefix)))
  )
    return 'region';
  if (
    conditions.sourceTiers.length > 0 &&
    !(item.sourceTier && conditions.sourceTiers.includes(item.sourceTier))
  )
    return 'source tier';
  if (conditions.keyAccountOnly && !item.keyAccount) return 'key account';
  if (item.engagement < conditions.minEngagement) return 'engagement';
  return null;
}

function reasonsFor(
  conditions: Conditions,
  count: number,
  minCount: number,
  windowMinutes: number,
): string[] {
  const reasons = [`${windowMinutes} 分钟内命中 ${count} 条（阈值 ${minCount}）`];
  if (conditions.sentiments.length > 0)
    reasons.push(`情感为${conditions.sentiments.map((s) => SENTIMENT_NAMES[s] ?? s).join('/')}`);
  if (conditions.categories.length > 0) reasons.push(`类别含 ${conditions.categories.join('、')}`);
  if (conditions.regions.length > 0) reasons.push(`属地在 ${conditions.regions.join('、')}`);
  if (conditions.sourceTiers.length > 0) reasons.push(`来源级别 ${conditions.sourceTiers.join('、')}`);
  if (conditions.keyAccountOnly) reasons.push('发布者为重点账号');
  if (conditions.minEngagement > 0) reasons.push(`互动量不低于 ${conditions.minEngagement}`);
  return reasons;
}

function regionsOf(items: readonly SignalItem[]): string {
  const names = new Set(
    items.flatMap((item) => item.regions.map(regionText)).filter((name) => name.length > 0),
  );
  return [...names].slice(0, 5).join('、');
}

/** How many of the new and earlier hits meet the conditions and fall within the window ending at `now`. */
function countInWindow(
  signal: SchemeHitSignal,
  conditions: Conditions,
  windowMinutes: number,
  now: number,
): number {
  const since = now - windowMinutes * 60_000;
  const seen = new Set<string>();
  for (const item of [...signal.items, ...signal.earlier]) {
    if (item.publishedAt >= since && failedCondition(item, conditions) === null) seen.add(item.itemId);
  }
  return seen.size;
}

/** Evaluates a scheme hit; `factor` lowers the count and engagement thresholds in key periods. */
export function evaluateSchemeHit(
  trigger: SchemeHitTrigger,
  signal: SchemeHitSignal,
  factor: number,
  now: number,
): TriggerOutcome {
  if (trigger.schemeIds.length > 0 && !trigger.schemeIds.includes(signal.scheme.id))
    return noFire('scheme not watched by the rule');
  const conditions: Conditions = {
    ...trigger.conditions,
    minEngagement: Math.ceil(trigger.conditions.minEngagement * factor),
  };
  const matching = signal.items.filter((item) => failedCondition(item, conditions) === null);
  if (matching.length === 0) {
    const first = signal.items[0];
    return noFire(first ? `condition not met: ${failedCondition(first, conditions) ?? ''}` : 'no items');
  }
  const minCount = Math.max(1, Math.ceil(trigger.minCount * factor));
  const count = Math.max(countInWindow(signal, conditions, trigger.windowMinutes, now), matching.length);
  if (count < minCount) return noFire(`count ${count} below ${minCount}`);
  const top = [...matching].sort((a, b) => b.engagement - a.engagement).slice(0, EVIDENCE_ITEMS);
  const negative = matching.some((item) => item.sentiment === 'negative');
  const regions = regionsOf(matching);
  return {
    fired: true,
    firing: {
      stats: { count, engagement: Math.max(...matching.map((item) => item.engagement)) },
      statistic: 'count',
      value: count,
      baseline: null,
      threshold: minCount,
      reasons: reasonsFor(conditions, count, minCount, trigger.windowMinutes),
      items: top.map(({ itemId, title, excerpt, url, source, publishedAt, sentiment }) => ({
        itemId,
        title,
        excerpt,
        url,
        source,
        publishedAt,
        sentiment,
      })),
      countDelta: matching.length,
      growthValue: null,
      schemeId: signal.scheme.id,
      eventId: null,
      sourceId: null,
      title: `监测方案「${signal.scheme.name}」命中${negative ? '负面' : ''}信息`,
      matter: `监测方案「${signal.scheme.name}」在 ${trigger.windowMinutes} 分钟内命中 ${count} 条${negative ? '负面' : ''}信息，请关注。`,
      vars: { scheme: signal.scheme.name, regions, count: String(count) },
      startedAt: Math.min(...matching.map((item) => item.publishedAt)),
    },
  };
}
