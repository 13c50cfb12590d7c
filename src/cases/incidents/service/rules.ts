/** Reading and setting a unit's incident deadline rules (the office's 时限 rules), audited. */
import type { IncidentDeadlineRule } from '../../../domain/index.js';
import { AppError } from '../../../platform/errors.js';
import { rulesFor } from './deadlines.js';
import type { IncidentActor, IncidentServiceDeps } from './deps.js';

/** The rules that apply to a unit and where they come from (`own`, `inherited` or `default`). */
export interface EffectiveRules {
  unitId: string;
  origin: 'own' | 'inherited' | 'default';
  fromUnitId: string | null;
  rules: readonly IncidentDeadlineRule[];
}

/** The rules that apply to `unitId`. */
export async function deadlineRulesOf(deps: IncidentServiceDeps, unitId: string): Promise<EffectiveRules> {
  const { rules, fromUnitId } = await rulesFor(deps.storage, unitId);
  const origin = fromUnitId === null ? 'default' : fromUnitId === unitId ? 'own' : 'inherited';
  return { unitId, origin, fromUnitId, rules };
}

/**
 * Replaces the unit's own rules (`null` removes them so the unit inherits again). Applies to incidents
 * opened or re-levelled afterwards. A level and kind may appear once.
 */
export async function setDeadlineRules(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  unitId: string,
  rules: readonly IncidentDeadlineRule[] | null,
): Promise<EffectiveRules> {
  const keys = (rules ?? []).map((r) => `${r.level}/${r.kind}`);
  const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
  if (repeated !== undefined) {
    throw new AppError('BAD_REQUEST', `the rule ${repeated} appears twice`, { rule: repeated });
  }
  await deps.storage.transaction(async (tx) => {
    const at = deps.clock.now();
    if (rules === null) await tx.incidentDeadlineRules.remove(unitId);
    else await tx.incidentDeadlineRules.replace(unitId, rules, actor.userId, at);
    await tx.audit.append({
      at,
      actorUserId: actor.userId,
      unitId,
      action: rules === null ? 'incident.deadline_rules_reset' : 'incident.deadline_rules_set',
      targetType: 'unit',
      targetId: unitId,
      ip: actor.ip,
      detail: { rules: rules ?? null },
    });
  });
  return deadlineRulesOf(deps, unitId);
}
