/**
 * New alerts as they happen, over Server-Sent Events (GET /api/v1/alerts/stream): a count of unseen alerts
 * for the badge, a beep and a notice for each. EventSource reconnects by itself (the server sends retry).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Alert } from '../api/types.js';
import { beep } from './beep.js';

/** What {@link useLiveAlerts} gives. */
export interface LiveAlerts {
  unseen: number;
  clear(): void;
}

/** Listens while `enabled`; `onAlert` is told of each new alert (deduplicated by delivery id). */
export function useLiveAlerts(enabled: boolean, onAlert: (alert: Alert) => void): LiveAlerts {
  const [unseen, setUnseen] = useState(0);
  const handler = useRef(onAlert);
  handler.current = onAlert;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const seen = new Set<string>();
    const source = new EventSource('/api/v1/alerts/stream');
    source.addEventListener('alert', (event: MessageEvent<string>) => {
      if (event.lastEventId && seen.has(event.lastEventId)) return;
      seen.add(event.lastEventId);
      try {
        const alert = JSON.parse(event.data) as Alert;
        setUnseen((count) => count + 1);
        beep();
        handler.current(alert);
      } catch {
        // A frame that is not an alert is ignored.
      }
    });
    return () => source.close();
  }, [enabled]);
  const clear = useCallback(() => setUnseen(0), []);
  return { unseen, clear };
}
