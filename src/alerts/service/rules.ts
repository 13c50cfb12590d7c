/**
 * Alert rules between storage and the evaluator: every definition is validated by the rule schema on the
 * way in (RULE_INVALID with the field path) and parsed again on the way out, so the evaluator only sees
 * valid rules. Changes are audited.
 */
import { AppError } from '../../platform/errors.js';
import type { StoredAlertRule } from '../../storage/repositories.js';
import { parseRuleDefinition, type AlertRule, type RuleDefinition } from '../rules/schema.js';
import type { AlertActor, AlertServiceDeps } from './deps.js';

/** The evaluator's view of a stored rule. */
export function toAlertRule(stored: StoredAlertRule): AlertRule {
  return {
    ...parseRuleDefinition(stored.definition),
    id: stored.id,
    unitId: stored.unitId,
    version: stored.version,
  };
}

/** Enabled rules of the units (null: all), parsed; a rule stored invalid is skipped rather than stopping the rest. */
export async function loadEnabledRules(
  deps: Pick<AlertServiceDeps, 'storage'>,
  unitIds: readonly string[] | null,
): Promise<AlertRule[]> {
  const stored = await deps.storage.alertRules.listEnabled(unitIds);
  return stored.flatMap((rule) => {
    try {
      return [toAlertRule(rule)];
    } catch {
      return [];
    }
  });
}

function inputOf(definition: RuleDefinition): {
  name: string;
  enabled: boolean;
  triggerKind: string;
  definition: Record<string, unknown>;
} {
  return {
    name: definition.name,
    enabled: definition.enabled,
    triggerKind: definition.trigger.kind,
    definition: { ...definition },
  };
}

function requireUnit(actor: AlertActor, unitId: string): void {
  if (actor.unitIds !== null && !actor.unitIds.includes(unitId)) {
    throw new AppError('NOT_FOUND', `unit ${unitId} does not exist`, { id: unitId, entity: 'unit' });
  }
}

/** Validates and stores a new rule of `unitId` (version 1). */
export async function createRule(
  deps: AlertServiceDeps,
  actor: AlertActor,
  unitId: string,
  input: unknown,
): Promise<StoredAlertRule> {
  requireUnit(actor, unitId);
  const definition = parseRuleDefinition(input);
  return deps.storage.transaction(async (tx) => {
    const created = await tx.alertRules.create({ ...inputOf(definition), unitId, createdBy: actor.userId });
    await tx.audit.append({
      at: deps.clock.now(),
      actorUserId: actor.userId,
      unitId,
      action: 'alert-rule.create',
      targetType: 'alert-rule',
      targetId: created.id,
      ip: actor.ip,
      detail: { name: created.name, trigger: created.triggerKind },
    });
    return created;
  });
}

/** Applies top-level fields of `patch` to the rule's definition, validates the whole and bumps the version. */
export async function updateRule(
  deps: AlertServiceDeps,
  actor: AlertActor,
  id: string,
  patch: Record<string, unknown>,
): Promise<StoredAlertRule> {
  return deps.storage.transaction(async (tx) => {
    const current = await tx.alertRules.get(id, { unitIds: actor.unitIds });
    if (!current)
      throw new AppError('NOT_FOUND', `alert rule ${id} does not exist`, { id, entity: 'alert_rule' });
    const definition = parseRuleDefinition({ ...current.definition, ...patch });
    const updated = await tx.alertRules.update(id, { ...inputOf(definition), changedBy: actor.userId });
    await tx.audit.append({
      at: deps.clock.now(),
      actorUserId: actor.userId,
      unitId: current.unitId,
      action: 'alert-rule.update',
      targetType: 'alert-rule',
      targetId: id,
      ip: actor.ip,
      detail: { fields: Object.keys(patch), version: updated.version },
    });
    return updated;
  });
}

/** Deletes a rule; its versions stay for the alerts it raised. */
export async function deleteRule(deps: AlertServiceDeps, actor: AlertActor, id: string): Promise<void> {
  await deps.storage.transaction(async (tx) => {
    const current = await tx.alertRules.get(id, { unitIds: actor.unitIds });
    if (!current)
      throw new AppError('NOT_FOUND', `alert rule ${id} does not exist`, { id, entity: 'alert_rule' });
    await tx.alertRules.delete(id);
    await tx.audit.append({
      at: deps.clock.now(),
      actorUserId: actor.userId,
      unitId: current.unitId,
      action: 'alert-rule.delete',
      targetType: 'alert-rule',
      targetId: id,
      ip: actor.ip,
      detail: { name: current.name, version: current.version },
    });
  });
}
