/**
 * Registering a record's deadline from an office rule, inside the transaction that changes the record:
 * the unit's effective calendar decides the working days, {@link planDeadline} the due and reminder times.
 * Registering again with a new start (an extension, a reopened record) moves the deadline and re-arms its
 * reminder and escalation.
 */
import type { CaseDeadline, CaseDeadlineInput } from '../../storage/repositories.js';
import type { Repositories } from '../../storage/storage.js';
import { planDeadline, type DeadlineSpan } from './plan.js';

/** What a case service knows when a record starts to run against a limit. */
export type CaseDeadlineRegistration = Omit<CaseDeadlineInput, 'dueAt' | 'remindAt'> & {
  /** When the limit starts to run (receipt, dispatch, opening). */
  start: number;
  span: DeadlineSpan;
};

/** Sets the deadline on the unit's calendar; returns it as stored. */
export async function registerCaseDeadline(
  tx: Pick<Repositories, 'workCalendars' | 'caseDeadlines'>,
  registration: CaseDeadlineRegistration,
  now: number,
  fallbackTimeZone?: string,
): Promise<CaseDeadline> {
  const { start, span, ...input } = registration;
  const { calendar } = await tx.workCalendars.effective(input.unitId, fallbackTimeZone);
  return tx.caseDeadlines.set({ ...input, ...planDeadline(start, span, calendar) }, now);
}
