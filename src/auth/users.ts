/**
 * Creating users and changing passwords: the service functions the API handlers and the CLI
 * (`fengxiang admin create`) share, so both apply the same password policy and audit trail.
 */
import type { Role, Unit, User } from '../domain/index.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import type { Storage } from '../storage/repositories.js';
import { recordAudit, type AuditActor } from './audit.js';
import { hashPassword } from './passwords.js';

/** The fields of a new user. */
export interface NewUser {
  unitId: string;
  username: string;
  displayName?: string;
  password: string;
  roles: Role[];
}

/** The repositories the user functions need. */
type UserStorage = Pick<Storage, 'users' | 'units' | 'audit' | 'sessions'>;

/** Trims a user name and rejects empty ones or ones with spaces. */
export function normalizeUsername(username: string): string {
  const trimmed = username.trim();
  if (trimmed.length === 0 || trimmed.length > 64 || /\s/.test(trimmed)) {
    throw new AppError('VALIDATION_FAILED', 'a user name has 1 to 64 characters and no spaces', {
      field: 'username',
    });
  }
  return trimmed;
}

/** Creates a user with a hashed password and audits it as `user.create` by `actor`. */
export async function createUser(
  storage: UserStorage,
  clock: Clock,
  actor: AuditActor,
  input: NewUser,
): Promise<User> {
  const username = normalizeUsername(input.username);
  const passwordHash = await hashPassword(input.password);
  const user = await storage.users.create({
    unitId: input.unitId,
    username,
    displayName: input.displayName?.trim() || username,
    passwordHash,
    roles: input.roles,
  });
  await recordAudit(storage, clock, actor, {
    action: 'user.create',
    unitId: user.unitId,
    targetType: 'user',
    targetId: user.id,
    detail: { username: user.username, roles: user.roles },
  });
  return user;
}

/** The first administrator of a fresh installation. */
export interface FirstAdmin {
  username: string;
  password: string;
  displayName?: string;
  /** Name of the root unit created for the administrator. */
  unitName?: string;
}

/**
 * Creates the root unit and its administrator on an installation without users (`fengxiang admin
 * create`). CONFLICT once any user exists: later users are created by an administrator.
 */
export async function createFirstAdmin(
  storage: UserStorage,
  clock: Clock,
  input: FirstAdmin,
): Promise<{ unit: Unit; user: User }> {
  if ((await storage.users.count()) > 0) {
    throw new AppError('CONFLICT', 'users already exist: create further users as an administrator', {});
  }
  const unit = await storage.units.create({ name: input.unitName?.trim() || '本单位', parentId: null });
  const user = await createUser(
    storage,
    clock,
    { userId: null, ip: null },
    { ...input, unitId: unit.id, roles: ['admin'] },
  );
  return { unit, user };
}

/**
 * Sets a new password for `user` and ends all their sessions (a changed password must log out every
 * browser that knew the old one). Audited as `user.password`.
 */
export async function changePassword(
  storage: UserStorage,
  clock: Clock,
  actor: AuditActor,
  user: User,
  password: string,
): Promise<void> {
  await storage.users.setPasswordHash(user.id, await hashPassword(password));
  const revoked = await storage.sessions.revokeAllForUser(user.id, clock.now());
  await recordAudit(storage, clock, actor, {
    action: 'user.password',
    unitId: user.unitId,
    targetType: 'user',
    targetId: user.id,
    detail: { sessionsRevoked: revoked },
  });
}

/** Ends every session of `user`; audited as `user.sessions_revoke`. Returns how many were active. */
export async function revokeUserSessions(
  storage: UserStorage,
  clock: Clock,
  actor: AuditActor,
  user: User,
): Promise<number> {
  const revoked = await storage.sessions.revokeAllForUser(user.id, clock.now());
  await recordAudit(storage, clock, actor, {
    action: 'user.sessions_revoke',
    unitId: user.unitId,
    targetType: 'user',
    targetId: user.id,
    detail: { sessionsRevoked: revoked },
  });
  return revoked;
}
