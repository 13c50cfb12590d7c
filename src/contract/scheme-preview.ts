/** The live preview of a draft monitoring scheme (监测方案): what it would match among recent items. */
import { z } from 'zod';
import { SCHEME_TARGETS } from '../domain/index.js';
import { timeInput, timestamp } from './common.js';
import { item } from './items.js';

/** POST /schemes/preview: a draft expression run against the items of the last days. */
export const schemePreviewBody = z.strictObject({
  expression: z.string().trim().min(1).max(10_000),
  target: z.enum(SCHEME_TARGETS).default('both'),
  unitId: z.string().min(1).max(64).optional().describe('Only items of this unit (in scope)'),
  from: timeInput.optional().describe('Defaults to 7 days before `to`'),
  to: timeInput.optional().describe('Defaults to now'),
});

/** A matching item with the normalised words that made it match (for highlighting). */
export const schemePreviewItem = z.object({ item, words: z.array(z.string()) });

/** The answer of a preview; `complete` is false when the scan stopped at its item or time bound. */
export const schemePreview = z
  .object({
    total: z.number().int().describe('Matching items among those scanned'),
    scanned: z.number().int().describe('Items read, newest first'),
    complete: z.boolean().describe('True when every item of the window was scanned'),
    from: timestamp,
    to: timestamp,
    hits: z.array(schemePreviewItem).describe('The newest matching items (at most 20)'),
    sample: z.array(schemePreviewItem).describe('A uniform random sample of the matches (at most 20)'),
  })
  .meta({ id: 'SchemePreview' });
