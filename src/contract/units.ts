/** Units: the organisation tree. */
import { z } from 'zod';
import { timestamp } from './common.js';

/** A unit. */
export const unit = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    code: z.string().nullable(),
    path: z.string().describe('Ids from the root, `/root/child/`'),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Unit' });

const unitName = z.string().trim().min(1).max(200);
const unitCode = z.string().trim().min(1).max(64).nullable();

/** POST /units: a unit below a unit in the caller's scope. */
export const createUnitBody = z.strictObject({
  name: unitName,
  parentId: z.string().min(1),
  code: unitCode.optional(),
});

/** PATCH /units/:id. */
export const updateUnitBody = z.strictObject({
  name: unitName.optional(),
  code: unitCode.optional(),
  parentId: z.string().min(1).optional(),
});

/** GET /units. */
export const unitList = z.object({ items: z.array(unit) });
