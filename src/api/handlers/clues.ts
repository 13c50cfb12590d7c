/**
 * /api/v1/clues: confidential clues (问题线索) of units in scope. Reads go through the audited reads of the
 * clue service (every view, list and export is an audit entry); changes are checked transitions.
 */
import type { z } from 'zod';
import { requireUnitInScope } from '../../auth/index.js';
import {
  clueMachine,
  createClue,
  editClue,
  exportClue,
  listClues,
  markClueReady,
  recordClueOutcome,
  reopenClue,
  transferClue,
  viewClue,
  type ClueActor,
} from '../../cases/clues/index.js';
import type * as c from '../../contract/index.js';
import type { Clue } from '../../domain/index.js';
import type { CaseTimelineEntry } from '../../storage/repositories.js';
import type { RequestContext } from '../route.js';
import { unauthenticated } from '../route.js';

type ClueView = z.output<typeof c.clue>;

const iso = (ms: number): string => new Date(ms).toISOString();

/** A clue as the API shows it, with the actions allowed next. */
export function presentClue(clue: Clue): ClueView {
  return {
    ...clue,
    transfer: clue.transfer && { ...clue.transfer, at: iso(clue.transfer.at) },
    outcomeAt: clue.outcomeAt === null ? null : iso(clue.outcomeAt),
    createdAt: iso(clue.createdAt),
    updatedAt: iso(clue.updatedAt),
    actions: clueMachine.actionsFrom(clue.state),
  };
}

function presentEntry(entry: CaseTimelineEntry): z.output<typeof c.clueTimelineEntry> {
  return {
    at: iso(entry.at),
    actorUserId: entry.actorUserId,
    action: entry.action,
    fromState: entry.fromState,
    toState: entry.toState,
    note: entry.note,
    details: entry.details,
  };
}

/** The caller as the clue service sees it (people only: clues are never touched anonymously). */
export function clueActor(ctx: RequestContext): ClueActor {
  const userId = ctx.actor.userId;
  if (userId === null) throw unauthenticated();
  return { userId, ip: ctx.actor.ip, unitIds: ctx.principal.scope.unitIds };
}

/** Clues in scope, newest first; audited as one `clue.list`. */
export async function listCluesHandler(
  ctx: RequestContext,
  query: z.output<typeof c.clueListQuery>,
): Promise<z.output<typeof c.cluePage>> {
  const page = await listClues(
    ctx.deps,
    clueActor(ctx),
    ctx.principal.user.unitId,
    {
      ...(query.state && { states: query.state }),
      ...(query.origin && { origins: query.origin }),
      ...(query.outcome && { outcomes: query.outcome }),
      ...(query.incidentId !== undefined && { incidentId: query.incidentId }),
      ...(query.itemId !== undefined && { itemId: query.itemId }),
      ...(query.from !== undefined && { from: query.from }),
      ...(query.to !== undefined && { to: query.to }),
    },
    { limit: query.limit, cursor: query.cursor ?? null },
  );
  return { items: page.items.map(presentClue), nextCursor: page.nextCursor };
}

/** Clues in scope per state. */
export async function clueCountsHandler(ctx: RequestContext): Promise<z.output<typeof c.clueCounts>> {
  return { byState: await ctx.deps.storage.clues.countByState(ctx.principal.scope) };
}

/** 成案率 per unit for clues transferred in the period. */
export async function clueStatsHandler(
  ctx: RequestContext,
  query: z.output<typeof c.clueStatsQuery>,
): Promise<z.output<typeof c.clueStatsResponse>> {
  return {
    items: await ctx.deps.storage.clues.filingStats(ctx.principal.scope, { from: query.from, to: query.to }),
  };
}

/** One clue with its timeline; audited as `clue.view`. */
export async function getClueHandler(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof c.clueDetail>> {
  const { clue, timeline } = await viewClue(ctx.deps, clueActor(ctx), id);
  return { ...presentClue(clue), timeline: timeline.map(presentEntry) };
}

/** The export of one clue; audited as `clue.export`. */
export async function exportClueHandler(
  ctx: RequestContext,
  id: string,
): Promise<z.output<typeof c.clueExport>> {
  const exported = await exportClue(ctx.deps, clueActor(ctx), id);
  return {
    ...exported,
    clue: presentClue(exported.clue),
    timeline: exported.timeline.map(presentEntry),
    exportedAt: iso(exported.exportedAt),
  };
}

/** A new draft clue of the caller's unit (or a unit in scope). */
export async function createClueHandler(
  ctx: RequestContext,
  body: z.output<typeof c.createClueBody>,
): Promise<ClueView> {
  const unitId = body.unitId ?? ctx.principal.user.unitId;
  requireUnitInScope(ctx.principal, unitId);
  return presentClue(await createClue(ctx.deps, clueActor(ctx), { ...body, unitId }));
}

/** Changes a draft: text, items, checklist. */
export async function updateClueHandler(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.updateClueBody>,
): Promise<ClueView> {
  const { checklist, ...rest } = body;
  const change = checklist
    ? Object.fromEntries(Object.entries(checklist).filter(([, value]) => value !== undefined))
    : undefined;
  return presentClue(
    await editClue(ctx.deps, clueActor(ctx), id, { ...rest, ...(change && { checklist: change }) }),
  );
}

/** draft → ready. */
export async function markClueReadyHandler(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.clueNoteBody>,
): Promise<ClueView> {
  return presentClue(await markClueReady(ctx.deps, clueActor(ctx), id, body.note));
}

/** ready → draft. */
export async function reopenClueHandler(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.clueNoteBody>,
): Promise<ClueView> {
  return presentClue(await reopenClue(ctx.deps, clueActor(ctx), id, body.note));
}

/** ready → transferred. */
export async function transferClueHandler(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.clueTransferBody>,
): Promise<ClueView> {
  return presentClue(await transferClue(ctx.deps, clueActor(ctx), id, body));
}

/** Records the outcome the case-handling unit reported. */
export async function clueOutcomeHandler(
  ctx: RequestContext,
  id: string,
  body: z.output<typeof c.clueOutcomeBody>,
): Promise<ClueView> {
  return presentClue(await recordClueOutcome(ctx.deps, clueActor(ctx), id, body.outcome, body.note));
}
