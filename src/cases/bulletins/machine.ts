/**
 * The bulletin workflow (信息报送): a draft is edited and submitted to higher bodies; a submitted bulletin
 * collects adoptions (采用), instructions (批示) and their feedback (反馈); it can be recalled to draft
 * (the service refuses when something was already recorded on it) and a draft can be cancelled.
 */
import type { BulletinAction, BulletinState } from '../../domain/index.js';
import { defineMachine } from '../state-machine.js';

/** The checked bulletin machine. */
export const bulletinMachine = defineMachine<BulletinState, BulletinAction>('bulletin', [
  { action: 'edit', from: ['draft'], to: 'draft' },
  { action: 'submit', from: ['draft'], to: 'submitted' },
  { action: 'recall', from: ['submitted'], to: 'draft' },
  { action: 'cancel', from: ['draft'], to: 'cancelled' },
  { action: 'record_adoption', from: ['submitted'], to: 'submitted' },
  { action: 'record_instruction', from: ['submitted'], to: 'submitted' },
  { action: 'record_feedback', from: ['submitted'], to: 'submitted' },
]);
