/**
 * Shared pieces of channel configuration: URL and secret fields, validation into CHANNEL_CONFIG_INVALID
 * naming the path of the first bad field, and masking of secrets for the API.
 */
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';

/** An http(s) URL a channel posts to. */
export const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** A signing secret. */
export const signingSecret = z.string().min(8).max(512);

/** What the API shows instead of a secret. */
export const MASK = '******';

/** Validates `config` with `schema`; CHANNEL_CONFIG_INVALID with the path and message of every issue. */
export function parseConfig<T>(kind: string, schema: z.ZodType<T>, config: unknown): T {
  const result = schema.safeParse(config);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  throw new AppError(
    'CHANNEL_CONFIG_INVALID',
    `${kind} channel configuration is invalid${first ? ` at "${first.path}": ${first.message}` : ''}`,
    { kind, path: first?.path ?? '', issues },
  );
}

/** A secret value as shown: URLs keep their origin (so staff recognise the platform); others vanish. */
export function maskValue(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return value;
  if (typeof value !== 'string') return MASK;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return `${url.origin}/${MASK}`;
  } catch {
    // not a URL: hidden entirely
  }
  return MASK;
}

/** The configuration with every secret field masked. */
export function maskSecrets(
  config: Record<string, unknown>,
  secretFields: readonly string[],
): Record<string, unknown> {
  const shown = { ...config };
  for (const field of secretFields) if (field in shown) shown[field] = maskValue(shown[field]);
  return shown;
}

/**
 * A changed configuration in which secret fields sent back exactly as the API showed them (masked)
 * keep their stored value, so editing a channel's name never needs its secrets again.
 */
export function keepMaskedSecrets(
  next: Record<string, unknown>,
  previous: Record<string, unknown>,
  secretFields: readonly string[],
): Record<string, unknown> {
  const merged = { ...next };
  for (const field of secretFields) {
    if (field in merged && field in previous && merged[field] === maskValue(previous[field])) {
      merged[field] = previous[field];
    }
  }
  return merged;
}
