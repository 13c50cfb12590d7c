/**
 * Statements (口径) of an incident: drafted and edited in versions, submitted for review, approved
 * (signed off, 签发) or rejected back to draft, then published. Publishing completes the deadlines the
 * statement fulfils (first release, response, press conference). Each step checks the review machine and
 * writes the statement, the incident's timeline and the audit log in one transaction.
 */
import type {
  Incident,
  IncidentResponse,
  IncidentResponseVersion,
  ResponseAction,
  ResponseKind,
} from '../../../domain/index.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { IncidentResponsePatch } from '../../../storage/repositories.js';
import { fulfilledBy } from '../deadlines.js';
import { requireDraft, requireOpen, responseMachine } from '../machine.js';
import { completeDeadlines } from './deadlines.js';
import {
  loadIncident,
  recordChange,
  type IncidentActor,
  type IncidentServiceDeps,
  type StorageTx,
} from './deps.js';

async function loadResponse(
  tx: StorageTx,
  actor: IncidentActor,
  incidentId: string,
  responseId: string,
): Promise<{ incident: Incident; response: IncidentResponse }> {
  const incident = await loadIncident(tx, actor, incidentId);
  const response = await tx.incidentResponses.get(responseId);
  if (!response || response.incidentId !== incident.id) {
    throw new AppError('NOT_FOUND', `incident response ${responseId} does not exist`, {
      id: responseId,
      entity: 'incident_response',
    });
  }
  return { incident, response };
}

function summaryOf(response: IncidentResponse): Record<string, unknown> {
  return { responseId: response.id, kind: response.kind, version: response.version };
}

/** Drafts a new statement (version 1). */
export async function draftResponse(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  incidentId: string,
  input: { kind: ResponseKind; title: string; content: string },
): Promise<IncidentResponse> {
  return deps.storage.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor, incidentId);
    requireOpen(incident.state, 'draft a statement');
    const at = deps.clock.now();
    const response: IncidentResponse = {
      id: newId(at),
      incidentId,
      unitId: incident.unitId,
      kind: input.kind,
      state: 'draft',
      title: input.title,
      content: input.content,
      version: 1,
      approvedVersion: null,
      createdBy: actor.userId,
      submittedAt: null,
      approvedBy: null,
      approvedAt: null,
      rejectedReason: null,
      publishedBy: null,
      publishedAt: null,
      publishedUrl: null,
      publishedChannel: null,
      createdAt: at,
      updatedAt: at,
    };
    await tx.incidentResponses.create(response, null);
    await recordChange(tx, actor, incident, at, { action: 'response_draft', details: summaryOf(response) });
    return response;
  });
}

/** Saves a new version of a draft's text. */
export async function reviseResponse(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  incidentId: string,
  responseId: string,
  input: { title?: string; content?: string; note?: string | null },
): Promise<IncidentResponse> {
  return deps.storage.transaction(async (tx) => {
    const { incident, response } = await loadResponse(tx, actor, incidentId, responseId);
    requireDraft(response.state, 'edited');
    const at = deps.clock.now();
    const version = response.version + 1;
    const title = input.title ?? response.title;
    const content = input.content ?? response.content;
    await tx.incidentResponses.addVersion({
      responseId,
      version,
      title,
      content,
      editedBy: actor.userId,
      editedAt: at,
      note: input.note ?? null,
    });
    const updated = await tx.incidentResponses.update(responseId, { title, content, version }, at);
    await recordChange(tx, actor, incident, at, {
      action: 'response_revise',
      note: input.note ?? null,
      details: summaryOf(updated),
    });
    return updated;
  });
}

/** Deletes a draft that was never published (with its versions). */
export async function deleteResponse(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  incidentId: string,
  responseId: string,
): Promise<void> {
  await deps.storage.transaction(async (tx) => {
    const { incident, response } = await loadResponse(tx, actor, incidentId, responseId);
    requireDraft(response.state, 'deleted');
    await tx.incidentResponses.delete(responseId);
    await recordChange(tx, actor, incident, deps.clock.now(), {
      action: 'response_delete',
      details: summaryOf(response),
    });
  });
}

/** Where and when a statement went online. */
export interface PublishInput {
  url?: string | null;
  channel?: string | null;
  /** When it went online; now by default. */
  publishedAt?: number;
}

function patchFor(
  action: ResponseAction,
  response: IncidentResponse,
  actor: IncidentActor,
  at: number,
  input: { reason?: string | null; publish?: PublishInput },
): IncidentResponsePatch {
  switch (action) {
    case 'submit':
      return { submittedAt: at, rejectedReason: null };
    case 'approve':
      return { approvedBy: actor.userId, approvedAt: at, approvedVersion: response.version };
    case 'reject':
      return {
        rejectedReason: input.reason ?? null,
        approvedBy: null,
        approvedAt: null,
        approvedVersion: null,
      };
    case 'publish':
      return {
        publishedBy: actor.userId,
        publishedAt: input.publish?.publishedAt ?? at,
        publishedUrl: input.publish?.url ?? null,
        publishedChannel: input.publish?.channel ?? null,
      };
  }
}

/**
 * Moves a statement through review: submit, approve (sign off), reject (with the reason) or publish.
 * The caller checks who may sign off; publishing completes the deadlines the statement fulfils.
 */
export async function actOnResponse(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  incidentId: string,
  responseId: string,
  action: ResponseAction,
  input: { reason?: string | null; publish?: PublishInput } = {},
): Promise<IncidentResponse> {
  return deps.storage.transaction(async (tx) => {
    const { incident, response } = await loadResponse(tx, actor, incidentId, responseId);
    const state = responseMachine.next(response.state, action);
    requireOpen(incident.state, `${action} a statement`);
    const at = deps.clock.now();
    const updated = await tx.incidentResponses.update(
      responseId,
      { state, ...patchFor(action, response, actor, at, input) },
      at,
    );
    const completed =
      action === 'publish' ? await completeDeadlines(tx, incidentId, fulfilledBy(response.kind), at) : [];
    await recordChange(tx, actor, incident, at, {
      action: `response_${action}`,
      fromState: response.state,
      toState: state,
      note: input.reason ?? null,
      details: {
        ...summaryOf(response),
        ...(action === 'publish' && { url: updated.publishedUrl, deadlinesMet: completed }),
      },
    });
    return updated;
  });
}

/** A statement with every version of its text, newest first. */
export async function responseWithVersions(
  deps: IncidentServiceDeps,
  actor: IncidentActor,
  incidentId: string,
  responseId: string,
): Promise<{ response: IncidentResponse; versions: IncidentResponseVersion[] }> {
  const { response } = await loadResponse(deps.storage, actor, incidentId, responseId);
  return { response, versions: await deps.storage.incidentResponses.versions(responseId) };
}
