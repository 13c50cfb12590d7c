/**
 * Registering an incident's deadlines with the shared case deadlines (C2's sweep reminds and escalates):
 * on opening and on every level change, from the unit's rules (or the national defaults) counted on the
 * unit's working-day calendar; completing them when a statement is published or the incident closes.
 */
import type { Incident, IncidentDeadlineKind, IncidentDeadlineRule } from '../../../domain/index.js';
import type { CaseDeadline } from '../../../storage/repositories.js';
import { DEFAULT_INCIDENT_DEADLINE_RULES, planDeadlines } from '../deadlines.js';
import { INCIDENT_RECORD, type StorageTx } from './deps.js';

/** The rules that apply to the unit: its own, its nearest ancestor's, else the national defaults. */
export async function rulesFor(
  tx: StorageTx,
  unitId: string,
): Promise<{ rules: readonly IncidentDeadlineRule[]; fromUnitId: string | null }> {
  const stored = await tx.incidentDeadlineRules.effective(unitId);
  return stored
    ? { rules: stored.rules, fromUnitId: stored.unitId }
    : { rules: DEFAULT_INCIDENT_DEADLINE_RULES, fromUnitId: null };
}

/**
 * Sets the deadlines the incident's level owes. A kind already registered keeps counting from when it was
 * first required; a new kind counts from `at`; an open deadline the level no longer owes is closed.
 * Returns the deadlines as they now stand.
 */
export async function syncDeadlines(tx: StorageTx, incident: Incident, at: number): Promise<CaseDeadline[]> {
  const { rules } = await rulesFor(tx, incident.unitId);
  const { calendar } = await tx.workCalendars.effective(incident.unitId);
  const existing = await tx.caseDeadlines.listFor(INCIDENT_RECORD, incident.id);
  const startedAt = new Map(existing.map((d) => [d.kind, d.createdAt]));
  const planned = planDeadlines({
    rules,
    level: incident.level,
    title: incident.title,
    startOf: (kind) => startedAt.get(kind) ?? at,
    calendar,
  });
  for (const deadline of planned) {
    const current = existing.find((d) => d.kind === deadline.kind);
    if (current?.doneAt != null) continue;
    await tx.caseDeadlines.set(
      {
        unitId: incident.unitId,
        recordType: INCIDENT_RECORD,
        recordId: incident.id,
        kind: deadline.kind,
        title: deadline.title,
        level: incident.level === 'blue' ? null : incident.level,
        dueAt: deadline.dueAt,
        remindAt: deadline.remindAt,
      },
      at,
    );
  }
  const owed = new Set<string>(planned.map((d) => d.kind));
  for (const stale of existing.filter((d) => d.doneAt === null && !owed.has(d.kind))) {
    await tx.caseDeadlines.complete(INCIDENT_RECORD, incident.id, stale.kind, at);
  }
  return tx.caseDeadlines.listFor(INCIDENT_RECORD, incident.id);
}

/** Marks the given kinds done; returns the kinds that were open and are now done. */
export async function completeDeadlines(
  tx: StorageTx,
  incidentId: string,
  kinds: readonly IncidentDeadlineKind[] | 'all',
  at: number,
): Promise<string[]> {
  const open = (await tx.caseDeadlines.listFor(INCIDENT_RECORD, incidentId)).filter((d) => d.doneAt === null);
  const done = open.filter((d) => kinds === 'all' || (kinds as readonly string[]).includes(d.kind));
  for (const deadline of done)
    await tx.caseDeadlines.complete(INCIDENT_RECORD, incidentId, deadline.kind, at);
  return done.map((d) => d.kind);
}
