/**
 * Shapes every resource shares: times, ids, paging, list parameters given once or repeated, and the
 * error body. Times travel as ISO 8601 strings; below the API they are epoch milliseconds.
 */
import { z } from 'zod';

/** A time in a response: ISO 8601 in UTC. */
export const timestamp = z.iso.datetime().describe('ISO 8601 time (UTC)');

/** A time in a request: ISO 8601 with `Z` or an offset, turned into epoch milliseconds. */
export const timeInput = z.iso
  .datetime({ offset: true })
  .transform((value) => Date.parse(value))
  .describe('ISO 8601 time, e.g. 2024-05-03T12:00:00+08:00');

/** A record id in a path. */
export const idParams = z.object({ id: z.string().min(1).max(64) });

/** The largest page any API list returns. */
export const MAX_API_PAGE = 200;

/** Keyset paging parameters of a list. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_API_PAGE).default(50),
  cursor: z.string().min(1).max(500).optional(),
});

/** A query parameter given once, repeated, or comma-separated, as a list of non-empty strings. */
export const listParam = z.union([z.string(), z.array(z.string())]).transform((value) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((part) => part.split(','))
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);

/** {@link listParam} whose entries must be one of `values`. */
export function listOf<const T extends readonly [string, ...string[]]>(values: T) {
  return listParam.pipe(z.array(z.enum(values)));
}

/** A true/false query parameter. */
export const flagParam = z.stringbool();

/** A page of `item` and the cursor of the next page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The body of every error answer. */
export const errorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code, e.g. NOT_FOUND'),
      message: z.string(),
      messageZh: z.string(),
      details: z.record(z.string(), z.unknown()),
      requestId: z
        .string()
        .optional()
        .describe('The request id (also in the X-Request-Id header and the server logs), for support'),
    }),
  })
  .meta({ id: 'Error' });

/** The body of an error answer. */
export type ErrorResponse = z.infer<typeof errorResponse>;

/** An empty success body (`{ ok: true }`). */
export const okResponse = z.object({ ok: z.literal(true) });
