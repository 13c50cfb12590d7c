/**
 * What happens to a submitted bulletin: adoptions (采用) by bodies at a level, leaders' instructions
 * (批示) and the feedback given on them (反馈). Each is checked against the machine and written with its
 * timeline and audit entries in one transaction. The detail view scores the bulletin by its unit's scheme.
 */
import type {
  Bulletin,
  BulletinAdoption,
  BulletinInstruction,
  BulletinLevel,
  BulletinScoring,
} from '../../domain/index.js';
import { journal } from '../publications/journal.js';
import type { BulletinDeps, CaseActor } from './deps.js';
import { bulletinMachine } from './machine.js';
import { scoreBulletin } from './scoring.js';
import { loadBulletin } from './service.js';

/** An adoption as recorded. */
export interface AdoptionInput {
  adoptedBy: string;
  level: BulletinLevel;
  adoptedAt: number;
  note?: string | null;
}

/** An instruction as recorded. */
export interface InstructionInput {
  leader: string;
  level: BulletinLevel;
  text: string;
  instructedAt: number;
}

/** A bulletin with everything recorded on it and its score. */
export interface BulletinDetail {
  bulletin: Bulletin;
  adoptions: BulletinAdoption[];
  instructions: BulletinInstruction[];
  scoring: BulletinScoring;
  score: number;
}

/** Records an adoption of a submitted bulletin. */
export async function recordAdoption(
  deps: BulletinDeps,
  actor: CaseActor,
  id: string,
  input: AdoptionInput,
): Promise<BulletinAdoption> {
  return deps.storage.transaction(async (tx) => {
    const current = await loadBulletin(tx, actor, id);
    bulletinMachine.next(current.state, 'record_adoption');
    const at = deps.clock.now();
    const saved = await tx.bulletins.addAdoption({
      bulletinId: id,
      unitId: current.unitId,
      adoptedBy: input.adoptedBy,
      level: input.level,
      adoptedAt: input.adoptedAt,
      note: input.note ?? null,
      recordedBy: actor.userId,
      recordedAt: at,
    });
    await journal(tx, actor, {
      unitId: current.unitId,
      recordType: 'bulletin',
      recordId: id,
      at,
      action: 'record_adoption',
      note: input.note ?? null,
      details: {
        adoptionId: saved.id,
        adoptedBy: saved.adoptedBy,
        level: saved.level,
        adoptedAt: saved.adoptedAt,
      },
    });
    return saved;
  });
}

/** Records a leader's instruction on a submitted bulletin. */
export async function recordInstruction(
  deps: BulletinDeps,
  actor: CaseActor,
  id: string,
  input: InstructionInput,
): Promise<BulletinInstruction> {
  return deps.storage.transaction(async (tx) => {
    const current = await loadBulletin(tx, actor, id);
    bulletinMachine.next(current.state, 'record_instruction');
    const at = deps.clock.now();
    const saved = await tx.bulletins.addInstruction({
      bulletinId: id,
      unitId: current.unitId,
      leader: input.leader,
      level: input.level,
      text: input.text,
      instructedAt: input.instructedAt,
      recordedBy: actor.userId,
      recordedAt: at,
    });
    await journal(tx, actor, {
      unitId: current.unitId,
      recordType: 'bulletin',
      recordId: id,
      at,
      action: 'record_instruction',
      details: {
        instructionId: saved.id,
        leader: saved.leader,
        level: saved.level,
        instructedAt: saved.instructedAt,
      },
    });
    return saved;
  });
}

/** Records the feedback given on an instruction (NOT_FOUND when it is not one of the bulletin's). */
export async function recordFeedback(
  deps: BulletinDeps,
  actor: CaseActor,
  id: string,
  instructionId: string,
  input: { text: string; at?: number },
): Promise<BulletinInstruction> {
  return deps.storage.transaction(async (tx) => {
    const current = await loadBulletin(tx, actor, id);
    bulletinMachine.next(current.state, 'record_feedback');
    const at = deps.clock.now();
    const saved = await tx.bulletins.setFeedback(id, instructionId, input.text, input.at ?? at);
    await journal(tx, actor, {
      unitId: current.unitId,
      recordType: 'bulletin',
      recordId: id,
      at,
      action: 'record_feedback',
      note: input.text,
      details: { instructionId, feedbackAt: saved.feedbackAt },
    });
    return saved;
  });
}

/** A bulletin in the actor's scope with its adoptions, instructions and score. */
export async function bulletinDetail(
  deps: BulletinDeps,
  actor: CaseActor,
  id: string,
): Promise<BulletinDetail> {
  const bulletin = await loadBulletin(deps.storage, actor, id);
  const [adoptions, instructions, settings] = await Promise.all([
    deps.storage.bulletins.adoptions(id),
    deps.storage.bulletins.instructions(id),
    deps.storage.bulletins.getSettings(bulletin.unitId),
  ]);
  return {
    bulletin,
    adoptions,
    instructions,
    scoring: settings.scoring,
    score: scoreBulletin(settings.scoring, { adoptions, instructions }),
  };
}
