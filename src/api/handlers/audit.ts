/** /api/v1/audit: the audit log of units in scope, newest first. */
import type { z } from 'zod';
import type { auditPage, auditQuery } from '../../contract/index.js';
import type { AuditFilter } from '../../storage/repositories.js';
import { presentAuditEntry } from '../presenters.js';
import type { RequestContext } from '../route.js';

type AuditQuery = z.output<typeof auditQuery>;

function filterOf(query: AuditQuery): AuditFilter {
  return {
    ...(query.actor !== undefined && { actorUserId: query.actor }),
    ...(query.action !== undefined && { action: query.action }),
    ...(query.targetType !== undefined && { targetType: query.targetType }),
    ...(query.targetId !== undefined && { targetId: query.targetId }),
    ...(query.from !== undefined && { from: query.from }),
    ...(query.to !== undefined && { to: query.to }),
  };
}

/** Audit entries of units in scope. */
export async function listAudit(ctx: RequestContext, query: AuditQuery): Promise<z.output<typeof auditPage>> {
  const page = await ctx.deps.storage.audit.list(ctx.principal.scope, filterOf(query), {
    limit: query.limit,
    cursor: query.cursor ?? null,
  });
  return { items: page.items.map(presentAuditEntry), nextCursor: page.nextCursor };
}
