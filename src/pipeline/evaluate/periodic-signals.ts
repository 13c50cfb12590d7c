/**
 * Signals that come from the passing of time rather than from new items: spikes of a closed bucket,
 * coordinated posting bursts, and source health changes. Each function reads, never writes.
 */
import type { CoordinatedSignal, SourceHealthSignal, SpikeSignal } from '../../alerts/rules/signals.js';
import type { AlertEvidenceItem, Item } from '../../domain/index.js';
import type { Storage } from '../../storage/repositories.js';
import type { SpikeSettings } from '../../analysis/spike/index.js';
import { detectCoordinatedPosting, detectSpikes } from '../spikes/index.js';
import { excerptOf } from './item-context.js';

const EVIDENCE = 5;

function evidenceOf(item: Item, source: string | null): AlertEvidenceItem {
  return {
    itemId: item.id,
    title: item.title,
    excerpt: excerptOf(item),
    url: item.url ?? item.canonicalUrl,
    source: source ?? item.platform,
    publishedAt: item.publishedAt,
    sentiment: item.sentiment,
  };
}

async function evidenceItems(
  storage: Pick<Storage, 'items'>,
  ids: readonly string[],
): Promise<AlertEvidenceItem[]> {
  const items = await storage.items.getMany(ids.slice(0, EVIDENCE));
  return items.map((item) => evidenceOf(item, null));
}

/** Spike signals of the unit's latest closed bucket (completeness-gated by the detector). */
export async function spikeSignals(
  storage: Storage,
  unitId: string,
  at: number,
  settings: Partial<SpikeSettings> = {},
): Promise<SpikeSignal[]> {
  const run = await detectSpikes({ storage, settings }, { unitId, at });
  return run.findings.map((finding) => ({
    kind: 'spike',
    unitId,
    scheme: { id: finding.schemeId, name: finding.schemeName },
    finding: {
      statistic: finding.metric,
      value: finding.value,
      baseline: finding.baseline,
      z: finding.z,
      count: finding.value,
      complete: finding.completeness >= 1,
      bucketStart: finding.bucketStart,
    },
    items: [],
  }));
}

/** Coordinated posting bursts among the unit's recent items. */
export async function coordinatedSignals(
  storage: Storage,
  unitId: string,
  at: number,
): Promise<CoordinatedSignal[]> {
  const findings = await detectCoordinatedPosting({ storage }, { unitId, at });
  const signals: CoordinatedSignal[] = [];
  for (const finding of findings) {
    const items = await evidenceItems(storage, finding.itemIds);
    signals.push({
      kind: 'coordinated',
      unitId,
      finding: {
        key: finding.key,
        accounts: finding.accounts,
        posts: finding.itemIds.length,
        windowMinutes: Math.max(1, Math.ceil((finding.to - finding.from) / 60_000)),
        sampleText: items[0]?.excerpt ?? '',
      },
      items,
    });
  }
  return signals;
}

/** Source health changes since `since`, oldest first. */
export async function healthSignals(storage: Storage, since: number): Promise<SourceHealthSignal[]> {
  const page = await storage.sourceHealthEvents.list(
    { unitIds: null },
    { since },
    { limit: 200, cursor: null },
  );
  const signals: SourceHealthSignal[] = [];
  for (const event of [...page.items].reverse()) {
    const source = await storage.sources.get(event.sourceId);
    signals.push({
      kind: 'source_health',
      unitId: event.unitId,
      source: { id: event.sourceId, name: source?.name ?? event.sourceId },
      state: event.state,
      detail: event.detail,
      at: event.at,
    });
  }
  return signals;
}
