/**
 * Transfer of a ready clue to a case-handling unit (移送) with its evidence: the captures named (or every
 * capture attached to the clue) go into an evidence package built by src/cases/evidence — checked against
 * their hashes and audited as an evidence export — and the transfer records the captures and the package's
 * SHA-256, by which the package is identified.
 */
import type { Clue } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { buildEvidencePackage } from '../evidence/index.js';
import { act } from './act.js';
import { notFound, scopeOf, type ClueActor, type ClueServiceDeps } from './deps.js';
import { clueMachine } from './machine.js';

/** Where a clue goes on transfer. */
export interface ClueTransferInput {
  toUnitName: string;
  contact: string;
  /** The evidence handed over; every capture attached to the clue when absent. */
  evidenceIds?: string[];
  /** A package the caller already built (its SHA-256); built here from the evidence when absent. */
  packageId?: string | null;
  note?: string;
}

async function evidenceOf(
  deps: ClueServiceDeps,
  actor: ClueActor,
  clue: Clue,
  requested: readonly string[] | undefined,
): Promise<string[]> {
  const scope = scopeOf(actor);
  if (requested === undefined) {
    const attached = await deps.storage.evidence.list(
      scope,
      { recordType: 'clue', recordId: clue.id },
      { limit: 500 },
    );
    return attached.items.map((evidence) => evidence.id);
  }
  const found = (await deps.storage.evidence.getMany(requested, scope)).map((evidence) => evidence.id);
  const missing = requested.filter((evidenceId) => !found.includes(evidenceId));
  if (missing.length > 0) {
    throw new AppError('NOT_FOUND', `evidence ${missing.join(', ')} does not exist`, {
      ids: missing,
      entity: 'evidence',
    });
  }
  return [...new Set(requested)];
}

/** ready → transferred to a case-handling unit, with the evidence package handed over. */
export async function transferClue(
  deps: ClueServiceDeps,
  actor: ClueActor,
  id: string,
  input: ClueTransferInput,
): Promise<Clue> {
  const current = await deps.storage.clues.get(id, scopeOf(actor));
  if (!current) throw notFound(id);
  clueMachine.next(current.state, 'transfer'); // refuse before a package is built
  const evidenceIds = await evidenceOf(deps, actor, current, input.evidenceIds);
  const packageId =
    input.packageId ??
    (evidenceIds.length > 0 ? (await buildEvidencePackage(deps, evidenceIds, actor)).sha256 : null);
  return act(deps, actor, id, 'transfer', async (_clue, _tx, at) => {
    const transfer = {
      toUnitName: input.toUnitName,
      contact: input.contact,
      at,
      by: actor.userId,
      evidenceIds,
      packageId,
    };
    return {
      patch: { transfer },
      details: { toUnitName: input.toUnitName, evidenceIds, packageId },
      ...(input.note !== undefined && { note: input.note }),
    };
  });
}
