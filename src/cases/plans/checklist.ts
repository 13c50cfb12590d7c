/**
 * Turning a plan into an activation's checklist: one task per step in order, owned by the step's named
 * user, else by the users named for its role, else by the unit's users holding the role's app role; due
 * the step's time limit after activation. Pure: ids, time and the unit's users are passed in.
 */
import type { PlanContent, PlanTask, Role } from '../../domain/index.js';

/** A user of the activating unit as owner resolution sees them. */
export interface UnitMember {
  id: string;
  roles: readonly Role[];
  disabled: boolean;
}

/** What the checklist is built from. */
export interface ChecklistInput {
  content: PlanContent;
  activationId: string;
  unitId: string;
  activatedAt: number;
  members: readonly UnitMember[];
  /** Makes the id of the n-th task. */
  newId: (index: number) => string;
}

/** How long before its due time a task is reminded: a quarter of its limit, at most an hour. */
export function reminderLeadMs(limitMinutes: number): number {
  return Math.min(60 * 60_000, Math.floor((limitMinutes * 60_000) / 4));
}

function ownersOf(
  content: PlanContent,
  step: PlanContent['steps'][number],
  members: readonly UnitMember[],
): string[] {
  if (step.ownerUserId !== null) return [step.ownerUserId];
  const role = content.roles.find((candidate) => candidate.key === step.roleKey);
  if (!role) return [];
  if (role.userIds.length > 0) return [...role.userIds];
  const appRole = role.appRole;
  if (appRole === null) return [];
  return members
    .filter((member) => !member.disabled && member.roles.includes(appRole))
    .map((member) => member.id);
}

/** The tasks of a new activation, in step order. */
export function buildChecklist(input: ChecklistInput): PlanTask[] {
  return input.content.steps.map((step, index) => ({
    id: input.newId(index),
    activationId: input.activationId,
    unitId: input.unitId,
    seq: index + 1,
    stepKey: step.key,
    title: step.title,
    description: step.description,
    roleKey: step.roleKey,
    ownerUserIds: ownersOf(input.content, step, input.members),
    dueAt: input.activatedAt + step.limitMinutes * 60_000,
    state: 'open',
    note: null,
    doneAt: null,
    doneBy: null,
    updatedAt: input.activatedAt,
  }));
}
