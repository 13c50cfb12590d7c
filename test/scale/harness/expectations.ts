/**
 * The end state every scale and fault run must reach: each replayed item stored once, analysed, evaluated
 * and in exactly one event, no empty event left by racing clusterers, each monitoring scheme's hits recorded
 * once and counted once in its one alert, and that alert sent once to the webhook under one delivery id.
 */
import { expect } from 'vitest';
import { countSchemeHits, readAlerts, readPipelineState, withDatabase } from './checks.js';
import type { MonitoringSetup } from './installation.js';
import { MARKERS, countCarrying } from './replay-source.js';
import type { WebhookReceiver } from './webhook-receiver.js';

/** Checks the end state of a run of `total` items; returns how many deliveries arrived more than once. */
export async function expectEveryItemOnce(
  databaseUrl: string,
  total: number,
  monitoring: MonitoringSetup,
  receiver: WebhookReceiver,
): Promise<{ redelivered: number }> {
  await withDatabase(databaseUrl, async (client) => {
    const state = await readPipelineState(client);
    process.stderr.write(`[scale] state ${JSON.stringify(state)}\n`);
    expect(state).toMatchObject({
      items: total,
      duplicateIds: 0,
      duplicateUrls: 0,
      analysed: total,
      evaluated: total,
      inEvents: total,
      emptyEvents: 0,
    });
    const alerts = await readAlerts(client);
    expect(alerts).toHaveLength(MARKERS.length);
    for (const [index, marker] of MARKERS.entries()) {
      const expected = countCarrying(marker, total);
      expect(await countSchemeHits(client, monitoring.schemeIds[marker.phrase] ?? '')).toBe(expected);
      const alert = alerts.find((candidate) => candidate.ruleId === monitoring.ruleIds[index]);
      expect(alert, `the alert of ${marker.phrase}`).toBeDefined();
      expect(alert?.count, `items counted by the alert of ${marker.phrase}`).toBe(expected);
      expect(alert?.deliveries.map((d) => [d.channelId, d.state])).toEqual([[monitoring.channelId, 'sent']]);
      expect([...(receiver.deliveriesByAlert.get(alert?.id ?? '') ?? [])]).toEqual(
        alert?.deliveries.map((d) => d.id),
      );
    }
  });
  expect(receiver.malformed).toBe(0);
  expect(receiver.deliveriesByAlert.size).toBe(MARKERS.length);
  const redelivered = [...receiver.requestsByDelivery.values()].filter((n) => n > 1).length;
  process.stderr.write(
    `[scale] deliveries received again under the same id (receiver dedups): ${redelivered}\n`,
  );
  return { redelivered };
}
