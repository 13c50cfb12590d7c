/** Conversions between incident rows and domain records (JSON columns checked on read). */
import type { Selectable } from 'kysely';
import type {
  Incident,
  IncidentLevel,
  IncidentOrigin,
  IncidentResponse,
  IncidentReview,
  IncidentState,
  IncidentVerification,
  ResponseKind,
  ResponseState,
} from '../../domain/index.js';
import { parseJsonObject, toJsonText } from '../json-columns.js';
import type { IncidentResponsesTable, IncidentsTable } from './tables.js';

function verificationOf(text: string | null): IncidentVerification | null {
  if (text === null) return null;
  return parseJsonObject(text, 'incidents.verification') as unknown as IncidentVerification;
}

function reviewOf(text: string | null): IncidentReview | null {
  if (text === null) return null;
  return parseJsonObject(text, 'incidents.review') as unknown as IncidentReview;
}

/** A row as the domain record. */
export function toIncident(row: Selectable<IncidentsTable>): Incident {
  const { verificationResult: _result, ...rest } = row;
  return {
    ...rest,
    level: row.level as IncidentLevel,
    state: row.state as IncidentState,
    origin: row.origin as IncidentOrigin,
    verification: verificationOf(row.verification),
    review: reviewOf(row.review),
  };
}

/** The domain record as a row. */
export function incidentRow(incident: Incident): Selectable<IncidentsTable> {
  return {
    ...incident,
    verificationResult: incident.verification?.result ?? null,
    verification: incident.verification === null ? null : toJsonText(incident.verification),
    review: incident.review === null ? null : toJsonText(incident.review),
  };
}

/** A statement row as the domain record. */
export function toResponse(row: Selectable<IncidentResponsesTable>): IncidentResponse {
  return { ...row, kind: row.kind as ResponseKind, state: row.state as ResponseState };
}
