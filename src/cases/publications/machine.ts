/**
 * The publication workflow (信息发布): idea → draft → in_review → signed_off (审稿签发) → published. A
 * reviewer or signer sends it back to draft with a reason; anything not yet withdrawn can be withdrawn.
 * Text is edited only as an idea or a draft, so what is signed off is exactly what was reviewed.
 */
import type { PublicationAction, PublicationState } from '../../domain/index.js';
import { defineMachine } from '../state-machine.js';

/** The checked publication machine. */
export const publicationMachine = defineMachine<PublicationState, PublicationAction>('publication', [
  { action: 'edit', from: ['idea'], to: 'idea' },
  { action: 'edit', from: ['draft'], to: 'draft' },
  { action: 'start_draft', from: ['idea'], to: 'draft' },
  { action: 'submit', from: ['draft'], to: 'in_review' },
  { action: 'reject', from: ['in_review', 'signed_off'], to: 'draft' },
  { action: 'sign_off', from: ['in_review'], to: 'signed_off' },
  { action: 'publish', from: ['signed_off'], to: 'published' },
  { action: 'withdraw', from: ['idea', 'draft', 'in_review', 'signed_off', 'published'], to: 'withdrawn' },
]);
