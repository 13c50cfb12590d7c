/**
 * Password hashing (argon2id, the library's default algorithm) and the password policy. Hashes are PHC
 * strings, so the parameters travel with each hash and can be raised later without breaking old ones.
 */
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../platform/errors.js';

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

/** The longest password accepted (hashing megabytes would be a cheap denial of service). */
export const MAX_PASSWORD_LENGTH = 1024;

/** Throws PASSWORD_POLICY naming the rule that `password` breaks. */
export function checkPasswordPolicy(password: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'PASSWORD_POLICY',
      `the password must have at least ${MIN_PASSWORD_LENGTH} characters`,
      {
        minLength: MIN_PASSWORD_LENGTH,
      },
    );
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new AppError(
      'PASSWORD_POLICY',
      `the password must have at most ${MAX_PASSWORD_LENGTH} characters`,
      {
        maxLength: MAX_PASSWORD_LENGTH,
      },
    );
  }
  if (password.trim().length === 0) {
    throw new AppError('PASSWORD_POLICY', 'the password must not be only spaces', {});
  }
}

/** Checks the policy, then hashes `password` with argon2id. */
export async function hashPassword(password: string): Promise<string> {
  checkPasswordPolicy(password);
  return hash(password);
}

/** True when `password` matches `passwordHash`; false for a malformed hash too. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
