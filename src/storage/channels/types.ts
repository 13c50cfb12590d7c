/**
 * Delivery channels, the duty roster and alert contacts as storage keeps them (issue 5 §6). A channel's
 * `config` is kind-specific JSON checked by the channel registry (src/alerts/channels); it may hold
 * secrets, which only the dispatcher reads and the API masks.
 */
import type { AlertLevel, ChannelKind, Role } from '../../domain/index.js';

/** One configured place alerts go to. */
export interface Channel {
  id: string;
  unitId: string;
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  /** The least severe level it receives (blue: every alert; red: red only). */
  minLevel: AlertLevel;
  /** Also receives alerts of the units below its own. */
  coverSubunits: boolean;
  config: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

/** The fields of a new or changed channel. */
export interface ChannelInput {
  unitId: string;
  kind: ChannelKind;
  name: string;
  enabled?: boolean;
  minLevel?: AlertLevel;
  coverSubunits?: boolean;
  config?: Record<string, unknown>;
}

/** One duty shift (值班): a user of a unit on duty between two times, optionally for some levels only. */
export interface DutyShift {
  id: string;
  unitId: string;
  userId: string;
  startsAt: number;
  endsAt: number;
  /** The levels the shift is alerted for; null means all. */
  levels: AlertLevel[] | null;
  note: string | null;
  createdAt: number;
}

/** The fields of a new duty shift. */
export interface DutyShiftInput {
  unitId: string;
  userId: string;
  startsAt: number;
  endsAt: number;
  levels?: AlertLevel[] | null;
  note?: string | null;
}

/** A user as an alert recipient: who, where, which roles, and the address alerts reach them at. */
export interface AlertContact {
  userId: string;
  unitId: string;
  displayName: string;
  roles: Role[];
  email: string | null;
}

/** Channels, the duty roster and alert contacts. */
export interface ChannelRepository {
  create(input: ChannelInput): Promise<Channel>;
  get(id: string, scope?: { unitIds: readonly string[] | null }): Promise<Channel | null>;
  /** Channels of units in scope, by unit then name. */
  list(scope: { unitIds: readonly string[] | null }): Promise<Channel[]>;
  /** Enabled channels of the given units (the alert's unit and its ancestors). */
  listEnabledOf(unitIds: readonly string[]): Promise<Channel[]>;
  update(id: string, patch: Partial<Omit<ChannelInput, 'unitId' | 'kind'>>): Promise<Channel>;
  delete(id: string): Promise<void>;
  addShift(input: DutyShiftInput): Promise<DutyShift>;
  getShift(id: string, scope?: { unitIds: readonly string[] | null }): Promise<DutyShift | null>;
  /** Shifts of units in scope overlapping [from, to), by start. */
  listShifts(scope: { unitIds: readonly string[] | null }, from: number, to: number): Promise<DutyShift[]>;
  deleteShift(id: string): Promise<void>;
  /** Sets (or clears with null) the e-mail address alerts reach a user at. */
  setContact(userId: string, email: string | null): Promise<void>;
  /** Enabled users of the given units with their roles and alert address. */
  contactsOf(unitIds: readonly string[]): Promise<AlertContact[]>;
}
