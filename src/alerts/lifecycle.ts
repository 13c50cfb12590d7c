/**
 * The alert life cycle as a pure state machine: new → acknowledged → handling → closed, with who and
 * when. Handling an unacknowledged alert acknowledges it too; any open alert may be closed; closed is final.
 */
import type { Alert, AlertStatus, EpochMs } from '../domain/index.js';
import { AppError } from '../platform/errors.js';

/** What people do to an alert. */
export const ALERT_ACTIONS = ['acknowledge', 'handle', 'close'] as const;
/** One of {@link ALERT_ACTIONS}. */
export type AlertAction = (typeof ALERT_ACTIONS)[number];

const ALLOWED: Readonly<Record<AlertAction, { from: readonly AlertStatus[]; to: AlertStatus }>> = {
  acknowledge: { from: ['new'], to: 'acknowledged' },
  handle: { from: ['new', 'acknowledged'], to: 'handling' },
  close: { from: ['new', 'acknowledged', 'handling'], to: 'closed' },
};

/** Who acts, when, and what they add. */
export interface TransitionInput {
  action: AlertAction;
  by: string;
  at: EpochMs;
  /** The incident handling the alert (handle only). */
  incidentId?: string | null;
}

/** The fields a transition sets. */
export interface TransitionPatch {
  status: AlertStatus;
  acknowledgedBy?: string;
  acknowledgedAt?: EpochMs;
  closedBy?: string;
  closedAt?: EpochMs;
  incidentId?: string | null;
}

/** The statuses `action` is allowed from. */
export function allowedFrom(action: AlertAction): readonly AlertStatus[] {
  return ALLOWED[action].from;
}

/** The patch of a legal transition; ALERT_TRANSITION_INVALID (409) for an illegal one. */
export function transition(
  alert: Pick<Alert, 'id' | 'status' | 'acknowledgedBy'>,
  input: TransitionInput,
): TransitionPatch {
  const rule = ALLOWED[input.action];
  if (!rule.from.includes(alert.status)) {
    throw new AppError(
      'ALERT_TRANSITION_INVALID',
      `cannot ${input.action} an alert that is ${alert.status}`,
      {
        id: alert.id,
        status: alert.status,
        action: input.action,
      },
    );
  }
  const patch: TransitionPatch = { status: rule.to };
  if (alert.acknowledgedBy === null && input.action !== 'close') {
    patch.acknowledgedBy = input.by;
    patch.acknowledgedAt = input.at;
  }
  if (input.action === 'handle' && input.incidentId !== undefined) patch.incidentId = input.incidentId;
  if (input.action === 'close') {
    patch.closedBy = input.by;
    patch.closedAt = input.at;
  }
  return patch;
}
