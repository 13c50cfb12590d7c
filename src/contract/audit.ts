/** The audit log. */
import { z } from 'zod';
import { pageOf, pageQuery, timeInput, timestamp } from './common.js';

/** One audit entry. */
export const auditEntry = z
  .object({
    id: z.string(),
    at: timestamp,
    actorUserId: z.string().nullable(),
    unitId: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

/** GET /audit: newest first. */
export const auditQuery = pageQuery.extend({
  actor: z.string().min(1).optional().describe('Actor user id'),
  action: z.string().min(1).max(100).optional(),
  targetType: z.string().min(1).max(100).optional(),
  targetId: z.string().min(1).max(100).optional(),
  from: timeInput.optional(),
  to: timeInput.optional(),
});

/** A page of audit entries. */
export const auditPage = pageOf(auditEntry);
