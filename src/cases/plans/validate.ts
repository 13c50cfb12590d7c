/**
 * Checks of a plan's content before it is stored: unique role and step keys, steps owned by a known role or
 * a named user, positive time limits. Pure; PLAN_INVALID names the first problem and its place.
 */
import type { PlanContent } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';

/** The longest time limit of a step: 90 days. */
export const MAX_STEP_MINUTES = 90 * 24 * 60;

function duplicate(keys: readonly string[]): string | undefined {
  return keys.find((key, index) => keys.indexOf(key) !== index);
}

/** Throws PLAN_INVALID when `content` is not a usable plan. */
export function validatePlanContent(content: PlanContent): void {
  const fail = (message: string, where: string): never => {
    throw new AppError('PLAN_INVALID', message, { where });
  };
  if (content.steps.length === 0) fail('a plan needs at least one step', 'steps');
  const roleKeys = content.roles.map((role) => role.key);
  const twiceRole = duplicate(roleKeys);
  if (twiceRole !== undefined) fail(`role key "${twiceRole}" is used twice`, 'roles');
  const twiceStep = duplicate(content.steps.map((step) => step.key));
  if (twiceStep !== undefined) fail(`step key "${twiceStep}" is used twice`, 'steps');
  content.steps.forEach((step, index) => {
    const where = `steps[${index}]`;
    if (step.roleKey !== null && !roleKeys.includes(step.roleKey)) {
      fail(`step "${step.title}" names the unknown role "${step.roleKey}"`, where);
    }
    if (step.roleKey === null && step.ownerUserId === null) {
      fail(`step "${step.title}" has neither a role nor a named owner`, where);
    }
    if (
      !Number.isInteger(step.limitMinutes) ||
      step.limitMinutes < 1 ||
      step.limitMinutes > MAX_STEP_MINUTES
    ) {
      fail(`step "${step.title}" needs a time limit of 1 to ${MAX_STEP_MINUTES} minutes`, where);
    }
  });
  content.contacts.forEach((contact, index) => {
    if (contact.roleKey !== null && !roleKeys.includes(contact.roleKey)) {
      fail(`contact "${contact.name}" names the unknown role "${contact.roleKey}"`, `contacts[${index}]`);
    }
  });
}
