/**
 * Incidents (舆情事件处置, issue 6 §1): the glossary in code. An incident is the office's case file for one
 * story it must handle: opened from an alert, an event or chosen items; verified (核查); answered with
 * statements that pass review and sign-off (口径审签); followed up with progress notices; closed with a
 * summary and an after-action review (复盘). Deadlines by level come from the office's rules.
 */
import type { AlertLevel } from './alerts.js';
import type { EpochMs } from './entities.js';

/** The life of an incident: new → verifying → responding → following_up → closed (and reopened). */
export const INCIDENT_STATES = ['new', 'verifying', 'responding', 'following_up', 'closed'] as const;
/** One of {@link INCIDENT_STATES}. */
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** Chinese names of the states, for the console and reports. */
export const INCIDENT_STATE_NAMES: Readonly<Record<IncidentState, string>> = {
  new: '新建',
  verifying: '核查中',
  responding: '回应处置中',
  following_up: '跟踪回访',
  closed: '已办结',
};

/**
 * What people do to an incident. `reopen` goes back to responding, `reopen_verification` back to
 * verifying (new facts surfaced).
 */
export const INCIDENT_ACTIONS = [
  'start_verification',
  'start_response',
  'follow_up',
  'close',
  'reopen',
  'reopen_verification',
] as const;
/** One of {@link INCIDENT_ACTIONS}. */
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/** An incident's level: the alert levels (红/橙/黄/蓝); red and orange are major (重大、较大). */
export type IncidentLevel = AlertLevel;

/** Where an incident came from. */
export const INCIDENT_ORIGINS = ['alert', 'event', 'items', 'manual'] as const;
/** One of {@link INCIDENT_ORIGINS}. */
export type IncidentOrigin = (typeof INCIDENT_ORIGINS)[number];

/** Results of verification: 属实 / 部分属实 / 不属实 / 无法核实. */
export const VERIFICATION_RESULTS = ['true', 'partly_true', 'false', 'unverifiable'] as const;
/** One of {@link VERIFICATION_RESULTS}. */
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

/** Chinese names of the verification results. */
export const VERIFICATION_RESULT_NAMES: Readonly<Record<VerificationResult, string>> = {
  true: '属实',
  partly_true: '部分属实',
  false: '不属实',
  unverifiable: '无法核实',
};

/** What verification found (核查结论). */
export interface IncidentVerification {
  result: VerificationResult;
  /** The facts found, in the handler's words. */
  facts: string;
  /** Evidence captures of this incident (src/cases/evidence) supporting the result. */
  evidenceIds: string[];
  verifiedBy: string | null;
  verifiedAt: EpochMs;
}

/** The after-action review (复盘). */
export interface IncidentReview {
  wentWell: string;
  problems: string;
  improvements: string;
  reviewedBy: string | null;
  reviewedAt: EpochMs;
}

/** One incident. */
export interface Incident {
  id: string;
  /** The unit responsible (changes on transfer). */
  unitId: string;
  title: string;
  description: string;
  /** A category key (the taxonomy of DESIGN.md §5 or the office's own). */
  category: string;
  level: IncidentLevel;
  state: IncidentState;
  origin: IncidentOrigin;
  alertId: string | null;
  eventId: string | null;
  /** The handler responsible (处置责任人); null until assigned. */
  handlerUserId: string | null;
  verification: IncidentVerification | null;
  closingSummary: string | null;
  review: IncidentReview | null;
  openedBy: string | null;
  openedAt: EpochMs;
  closedBy: string | null;
  closedAt: EpochMs | null;
  reopenCount: number;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** A transfer of an incident between units (转办): who, from where to where, and why. */
export interface IncidentTransfer {
  id: string;
  incidentId: string;
  fromUnitId: string;
  toUnitId: string;
  fromHandlerUserId: string | null;
  toHandlerUserId: string | null;
  reason: string;
  byUserId: string | null;
  at: EpochMs;
}

/** A record that someone was told about the incident (通报/告知记录). */
export interface IncidentNotification {
  id: string;
  incidentId: string;
  unitId: string;
  /** Who was told: a person, office or body. */
  recipient: string;
  /** How: phone, e-mail, meeting, document, system… (free text key). */
  method: string;
  note: string | null;
  notifiedAt: EpochMs;
  byUserId: string | null;
  createdAt: EpochMs;
}

/**
 * Kinds of official responses (回应): a statement (情况通报/回应口径), the first authoritative release
 * (首次权威发布) and the press conference's release (新闻发布会). Publishing any of them counts as the
 * first release and the response; a press conference also fulfils the press-conference deadline.
 */
export const RESPONSE_KINDS = ['statement', 'first_release', 'press_conference'] as const;
/** One of {@link RESPONSE_KINDS}. */
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

/** A statement's review and sign-off: draft → in_review → approved → published, reject back to draft. */
export const RESPONSE_STATES = ['draft', 'in_review', 'approved', 'published'] as const;
/** One of {@link RESPONSE_STATES}. */
export type ResponseState = (typeof RESPONSE_STATES)[number];

/** What people do to a statement. */
export const RESPONSE_ACTIONS = ['submit', 'approve', 'reject', 'publish'] as const;
/** One of {@link RESPONSE_ACTIONS}. */
export type ResponseAction = (typeof RESPONSE_ACTIONS)[number];

/** One statement (口径) of an incident with its review state; its text lives in versions. */
export interface IncidentResponse {
  id: string;
  incidentId: string;
  unitId: string;
  kind: ResponseKind;
  state: ResponseState;
  /** The current version's title and text. */
  title: string;
  content: string;
  version: number;
  /** The version that was approved (signed off) and later published. */
  approvedVersion: number | null;
  createdBy: string | null;
  submittedAt: EpochMs | null;
  approvedBy: string | null;
  approvedAt: EpochMs | null;
  rejectedReason: string | null;
  publishedBy: string | null;
  publishedAt: EpochMs | null;
  /** Where it went online. */
  publishedUrl: string | null;
  publishedChannel: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** One version of a statement's text. */
export interface IncidentResponseVersion {
  responseId: string;
  version: number;
  title: string;
  content: string;
  editedBy: string | null;
  editedAt: EpochMs;
  note: string | null;
}

/** Kinds of incident deadlines (record type `incident` in case_deadlines). */
export const INCIDENT_DEADLINE_KINDS = ['first_release', 'press_conference', 'response'] as const;
/** One of {@link INCIDENT_DEADLINE_KINDS}. */
export type IncidentDeadlineKind = (typeof INCIDENT_DEADLINE_KINDS)[number];

/** Chinese names of the deadline kinds, used in deadline titles. */
export const INCIDENT_DEADLINE_NAMES: Readonly<Record<IncidentDeadlineKind, string>> = {
  first_release: '首次权威发布',
  press_conference: '新闻发布会',
  response: '回应',
};

/** How a deadline's amount counts: clock hours, or working days of the office's calendar. */
export const DEADLINE_UNITS = ['hours', 'working_days'] as const;
/** One of {@link DEADLINE_UNITS}. */
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** One rule of an office: incidents of `level` owe `kind` within `amount` `unit`. */
export interface IncidentDeadlineRule {
  level: IncidentLevel;
  kind: IncidentDeadlineKind;
  amount: number;
  unit: DeadlineUnit;
  /** Remind this many minutes before due; null reminds when 80% of the time has passed. */
  remindBeforeMinutes: number | null;
}
