/**
 * API tokens: `fx_` followed by a random secret, shown once at creation; only its SHA-256 is stored.
 * Shared by the API and `fengxiang token create --user U`.
 */
import type { ApiToken, User } from '../domain/index.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { newSecret } from '../platform/ids.js';
import { sha256Hex } from '../platform/sha256.js';
import type { Storage } from '../storage/repositories.js';
import { recordAudit, type AuditActor } from './audit.js';

/** Every API token starts with this, so secret scanners and people recognise it. */
export const TOKEN_PREFIX = 'fx_';

/** How many leading characters of a token are kept to tell tokens apart in lists. */
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

/** A token just created, with the secret that is never shown again. */
export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

/** Creates a token for `user`; audited as `token.create`. */
export async function createToken(
  storage: Pick<Storage, 'tokens' | 'audit'>,
  clock: Clock,
  actor: AuditActor,
  input: { user: User; name: string; expiresAt?: number | null },
): Promise<CreatedToken> {
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt !== null && expiresAt <= clock.now()) {
    throw new AppError('VALIDATION_FAILED', 'a token must expire in the future', { field: 'expiresAt' });
  }
  const secret = TOKEN_PREFIX + newSecret(32);
  const token = await storage.tokens.create({
    userId: input.user.id,
    name: input.name.trim() || 'token',
    tokenHash: sha256Hex(secret),
    prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
    expiresAt,
  });
  await recordAudit(storage, clock, actor, {
    action: 'token.create',
    unitId: input.user.unitId,
    targetType: 'token',
    targetId: token.id,
    detail: { userId: input.user.id, name: token.name, prefix: token.prefix },
  });
  return { token, secret };
}

/** Revokes `token` of `owner`; audited as `token.revoke`. */
export async function revokeToken(
  storage: Pick<Storage, 'tokens' | 'audit'>,
  clock: Clock,
  actor: AuditActor,
  token: ApiToken,
  owner: User,
): Promise<void> {
  await storage.tokens.revoke(token.id, clock.now());
  await recordAudit(storage, clock, actor, {
    action: 'token.revoke',
    unitId: owner.unitId,
    targetType: 'token',
    targetId: token.id,
    detail: { userId: owner.id, name: token.name },
  });
}

/** The stored hash of a presented token secret. */
export function tokenHashOf(secret: string): string {
  return sha256Hex(secret);
}
