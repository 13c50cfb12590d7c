/**
 * Bulletins (信息报送, issue 6 §7): 舆情信息 and 专报 composed from items and events and submitted to named
 * higher bodies; the office keeps count of which were adopted (采用, at which level) and which got a
 * leader's instruction (批示) and what feedback it gave, and scores them by its own scheme.
 */
import type { EpochMs } from './entities.js';

/** Kinds of bulletin: 舆情信息 (routine opinion information) and 专报 (special report). */
export const BULLETIN_KINDS = ['opinion_info', 'special_report'] as const;
/** One of {@link BULLETIN_KINDS}. */
export type BulletinKind = (typeof BULLETIN_KINDS)[number];

/** Chinese names of the kinds. */
export const BULLETIN_KIND_NAMES: Readonly<Record<BulletinKind, string>> = {
  opinion_info: '舆情信息',
  special_report: '专报',
};

/** The states of a bulletin. Adoptions and instructions are recorded on a submitted bulletin. */
export const BULLETIN_STATES = ['draft', 'submitted', 'cancelled'] as const;
/** One of {@link BULLETIN_STATES}. */
export type BulletinState = (typeof BULLETIN_STATES)[number];

/** What people do to a bulletin. */
export const BULLETIN_ACTIONS = [
  'edit',
  'submit',
  'recall',
  'cancel',
  'record_adoption',
  'record_instruction',
  'record_feedback',
] as const;
/** One of {@link BULLETIN_ACTIONS}. */
export type BulletinAction = (typeof BULLETIN_ACTIONS)[number];

/** Administrative levels of an adopting body or an instructing leader. */
export const BULLETIN_LEVELS = ['national', 'provincial', 'municipal', 'county'] as const;
/** One of {@link BULLETIN_LEVELS}. */
export type BulletinLevel = (typeof BULLETIN_LEVELS)[number];

/** Chinese names of the levels. */
export const BULLETIN_LEVEL_NAMES: Readonly<Record<BulletinLevel, string>> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  county: '区县级',
};

/** Counts or points per level. */
export type PerLevel = Record<BulletinLevel, number>;

/** The office's scoring scheme: points per adoption and per instruction, by level. */
export interface BulletinScoring {
  adoption: PerLevel;
  instruction: PerLevel;
}

/** The scheme used until an office sets its own (a common shape of 信息工作考核 rules). */
export const DEFAULT_BULLETIN_SCORING: BulletinScoring = {
  adoption: { national: 10, provincial: 5, municipal: 3, county: 1 },
  instruction: { national: 20, provincial: 10, municipal: 5, county: 2 },
};

/** A bulletin. */
export interface Bulletin {
  id: string;
  unitId: string;
  kind: BulletinKind;
  title: string;
  body: string;
  /** The items and events it was composed from (links kept). */
  itemIds: string[];
  eventIds: string[];
  state: BulletinState;
  /** The higher bodies it was submitted to (names from the unit's list). */
  recipients: string[];
  submittedAt: EpochMs | null;
  submittedBy: string | null;
  createdBy: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/** An adoption (采用) of a bulletin by a body. */
export interface BulletinAdoption {
  id: string;
  bulletinId: string;
  unitId: string;
  /** The adopting body, e.g. 省委网信办. */
  adoptedBy: string;
  level: BulletinLevel;
  adoptedAt: EpochMs;
  note: string | null;
  recordedBy: string | null;
  recordedAt: EpochMs;
}

/** A leader's instruction (批示) on a bulletin and the feedback given on it (反馈). */
export interface BulletinInstruction {
  id: string;
  bulletinId: string;
  unitId: string;
  /** Who gave it, e.g. 市委书记 张某. */
  leader: string;
  level: BulletinLevel;
  text: string;
  instructedAt: EpochMs;
  feedbackText: string | null;
  feedbackAt: EpochMs | null;
  recordedBy: string | null;
  recordedAt: EpochMs;
}

/** A unit's bulletin settings: the higher bodies it reports to and its scoring scheme. */
export interface BulletinSettings {
  unitId: string;
  recipients: string[];
  scoring: BulletinScoring;
  updatedAt: EpochMs | null;
}

/** Bulletin figures of a period. */
export interface BulletinStats {
  submitted: number;
  /** Bulletins with at least one adoption dated in the period. */
  adopted: number;
  adoptionsByLevel: PerLevel;
  /** Bulletins with at least one instruction dated in the period. */
  instructed: number;
  instructionsByLevel: PerLevel;
  /** Points of the adoptions and instructions dated in the period, by the unit's scheme. */
  score: number;
}
