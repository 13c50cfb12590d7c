/**
 * Explicit state machines for case workflows (DESIGN.md §7): a table of which action leads from which state
 * to which. Every transition is checked here, before anything is written; an illegal one is refused with
 * CASE_TRANSITION_INVALID naming the record, its state and what is allowed, and changes nothing.
 */
import { AppError } from '../platform/errors.js';

/** One row of a machine: `action` moves a record from any of `from` to `to`. */
export interface Transition<S extends string, A extends string> {
  action: A;
  from: readonly S[];
  to: S;
}

/** A checked workflow over states S and actions A. */
export interface StateMachine<S extends string, A extends string> {
  /** What the machine is about, for error messages (e.g. "incident"). */
  readonly subject: string;
  readonly transitions: readonly Transition<S, A>[];
  /** The state after `action` from `state`; throws CASE_TRANSITION_INVALID when not allowed. */
  next(state: S, action: A): S;
  /** Whether `action` is allowed in `state`. */
  allows(state: S, action: A): boolean;
  /** The actions allowed in `state` (for the console's buttons). */
  actionsFrom(state: S): A[];
}

/** Builds a machine from its transition table. */
export function defineMachine<S extends string, A extends string>(
  subject: string,
  transitions: readonly Transition<S, A>[],
): StateMachine<S, A> {
  const find = (state: S, action: A): Transition<S, A> | undefined =>
    transitions.find((row) => row.action === action && row.from.includes(state));
  return {
    subject,
    transitions,
    next(state, action) {
      const row = find(state, action);
      if (!row) {
        const allowed = transitions.filter((t) => t.from.includes(state)).map((t) => t.action);
        throw new AppError(
          'CASE_TRANSITION_INVALID',
          `${subject} in state "${state}" cannot "${action}"; allowed: ${allowed.join(', ') || 'nothing'}`,
          { subject, state, action, allowed },
        );
      }
      return row.to;
    },
    allows: (state, action) => find(state, action) !== undefined,
    actionsFrom: (state) => transitions.filter((row) => row.from.includes(state)).map((row) => row.action),
  };
}
