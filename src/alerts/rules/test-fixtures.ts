/** Rules and signals for the evaluator's tables of cases (test support only). */
import type { KeyPeriod } from '../../domain/index.js';
import { parseRuleDefinition, type AlertRule } from './schema.js';
import type { SchemeHitSignal, SignalItem } from './signals.js';

/** 2024-05-06 (a Monday) 10:00 in Shanghai. */
export const MONDAY_10 = Date.UTC(2024, 4, 6, 2, 0);
export const UNIT = 'unit-1';

/** A rule of {@link UNIT} from a partial definition. */
export function ruleOf(definition: Record<string, unknown>, id = 'rule-1'): AlertRule {
  return { ...parseRuleDefinition({ name: 'rule', ...definition }), id, unitId: UNIT, version: 3 };
}

/** A negative item from a local source in 苏州. */
export function itemOf(patch: Partial<SignalItem> = {}): SignalItem {
  return {
    itemId: 'item-1',
    title: '某小区业主维权',
    excerpt: '业主聚集',
    url: 'https://bbs.example.cn/t/1',
    source: '本地论坛',
    publishedAt: MONDAY_10 - 60_000,
    sentiment: 'negative',
    categories: ['housing'],
    regions: [{ province: '江苏省', city: '苏州市', county: null }],
    sourceId: 'source-1',
    sourceTier: 'local',
    keyAccount: false,
    engagement: 10,
    ...patch,
  };
}

/**
 * A scheme-hit signal of one item (or the given ones) with `inWindow` hits in all: the missing ones are
 * earlier copies of the first item, published a minute apart before it.
 */
export function hitOf(items: SignalItem[] = [itemOf()], inWindow = items.length): SchemeHitSignal {
  const first = items[0] ?? itemOf();
  const earlier = Array.from({ length: Math.max(0, inWindow - items.length) }, (_, n) => ({
    ...first,
    itemId: `earlier-${n}`,
    publishedAt: first.publishedAt - (n + 1) * 60_000,
  }));
  return { kind: 'scheme_hit', unitId: UNIT, scheme: { id: 'scheme-1', name: '房产纠纷' }, items, earlier };
}

/** A key period covering {@link UNIT} around {@link MONDAY_10}. */
export function keyPeriodOf(patch: Partial<KeyPeriod> = {}): KeyPeriod {
  return {
    id: 'kp-1',
    unitId: UNIT,
    name: '两会',
    startsAt: MONDAY_10 - 86_400_000,
    endsAt: MONDAY_10 + 86_400_000,
    multiplier: 2,
    unitIds: [],
    sourceIds: [],
    createdAt: 0,
    ...patch,
  };
}
