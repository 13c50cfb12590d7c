/**
 * /api/v1/incidents/:id/responses: statements (口径) drafted in versions, reviewed, signed off and
 * published. Approving and rejecting are sign-off (签发) and need publications:sign besides the route's
 * incidents:write.
 */
import type { z } from 'zod';
import { requirePermission } from '../../auth/index.js';
import {
  actOnResponse,
  deleteResponse,
  draftResponse,
  responseWithVersions,
  reviseResponse,
} from '../../cases/incidents/service/index.js';
import type * as c from '../../contract/index.js';
import type { RequestContext } from '../route.js';
import { incidentActor } from './incidents.js';
import { presentResponse, presentVersion } from './incidents-present.js';

type ResponseView = z.output<typeof c.incidentResponse>;
type Params = z.output<typeof c.incidentResponseParams>;

/** Drafts a statement (version 1). */
export async function createResponse(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.createIncidentResponseBody>,
): Promise<ResponseView> {
  return presentResponse(await draftResponse(ctx.deps, incidentActor(ctx), id, body));
}

/** A statement with every version. */
export async function getResponse(
  ctx: RequestContext,
  params: Params,
): Promise<z.output<typeof c.incidentResponseDetail>> {
  const found = await responseWithVersions(ctx.deps, incidentActor(ctx), params.id, params.responseId);
  return { ...presentResponse(found.response), versions: found.versions.map(presentVersion) };
}

/** Saves a new version of a draft. */
export async function updateResponse(
  ctx: RequestContext,
  params: Params,
  body: z.output<typeof c.updateIncidentResponseBody>,
): Promise<ResponseView> {
  return presentResponse(
    await reviseResponse(ctx.deps, incidentActor(ctx), params.id, params.responseId, body),
  );
}

/** Deletes a draft. */
export async function removeResponse(ctx: RequestContext, params: Params): Promise<{ ok: true }> {
  await deleteResponse(ctx.deps, incidentActor(ctx), params.id, params.responseId);
  return { ok: true };
}

/** draft → in_review. */
export async function submitResponse(ctx: RequestContext, params: Params): Promise<ResponseView> {
  return presentResponse(
    await actOnResponse(ctx.deps, incidentActor(ctx), params.id, params.responseId, 'submit'),
  );
}

/** in_review → approved (sign-off). */
export async function approveResponse(ctx: RequestContext, params: Params): Promise<ResponseView> {
  requirePermission(ctx.principal, 'publications:sign');
  return presentResponse(
    await actOnResponse(ctx.deps, incidentActor(ctx), params.id, params.responseId, 'approve'),
  );
}

/** in_review/approved → draft with the reason. */
export async function rejectResponse(
  ctx: RequestContext,
  params: Params,
  body: z.output<typeof c.incidentResponseRejectBody>,
): Promise<ResponseView> {
  requirePermission(ctx.principal, 'publications:sign');
  return presentResponse(
    await actOnResponse(ctx.deps, incidentActor(ctx), params.id, params.responseId, 'reject', {
      reason: body.reason,
    }),
  );
}

/** approved → published, with where and when; completes the deadlines it fulfils. */
export async function publishResponse(
  ctx: RequestContext,
  params: Params,
  body: z.output<typeof c.incidentResponsePublishBody>,
): Promise<ResponseView> {
  return presentResponse(
    await actOnResponse(ctx.deps, incidentActor(ctx), params.id, params.responseId, 'publish', {
      publish: {
        ...(body.url !== undefined && { url: body.url }),
        ...(body.channel !== undefined && { channel: body.channel }),
        ...(body.publishedAt !== undefined && { publishedAt: body.publishedAt }),
      },
    }),
  );
}
