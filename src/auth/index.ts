/**
 * Authentication and authorisation: users, passwords, sessions, API tokens, login rate limits,
 * permission and scope checks, and the audit log writer. The CLI and the API use these functions.
 */
export { recordAudit, type AuditActor, type AuditEvent } from './audit.js';
export { InMemoryLoginLimiter, type LoginLimiter, type LoginLimits } from './login-limiter.js';
export { checkPasswordPolicy, hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
export {
  hasPermission,
  inScope,
  notFound,
  requireGrantableRoles,
  requirePermission,
  requireUnitInScope,
  visibleOrNotFound,
} from './permissions.js';
export { buildPrincipal, type Principal } from './principal.js';
export {
  AuthService,
  createAuthService,
  type AuthServiceOptions,
  type LoginAttempt,
  type LoginResult,
} from './service.js';
export { createToken, revokeToken, TOKEN_PREFIX, type CreatedToken } from './tokens.js';
export {
  changePassword,
  createFirstAdmin,
  createUser,
  normalizeUsername,
  revokeUserSessions,
  type FirstAdmin,
  type NewUser,
} from './users.js';
