/**
 * The publication service: load the record in the actor's scope, check the machine, write the record, its
 * version, its timeline and the audit log in one transaction. Sign-off runs the confidentiality check
 * first and is refused with PUBLICATION_CONFIDENTIAL (naming every hit) while the draft leaks anything.
 */
import {
  DEFAULT_SECRET_TERMS,
  type ConfidentialityHit,
  type Publication,
  type PublicationAction,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import type { PublicationPatch } from '../../storage/repositories.js';
import { checkConfidentiality } from './confidentiality.js';
import type { CaseActor, PublicationDeps, StorageTx } from './deps.js';
import { journal } from './journal.js';
import { publicationMachine } from './machine.js';

/** A new publication: an idea (选题) or straight away a draft. */
export interface NewPublicationInput {
  unitId: string;
  title: string;
  body: string;
  channel?: string | null;
  incidentId?: string | null;
  asDraft?: boolean;
  note?: string | null;
}

/** An edit of the text (a new version) or of the channel. */
export interface PublicationEdit {
  title?: string;
  body?: string;
  channel?: string | null;
  note?: string | null;
}

function inScope(actor: CaseActor, unitId: string): boolean {
  return actor.unitIds === null || actor.unitIds.includes(unitId);
}

async function load(tx: StorageTx, actor: CaseActor, id: string): Promise<Publication> {
  const found = await tx.publications.get(id, { unitIds: actor.unitIds });
  if (!found)
    throw new AppError('NOT_FOUND', `publication ${id} does not exist`, { id, entity: 'publication' });
  return found;
}

/** Creates a publication of a unit in the actor's scope, with its text as version 1. */
export async function createPublication(
  deps: PublicationDeps,
  actor: CaseActor,
  input: NewPublicationInput,
): Promise<Publication> {
  if (!inScope(actor, input.unitId)) {
    throw new AppError('NOT_FOUND', `unit ${input.unitId} does not exist`, {
      id: input.unitId,
      entity: 'unit',
    });
  }
  const at = deps.clock.now();
  return deps.storage.transaction(async (tx) => {
    const created = await tx.publications.create(
      {
        unitId: input.unitId,
        title: input.title,
        body: input.body,
        channel: input.channel ?? null,
        incidentId: input.incidentId ?? null,
        state: input.asDraft ? 'draft' : 'idea',
        createdBy: actor.userId,
        note: input.note ?? null,
      },
      at,
    );
    await journal(tx, actor, {
      unitId: created.unitId,
      recordType: 'publication',
      recordId: created.id,
      at,
      action: 'create',
      toState: created.state,
      note: input.note ?? null,
      details: { title: created.title, version: 1 },
    });
    return created;
  });
}

/** Saves an edit of an idea or draft; a changed title or body becomes the next version. */
export async function editPublication(
  deps: PublicationDeps,
  actor: CaseActor,
  id: string,
  edit: PublicationEdit,
): Promise<Publication> {
  const at = deps.clock.now();
  return deps.storage.transaction(async (tx) => {
    const current = await load(tx, actor, id);
    publicationMachine.next(current.state, 'edit');
    const title = edit.title ?? current.title;
    const body = edit.body ?? current.body;
    const textChanged = title !== current.title || body !== current.body;
    const patch: PublicationPatch = {
      ...(edit.channel !== undefined && { channel: edit.channel }),
      ...(textChanged && { title, body, version: current.version + 1 }),
    };
    if (Object.keys(patch).length === 0) return current;
    if (textChanged) {
      await tx.publications.addVersion({
        publicationId: id,
        unitId: current.unitId,
        version: current.version + 1,
        title,
        body,
        editedBy: actor.userId,
        editedAt: at,
        note: edit.note ?? null,
      });
    }
    const updated = await tx.publications.update(id, patch, at);
    await journal(tx, actor, {
      unitId: current.unitId,
      recordType: 'publication',
      recordId: id,
      at,
      action: 'edit',
      note: edit.note ?? null,
      details: { version: updated.version, fields: Object.keys(patch) },
    });
    return updated;
  });
}

/** The confidentiality hits of a text for `unitId`: the default and the unit's terms, and its confidential texts. */
export async function confidentialityHits(
  deps: PublicationDeps,
  unitId: string,
  draft: { title: string; body: string },
): Promise<ConfidentialityHit[]> {
  const settings = await deps.storage.publications.getSettings(unitId);
  const texts = deps.confidentialTexts ? await deps.confidentialTexts(unitId) : [];
  return checkConfidentiality(draft, {
    secretTerms: [...DEFAULT_SECRET_TERMS, ...settings.secretTerms],
    confidentialTexts: texts,
  });
}

/** The confidentiality check of a publication's current text. */
export async function checkPublication(
  deps: PublicationDeps,
  actor: CaseActor,
  id: string,
): Promise<{ publication: Publication; hits: ConfidentialityHit[] }> {
  const publication = await load(deps.storage, actor, id);
  return { publication, hits: await confidentialityHits(deps, publication.unitId, publication) };
}

/** What a transition may carry. */
export interface TransitionInput {
  note?: string | null;
  /** reject and withdraw: why. */
  reason?: string;
  /** publish: where it went online and when (now when absent). */
  url?: string;
  publishedAt?: number;
}

function patchFor(
  action: PublicationAction,
  actor: CaseActor,
  input: TransitionInput,
  at: number,
): PublicationPatch {
  switch (action) {
    case 'submit':
      return { rejectReason: null };
    case 'reject':
      if (!input.reason)
        throw new AppError('VALIDATION_FAILED', 'a rejection needs a reason', { field: 'reason' });
      return { rejectReason: input.reason, signedOffBy: null, signedOffAt: null };
    case 'sign_off':
      return { signedOffBy: actor.userId, signedOffAt: at };
    case 'publish':
      if (!input.url) throw new AppError('VALIDATION_FAILED', 'publishing needs the URL', { field: 'url' });
      return { publishedUrl: input.url, publishedAt: input.publishedAt ?? at };
    case 'withdraw':
      if (!input.reason)
        throw new AppError('VALIDATION_FAILED', 'a withdrawal needs a reason', { field: 'reason' });
      return { withdrawReason: input.reason };
    default:
      return {};
  }
}

/** Moves a publication by `action` (not `edit`); sign-off is refused while the check finds anything. */
export async function transitionPublication(
  deps: PublicationDeps,
  actor: CaseActor,
  id: string,
  action: Exclude<PublicationAction, 'edit'>,
  input: TransitionInput = {},
): Promise<Publication> {
  if (action === 'sign_off' && actor.userId === null) {
    throw new AppError('FORBIDDEN', 'a publication is signed off by a person', { id });
  }
  const before = await load(deps.storage, actor, id);
  publicationMachine.next(before.state, action);
  if (action === 'sign_off') {
    const hits = await confidentialityHits(deps, before.unitId, before);
    if (hits.length > 0) {
      throw new AppError(
        'PUBLICATION_CONFIDENTIAL',
        `publication ${id} has ${hits.length} confidentiality hit(s)`,
        {
          id,
          hits,
        },
      );
    }
  }
  const at = deps.clock.now();
  return deps.storage.transaction(async (tx) => {
    const current = await load(tx, actor, id);
    // The text may not change between the check and the write: only ideas and drafts are edited.
    const to = publicationMachine.next(current.state, action);
    const updated = await tx.publications.update(
      id,
      { ...patchFor(action, actor, input, at), state: to },
      at,
    );
    await journal(tx, actor, {
      unitId: current.unitId,
      recordType: 'publication',
      recordId: id,
      at,
      action,
      fromState: current.state,
      toState: to,
      note: input.note ?? input.reason ?? null,
      details: {
        version: current.version,
        ...(action === 'publish' && { url: updated.publishedUrl, publishedAt: updated.publishedAt }),
      },
    });
    return updated;
  });
}
