/** Choosing a unit on the command line: by name or id, or the only top-level unit. */
import type { Unit } from '../domain/entities.js';
import { AppError } from '../platform/errors.js';
import type { Storage } from '../storage/repositories.js';

/** The unit named or with that id; without --unit, the only top-level unit. */
export async function unitOption(
  command: string,
  storage: Storage,
  value: string | undefined,
): Promise<Unit> {
  const units = await storage.units.list({ unitIds: null });
  if (value !== undefined) {
    const found = units.find((unit) => unit.id === value || unit.name === value);
    if (!found) throw new AppError('NOT_FOUND', `${command}: no unit with the name or id "${value}"`);
    return found;
  }
  const roots = units.filter((unit) => unit.parentId === null);
  const [root] = roots;
  if (!root) {
    throw new AppError(
      'NOT_FOUND',
      `${command}: there is no unit yet; create the administrator first (fengxiang admin create)`,
    );
  }
  if (roots.length > 1) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${command}: several top-level units exist; choose one with --unit (${roots.map((u) => u.name).join(', ')})`,
    );
  }
  return root;
}
