/**
 * The alert receiver of the scale tests: a real HTTP server on 127.0.0.1 that takes Fengxiang's generic
 * webhook and counts what arrived by alert id and by delivery id (`X-Fengxiang-Delivery`), so a test can
 * tell "each alert reached the channel once" (one delivery id per alert) from "a delivery was retried"
 * (the same delivery id twice, which a receiver deduplicates).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running receiver. */
export interface WebhookReceiver {
  url: string;
  /** POSTs received per alert id (every request, retries included). */
  requestsByAlert: Map<string, number>;
  /** Distinct delivery ids received per alert id. */
  deliveriesByAlert: Map<string, Set<string>>;
  /** POSTs received per delivery id. */
  requestsByDelivery: Map<string, number>;
  /** Requests that did not carry an alert and a delivery id. */
  malformed: number;
  close(): Promise<void>;
}

interface WebhookBody {
  deliveryId?: unknown;
  alert?: { id?: unknown };
}

/** Starts the receiver; it answers 200 to every well-formed delivery. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    requestsByAlert: new Map(),
    deliveriesByAlert: new Map(),
    requestsByDelivery: new Map(),
    malformed: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = parse(Buffer.concat(chunks).toString('utf8'));
      const deliveryId = request.headers['x-fengxiang-delivery'];
      const alertId = body?.alert?.id;
      if (typeof deliveryId !== 'string' || typeof alertId !== 'string' || body?.deliveryId !== deliveryId) {
        receiver.malformed += 1;
        response.writeHead(400).end('{}');
        return;
      }
      receiver.requestsByAlert.set(alertId, (receiver.requestsByAlert.get(alertId) ?? 0) + 1);
      const ids = receiver.deliveriesByAlert.get(alertId) ?? new Set<string>();
      ids.add(deliveryId);
      receiver.deliveriesByAlert.set(alertId, ids);
      receiver.requestsByDelivery.set(deliveryId, (receiver.requestsByDelivery.get(deliveryId) ?? 0) + 1);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}

function parse(text: string): WebhookBody | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as WebhookBody) : null;
  } catch {
    return null;
  }
}
