/**
 * The in-process alert bus: the in-app channel publishes delivered alerts here and the API's SSE stream
 * subscribes, so the console sees a new alert the moment the dispatcher hands it over. One bus per process;
 * across processes the in-app delivery row in the outbox is the record, and each API process's dispatcher
 * publishes what it delivers.
 */
import type { Alert } from '../domain/index.js';

/** What subscribers receive: the alert and the units allowed to see it (the alert's unit). */
export interface AlertBusMessage {
  alert: Alert;
  /** The delivery this message stems from, for client-side deduplication. */
  deliveryId: string;
}

/** Publish/subscribe for alerts inside one process. */
export interface AlertBus {
  publish(message: AlertBusMessage): void;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (message: AlertBusMessage) => void): () => void;
}

/** A bus over a plain listener set; a throwing listener never stops the others. */
export function createAlertBus(onListenerError: (error: unknown) => void = () => undefined): AlertBus {
  const listeners = new Set<(message: AlertBusMessage) => void>();
  return {
    publish(message) {
      for (const listener of listeners) {
        try {
          listener(message);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
