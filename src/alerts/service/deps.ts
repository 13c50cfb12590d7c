/**
 * What the alert service needs: storage, a clock, and the hooks through which raised alerts reach the
 * delivery outbox. The hooks run INSIDE the transaction that writes the alert (the transactional outbox):
 * either the alert and its deliveries are both stored, or neither is.
 */
import type { Clock } from '../../platform/clock.js';
import type { AlertRecord, Storage } from '../../storage/repositories.js';
import type { EscalationDue } from '../rules/decisions.js';
import type { AlertRule } from '../rules/schema.js';

/** The repositories of one open transaction. */
export type StorageTx = Omit<Storage, 'transaction' | 'close' | 'ping'>;

/** Callbacks into delivery, run inside the alert's transaction. */
export interface AlertHooks {
  /**
   * An alert must go out: a new one (`isNew`), a held one whose quiet hours ended (`isNew`), or an open one
   * that re-alerts or rose in level (`!isNew`). `rule` is null when the rule was deleted meanwhile.
   */
  onRaised(tx: StorageTx, alert: AlertRecord, rule: AlertRule | null, isNew: boolean): Promise<void>;
  /** An alert was escalated; without this hook escalations go through `onRaised(…, false)`. */
  onEscalated?(tx: StorageTx, alert: AlertRecord, rule: AlertRule, escalation: EscalationDue): Promise<void>;
}

/** Hooks that do nothing (until the lead wires delivery). */
export const NO_HOOKS: AlertHooks = { onRaised: async () => undefined };

/** The alert service's dependencies. */
export interface AlertServiceDeps {
  storage: Storage;
  clock: Clock;
  hooks?: AlertHooks;
}

/** Who acts on an alert or rule, from where, and which units they may touch. */
export interface AlertActor {
  userId: string | null;
  ip: string | null;
  /** The caller's units; null for system jobs. */
  unitIds: readonly string[] | null;
}
