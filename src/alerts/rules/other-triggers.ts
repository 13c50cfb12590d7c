/** The event, spike, coordinated-posting and source-health triggers. */
import type { RegionRef } from '../../domain/index.js';
import { noFire, type Firing, type TriggerOutcome } from './firing.js';
import type { RuleTrigger } from './schema.js';
import type { CoordinatedSignal, EventSignal, SourceHealthSignal, SpikeSignal } from './signals.js';

type TriggerOf<K extends RuleTrigger['kind']> = Extract<RuleTrigger, { kind: K }>;

const round = (value: number): number => Math.round(value * 100) / 100;

function regionNames(regions: readonly RegionRef[]): string {
  return regions
    .map((region) => `${region.province ?? ''}${region.city ?? ''}${region.county ?? ''}`)
    .filter((name) => name.length > 0)
    .slice(0, 5)
    .join('、');
}

function eventFiring(
  signal: EventSignal,
  part: Omit<
    Firing,
    'items' | 'eventId' | 'schemeId' | 'sourceId' | 'vars' | 'title' | 'countDelta' | 'startedAt'
  >,
  now: number,
): Firing {
  return {
    ...part,
    items: signal.items.slice(0, 5),
    countDelta: 1,
    schemeId: null,
    eventId: signal.event.id,
    sourceId: null,
    title: `事件「${signal.event.title}」`,
    vars: {
      event: signal.event.title,
      regions: regionNames(signal.event.regions),
      count: String(signal.event.itemCount),
    },
    startedAt: Math.min(now, ...signal.items.map((item) => item.publishedAt)),
  };
}

function eventStats(signal: EventSignal): Firing['stats'] {
  return {
    count: signal.event.itemCount,
    ...(signal.heat !== null && { heat: signal.heat }),
    ...(signal.growth && { growth: signal.growth.ratio }),
  };
}

/** Event heat at or above the (lowered) threshold. */
export function evaluateEventHeat(
  trigger: TriggerOf<'event_heat'>,
  signal: EventSignal,
  factor: number,
  now: number,
): TriggerOutcome {
  if (signal.heat === null) return noFire('heat unknown');
  const threshold = round(trigger.minHeat * factor);
  if (signal.heat < threshold) return noFire(`heat ${signal.heat} below ${threshold}`);
  return {
    fired: true,
    firing: eventFiring(
      signal,
      {
        stats: eventStats(signal),
        statistic: 'heat',
        value: signal.heat,
        baseline: null,
        threshold,
        reasons: [`热度 ${signal.heat}，达到阈值 ${threshold}`],
        growthValue: signal.heat,
        matter: `事件「${signal.event.title}」热度达到 ${signal.heat}（阈值 ${threshold}），共 ${signal.event.itemCount} 条相关信息。`,
      },
      now,
    ),
  };
}

/** Event growth: enough items in the window and a ratio over the previous window at or above the rule's. */
export function evaluateEventGrowth(
  trigger: TriggerOf<'event_growth'>,
  signal: EventSignal,
  factor: number,
  now: number,
): TriggerOutcome {
  const growth = signal.growth;
  if (!growth) return noFire('growth unknown');
  const minItems = Math.max(1, Math.ceil(trigger.minItems * factor));
  const minRatio = Math.max(1, round(trigger.growthRatio * factor));
  if (growth.itemsInWindow < minItems) return noFire(`items ${growth.itemsInWindow} below ${minItems}`);
  if (growth.ratio < minRatio) return noFire(`growth ${growth.ratio} below ${minRatio}`);
  return {
    fired: true,
    firing: eventFiring(
      signal,
      {
        stats: eventStats(signal),
        statistic: 'growth',
        value: growth.ratio,
        baseline: null,
        threshold: minRatio,
        reasons: [
          `${growth.windowMinutes} 分钟内新增 ${growth.itemsInWindow} 条（阈值 ${minItems}）`,
          `增长为前一时段的 ${growth.ratio} 倍（阈值 ${minRatio}）`,
        ],
        growthValue: null,
        matter: `事件「${signal.event.title}」快速发酵：${growth.windowMinutes} 分钟内新增 ${growth.itemsInWindow} 条，为前一时段的 ${growth.ratio} 倍。`,
      },
      now,
    ),
  };
}

/** A complete spike bucket with z and count at or above the (lowered) thresholds. */
export function evaluateSpike(
  trigger: TriggerOf<'spike'>,
  signal: SpikeSignal,
  factor: number,
): TriggerOutcome {
  const { finding } = signal;
  if (!finding.complete) return noFire('bucket incomplete (source outage)');
  if (trigger.schemeIds.length > 0 && !trigger.schemeIds.includes(signal.scheme.id))
    return noFire('scheme not watched by the rule');
  if (trigger.negativeOnly && finding.statistic !== 'negative_volume')
    return noFire('not a negative-volume spike');
  const minZ = round(trigger.minZ * factor);
  const minCount = Math.max(1, Math.ceil(trigger.minCount * factor));
  if (finding.z < minZ) return noFire(`z ${finding.z} below ${minZ}`);
  if (finding.count < minCount) return noFire(`count ${finding.count} below ${minCount}`);
  const what = finding.statistic === 'negative_volume' ? '负面信息量' : '信息量';
  return {
    fired: true,
    firing: {
      stats: { z: finding.z, count: finding.count },
      statistic: finding.statistic,
      value: finding.value,
      baseline: finding.baseline,
      threshold: minZ,
      reasons: [
        `${what} ${finding.value}，基线 ${round(finding.baseline)}，z = ${round(finding.z)}（阈值 ${minZ}）`,
      ],
      items: signal.items.slice(0, 5),
      countDelta: 1,
      growthValue: null,
      schemeId: signal.scheme.id,
      eventId: null,
      sourceId: null,
      title: `监测方案「${signal.scheme.name}」${what}突增`,
      matter: `监测方案「${signal.scheme.name}」${what}突增至 ${finding.value}（基线 ${round(finding.baseline)}）。`,
      vars: { scheme: signal.scheme.name, regions: '', count: String(finding.count) },
      startedAt: finding.bucketStart,
    },
  };
}

/** Coordinated posting by at least the (lowered) number of accounts within the rule's window. */
export function evaluateCoordinated(
  trigger: TriggerOf<'coordinated'>,
  signal: CoordinatedSignal,
  factor: number,
  now: number,
): TriggerOutcome {
  const { finding } = signal;
  const minAccounts = Math.max(2, Math.ceil(trigger.minAccounts * factor));
  if (finding.windowMinutes > trigger.windowMinutes) return noFire('posts spread over more than the window');
  if (finding.accounts < minAccounts) return noFire(`accounts ${finding.accounts} below ${minAccounts}`);
  return {
    fired: true,
    firing: {
      stats: { accounts: finding.accounts, count: finding.posts },
      statistic: 'accounts',
      value: finding.accounts,
      baseline: null,
      threshold: minAccounts,
      reasons: [
        `${finding.windowMinutes} 分钟内 ${finding.accounts} 个账号发布 ${finding.posts} 条高度相似内容（阈值 ${minAccounts}）`,
      ],
      items: signal.items.slice(0, 5),
      countDelta: 1,
      growthValue: null,
      schemeId: null,
      eventId: null,
      sourceId: null,
      title: '疑似有组织发帖',
      matter: `${finding.accounts} 个账号在 ${finding.windowMinutes} 分钟内发布高度相似内容：“${finding.sampleText.slice(0, 60)}”。`,
      vars: { regions: '', count: String(finding.posts) },
      startedAt: Math.min(now, ...signal.items.map((item) => item.publishedAt)),
    },
  };
}

/** A source turned failing or silent, for rules watching it. */
export function evaluateSourceHealth(
  trigger: TriggerOf<'source_failing' | 'source_silent'>,
  signal: SourceHealthSignal,
): TriggerOutcome {
  const wanted = trigger.kind === 'source_failing' ? 'failing' : 'silent';
  if (signal.state !== wanted) return noFire(`source is ${signal.state}`);
  if (trigger.sourceIds.length > 0 && !trigger.sourceIds.includes(signal.source.id))
    return noFire('source not watched by the rule');
  const what = wanted === 'failing' ? '采集连续失败' : '长时间无新内容';
  return {
    fired: true,
    firing: {
      stats: {},
      statistic: wanted === 'failing' ? 'source_failing' : 'source_silent',
      value: 1,
      baseline: null,
      threshold: 1,
      reasons: [`信息源「${signal.source.name}」${what}：${signal.detail}`],
      items: [],
      countDelta: 1,
      growthValue: null,
      schemeId: null,
      eventId: null,
      sourceId: signal.source.id,
      title: `信息源「${signal.source.name}」${what}`,
      matter: `信息源「${signal.source.name}」${what}，监测可能出现盲区。${signal.detail}`,
      vars: { source: signal.source.name, regions: '', count: '1' },
      startedAt: signal.at,
    },
  };
}
