/**
 * The auth service: logging in and out, and turning a session cookie or a Bearer token into a
 * {@link Principal}. Sessions slide: each use moves their expiry forward by the session TTL.
 */
import { hash } from '@node-rs/argon2';
import type { Session, User } from '../domain/index.js';
import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { newSecret } from '../platform/ids.js';
import { sha256Hex } from '../platform/sha256.js';
import type { Storage } from '../storage/repositories.js';
import { recordAudit, type AuditActor } from './audit.js';
import { InMemoryLoginLimiter, type LoginLimiter, type LoginLimits } from './login-limiter.js';
import { verifyPassword } from './passwords.js';
import { buildPrincipal, type Principal } from './principal.js';
import { TOKEN_PREFIX, tokenHashOf } from './tokens.js';

/** How the auth service behaves. */
export interface AuthServiceOptions {
  /** A session ends after this long without use. */
  sessionTtlMs: number;
  limiter: LoginLimiter;
}

/** A login attempt and where it came from. */
export interface LoginAttempt {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/** A successful login: the cookie secret is shown once and only its hash is stored. */
export interface LoginResult {
  user: User;
  session: Session;
  secret: string;
}

/** Last-seen and last-used times are written at most this often per session or token. */
const TOUCH_INTERVAL_MS = 60_000;

/** Logging in, logging out and authenticating requests. */
export class AuthService {
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly options: AuthServiceOptions,
  ) {}

  /** Checks the password; LOGIN_FAILED or LOGIN_RATE_LIMITED otherwise. Every attempt is audited. */
  async login(input: LoginAttempt): Promise<LoginResult> {
    const attempt = { ...input, username: input.username.trim() };
    const { username, ip } = attempt;
    try {
      await this.options.limiter.assertAllowed(username, ip);
    } catch (error) {
      await this.auditFailure(attempt, null, 'rate_limited');
      throw error;
    }
    const user = await this.checkPassword(attempt);
    await this.options.limiter.recordSuccess(username);
    const secret = newSecret(32);
    const session = await this.storage.sessions.create({
      userId: user.id,
      tokenHash: sha256Hex(secret),
      csrfToken: newSecret(24),
      expiresAt: this.clock.now() + this.options.sessionTtlMs,
      ip,
      userAgent: attempt.userAgent?.slice(0, 500) ?? null,
    });
    await this.storage.users.recordLogin(user.id, this.clock.now());
    await recordAudit(
      this.storage,
      this.clock,
      { userId: user.id, ip },
      {
        action: 'session.login',
        unitId: user.unitId,
        targetType: 'session',
        targetId: session.id,
        detail: { username: user.username },
      },
    );
    return { user, session, secret };
  }

  /** Revokes the caller's session; audited as `session.logout`. */
  async logout(principal: Principal, ip: string | null): Promise<void> {
    if (principal.via.kind !== 'session') {
      throw new AppError('BAD_REQUEST', 'only a console session can log out; revoke tokens instead', {});
    }
    await this.storage.sessions.revoke(principal.via.session.id, this.clock.now());
    await recordAudit(
      this.storage,
      this.clock,
      { userId: principal.user.id, ip },
      {
        action: 'session.logout',
        unitId: principal.user.unitId,
        targetType: 'session',
        targetId: principal.via.session.id,
      },
    );
  }

  /** The caller behind a session cookie secret, or null when it is unknown, expired or revoked. */
  async authenticateSession(secret: string): Promise<Principal | null> {
    const now = this.clock.now();
    const session = await this.storage.sessions.findActive(sha256Hex(secret), now);
    if (!session) return null;
    const user = await this.activeUser(session.userId);
    if (!user) return null;
    if (now - session.lastSeenAt >= Math.min(TOUCH_INTERVAL_MS, this.options.sessionTtlMs / 10)) {
      await this.storage.sessions.touch(session.id, now, now + this.options.sessionTtlMs);
    }
    return buildPrincipal(this.storage, user, { kind: 'session', session });
  }

  /** The caller behind a Bearer token, or null when it is unknown, expired or revoked. */
  async authenticateToken(secret: string): Promise<Principal | null> {
    if (!secret.startsWith(TOKEN_PREFIX)) return null;
    const now = this.clock.now();
    const token = await this.storage.tokens.findActive(tokenHashOf(secret), now);
    if (!token) return null;
    const user = await this.activeUser(token.userId);
    if (!user) return null;
    if (token.lastUsedAt === null || now - token.lastUsedAt >= TOUCH_INTERVAL_MS) {
      await this.storage.tokens.touch(token.id, now);
    }
    return buildPrincipal(this.storage, user, { kind: 'token', tokenId: token.id });
  }

  /** The user whose password matches, or LOGIN_FAILED (the same answer for every reason). */
  private async checkPassword(attempt: LoginAttempt): Promise<User> {
    const found = await this.storage.users.getWithSecretByUsername(attempt.username);
    const matches = found
      ? await verifyPassword(found.passwordHash, attempt.password)
      : await this.spendVerifyTime(attempt.password);
    const reason = !found
      ? 'unknown_user'
      : !matches
        ? 'bad_password'
        : found.user.disabled
          ? 'disabled'
          : null;
    if (found && reason === null) return found.user;
    await this.options.limiter.recordFailure(attempt.username, attempt.ip);
    await this.auditFailure(attempt, found?.user ?? null, reason ?? 'bad_password');
    throw new AppError('LOGIN_FAILED', 'wrong user name or password', {});
  }

  /** Verifies against a dummy hash so an unknown user name takes as long as a wrong password. */
  private async spendVerifyTime(password: string): Promise<false> {
    this.dummyHash ??= hash(newSecret(16));
    await verifyPassword(await this.dummyHash, password);
    return false;
  }

  private async auditFailure(attempt: LoginAttempt, user: User | null, reason: string): Promise<void> {
    const actor: AuditActor = { userId: null, ip: attempt.ip };
    await recordAudit(this.storage, this.clock, actor, {
      action: 'session.login_failed',
      unitId: user?.unitId ?? null,
      targetType: user ? 'user' : null,
      targetId: user?.id ?? null,
      detail: { username: attempt.username.slice(0, 100), reason },
    });
  }

  private async activeUser(userId: string): Promise<User | null> {
    const user = await this.storage.users.get(userId);
    return user && !user.disabled ? user : null;
  }
}

/**
 * The auth service as the CLI builds it: sessions of `sessionTtlMs`, and the in-memory login limiter
 * with `login` limits unless another limiter (a shared one for several processes) is given.
 */
export function createAuthService(
  storage: Storage,
  clock: Clock,
  options: { sessionTtlMs: number; login: LoginLimits; limiter?: LoginLimiter },
): AuthService {
  const limiter = options.limiter ?? new InMemoryLoginLimiter(clock, options.login);
  return new AuthService(storage, clock, { sessionTtlMs: options.sessionTtlMs, limiter });
}
