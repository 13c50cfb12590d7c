/**
 * Audited reads of clues: clues are confidential, so every view, list and export is written to the audit
 * log in the same transaction that reads it.
 */
import type { Clue } from '../../domain/index.js';
import type { CaseTimelineEntry, ClueFilter, Page, PageRequest } from '../../storage/repositories.js';
import { audit, notFound, scopeOf, type ClueActor, type ClueServiceDeps } from './deps.js';

/** One clue with its timeline; the view is audited (`clue.view`). NOT_FOUND outside scope. */
export async function viewClue(
  deps: ClueServiceDeps,
  actor: ClueActor,
  id: string,
): Promise<{ clue: Clue; timeline: CaseTimelineEntry[] }> {
  return deps.storage.transaction(async (tx) => {
    const clue = await tx.clues.get(id, scopeOf(actor));
    if (!clue) throw notFound(id);
    const timeline = await tx.caseTimeline.list('clue', id);
    await audit(tx, actor, deps.clock.now(), clue, 'view', {});
    return { clue, timeline };
  });
}

/** A page of clues; the list is audited as one view (`clue.list`) naming the clues shown. */
export async function listClues(
  deps: ClueServiceDeps,
  actor: ClueActor,
  unitId: string,
  filter: ClueFilter,
  page: PageRequest,
): Promise<Page<Clue>> {
  return deps.storage.transaction(async (tx) => {
    const found = await tx.clues.list(scopeOf(actor), filter, page);
    await tx.audit.append({
      at: deps.clock.now(),
      actorUserId: actor.userId,
      unitId,
      action: 'clue.list',
      targetType: 'clue',
      targetId: null,
      ip: actor.ip,
      detail: { filter: { ...filter }, clueIds: found.items.map((clue) => clue.id) },
    });
    return found;
  });
}

/** What an export of a clue holds: the clue, its timeline and its evidence records (ids and hashes). */
export interface ClueExport {
  clue: Clue;
  timeline: CaseTimelineEntry[];
  evidence: {
    id: string;
    itemId: string;
    sourceUrl: string | null;
    rawSha256: string | null;
    itemTextSha256: string;
  }[];
  exportedAt: number;
  exportedBy: string;
}

/** The export of one clue; audited as `clue.export`. */
export async function exportClue(deps: ClueServiceDeps, actor: ClueActor, id: string): Promise<ClueExport> {
  return deps.storage.transaction(async (tx) => {
    const clue = await tx.clues.get(id, scopeOf(actor));
    if (!clue) throw notFound(id);
    const timeline = await tx.caseTimeline.list('clue', id);
    const evidence = (
      await tx.evidence.list(scopeOf(actor), { recordType: 'clue', recordId: id }, { limit: 500 })
    ).items;
    const at = deps.clock.now();
    await audit(tx, actor, at, clue, 'export', { evidenceIds: evidence.map((entry) => entry.id) });
    return {
      clue,
      timeline,
      evidence: evidence.map((entry) => ({
        id: entry.id,
        itemId: entry.itemId,
        sourceUrl: entry.sourceUrl,
        rawSha256: entry.rawSha256,
        itemTextSha256: entry.itemTextSha256,
      })),
      exportedAt: at,
      exportedBy: actor.userId,
    };
  });
}
