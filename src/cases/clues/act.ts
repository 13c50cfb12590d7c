/**
 * The shape every clue transition shares: load the clue in scope, check the action against the machine,
 * apply the patch the step builds, and write the clue, its timeline and the audit log in one transaction.
 */
import type { Clue } from '../../domain/index.js';
import type { CluePatch } from '../../storage/repositories.js';
import { audit, notFound, scopeOf, type ClueActor, type ClueServiceDeps, type Tx } from './deps.js';
import { clueMachine, type ClueAction } from './machine.js';

/** What a step decides: the change, and what the timeline and audit entries say about it. */
export interface ClueStep {
  patch: CluePatch;
  details?: Record<string, unknown>;
  note?: string;
}

/**
 * Loads the clue in scope, checks `action` against the machine, applies the patch `build` returns and
 * writes the timeline and audit entries, all in one transaction.
 */
export async function act(
  deps: ClueServiceDeps,
  actor: ClueActor,
  id: string,
  action: ClueAction,
  build: (clue: Clue, tx: Tx, at: number) => Promise<ClueStep>,
): Promise<Clue> {
  return deps.storage.transaction(async (tx) => {
    const clue = await tx.clues.get(id, scopeOf(actor));
    if (!clue) throw notFound(id);
    const to = clueMachine.next(clue.state, action);
    const at = deps.clock.now();
    const { patch, details = {}, note } = await build(clue, tx, at);
    const updated = await tx.clues.update(id, { ...patch, state: to }, at);
    await tx.caseTimeline.append({
      unitId: clue.unitId,
      recordType: 'clue',
      recordId: id,
      at,
      actorUserId: actor.userId,
      action,
      fromState: clue.state,
      toState: to,
      ...(note !== undefined && { note }),
      details,
    });
    await audit(tx, actor, at, clue, action, { from: clue.state, to, ...details });
    return updated;
  });
}
