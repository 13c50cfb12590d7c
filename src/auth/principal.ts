/**
 * The caller of a request: who they are, how they proved it, what they may do and which units they see.
 * Built once per request so every handler checks against the same scope.
 */
import { permissionsOf, type Permission, type Session, type User } from '../domain/index.js';
import type { Scope, Storage } from '../storage/repositories.js';

/** An authenticated caller. */
export interface Principal {
  user: User;
  permissions: ReadonlySet<Permission>;
  /** The caller's unit and every unit below it. */
  scope: Scope & { unitIds: readonly string[] };
  /** How the caller authenticated: a console session (cookie) or an API token (Bearer). */
  via: { kind: 'session'; session: Session } | { kind: 'token'; tokenId: string };
}

/** Computes the permissions and scope of `user`. */
export async function buildPrincipal(
  storage: Pick<Storage, 'units'>,
  user: User,
  via: Principal['via'],
): Promise<Principal> {
  const unitIds = await storage.units.subtreeIds(user.unitId);
  return { user, permissions: permissionsOf(user.roles), scope: { unitIds }, via };
}
