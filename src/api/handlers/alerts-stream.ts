/**
 * GET /api/v1/alerts/stream: Server-Sent Events of new alerts for the caller's units, fed by the in-process
 * alert bus (the in-app channel publishes what it delivers). A comment line every 15 s keeps proxies from
 * closing the connection; the subscription ends when the client goes away.
 */
import { PassThrough } from 'node:stream';
import type { AlertBusMessage } from '../../alerts/bus.js';
import { AppError } from '../../platform/errors.js';
import type { RequestContext } from '../route.js';
import { presentAlert } from './alerts-present.js';

/** How often the stream sends a heartbeat comment. */
export const HEARTBEAT_MS = 15_000;

/** One SSE frame: the delivery id (for deduplication), the event name and the alert as JSON. */
function frameOf(message: AlertBusMessage): string {
  return `id: ${message.deliveryId}\nevent: alert\ndata: ${JSON.stringify(presentAlert(message.alert))}\n\n`;
}

/** Opens the stream; Fastify sends the returned stream as the body. */
export async function streamAlerts(ctx: RequestContext): Promise<PassThrough> {
  const bus = ctx.deps.alertBus;
  if (!bus) throw new AppError('ALERT_STREAM_UNAVAILABLE', 'this server has no alert bus', {});
  const units = new Set(ctx.principal.scope.unitIds);
  const stream = new PassThrough();
  void ctx.reply
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-cache, no-transform')
    .header('x-accel-buffering', 'no');
  stream.write(': connected\nretry: 5000\n\n');
  const unsubscribe = bus.subscribe((message) => {
    if (units.has(message.alert.unitId)) stream.write(frameOf(message));
  });
  const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearInterval(heartbeat);
    unsubscribe();
    stream.end();
  };
  ctx.reply.raw.once('close', stop);
  stream.once('close', stop);
  return stream;
}
