/**
 * The permission rules every handler applies: a missing permission is FORBIDDEN; a record outside the
 * caller's scope is NOT_FOUND, exactly like a record that does not exist, so existence never leaks.
 */
import { permissionsOf, ROLE_PERMISSIONS, type Permission, type Role } from '../domain/index.js';
import { AppError } from '../platform/errors.js';
import type { Principal } from './principal.js';

/** True when the caller holds `permission`. */
export function hasPermission(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}

/** Throws FORBIDDEN unless the caller holds `permission`. */
export function requirePermission(principal: Principal, permission: Permission): void {
  if (!hasPermission(principal, permission)) {
    throw new AppError('FORBIDDEN', `this needs the permission ${permission}`, { permission });
  }
}

/** True when records of `unitId` are visible to the caller. */
export function inScope(principal: Principal, unitId: string | null): boolean {
  return unitId !== null && principal.scope.unitIds.includes(unitId);
}

/** The NOT_FOUND error for a record of `entity` that is missing or outside scope. */
export function notFound(entity: string, id: string): AppError {
  return new AppError('NOT_FOUND', `${entity} ${id} does not exist`, { entity, id });
}

/** Returns `record` when it exists and lies in the caller's scope; NOT_FOUND otherwise. */
export function visibleOrNotFound<T extends { unitId: string }>(
  principal: Principal,
  record: T | null,
  entity: string,
  id: string,
): T {
  if (record === null || !inScope(principal, record.unitId)) throw notFound(entity, id);
  return record;
}

/** Throws NOT_FOUND when `unitId` (a unit named in a request) lies outside the caller's scope. */
export function requireUnitInScope(principal: Principal, unitId: string): void {
  if (!inScope(principal, unitId)) throw notFound('unit', unitId);
}

/**
 * Throws FORBIDDEN when the caller would grant a role that can do something the caller cannot: an
 * administrator grants any role (within their own subtree), a monitor can make a viewer but never an
 * administrator or a leader.
 */
export function requireGrantableRoles(principal: Principal, roles: readonly Role[]): void {
  const held = permissionsOf(principal.user.roles);
  const beyond = roles.filter((role) => ROLE_PERMISSIONS[role].some((permission) => !held.has(permission)));
  if (beyond.length > 0) {
    throw new AppError('FORBIDDEN', `you cannot grant roles you do not hold: ${beyond.join(', ')}`, {
      roles: beyond,
    });
  }
}
