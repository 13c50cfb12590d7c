/**
 * One live-alert stream for the whole signed-in console: the shell opens the EventSource once (through
 * {@link useLiveAlerts}) and pages subscribe to the same stream here, so the alerts page updates itself
 * without opening a second connection.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import type { Alert } from '../api/types.js';
import { type LiveAlerts, useLiveAlerts } from './live-alerts.js';

type Listener = (alert: Alert) => void;

interface LiveAlertsContextValue extends LiveAlerts {
  /** Adds a listener for new alerts; returns the function that removes it. */
  subscribe(listener: Listener): () => void;
}

const LiveAlertsContext = createContext<LiveAlertsContextValue | null>(null);

/** Listens while `enabled` and hands every new alert to the subscribers below. */
export function LiveAlertsProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const live = useLiveAlerts(enabled, (alert) => {
    for (const listener of listeners.current) listener(alert);
  });
  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const { unseen, clear } = live;
  const value = useMemo<LiveAlertsContextValue>(
    () => ({ unseen, clear, subscribe }),
    [unseen, clear, subscribe],
  );
  return <LiveAlertsContext.Provider value={value}>{children}</LiveAlertsContext.Provider>;
}

/** The unseen count and its reset (zero outside a provider). */
export function useLiveAlertCount(): LiveAlerts {
  const context = useContext(LiveAlertsContext);
  return context ?? { unseen: 0, clear: () => undefined };
}

/** Calls `onAlert` with each new alert while the component is mounted (nothing outside a provider). */
export function useOnLiveAlert(onAlert: Listener): void {
  const subscribe = useContext(LiveAlertsContext)?.subscribe;
  const handler = useRef(onAlert);
  handler.current = onAlert;
  useEffect(() => subscribe?.((alert) => handler.current(alert)), [subscribe]);
}
