/**
 * Who receives an alert (pure): which channels, and for e-mail channels which addresses. A channel takes
 * an alert when it is enabled, belongs to the alert's unit (or to an ancestor and covers sub-units), is
 * not more selective than the alert's level (min_level) and, when the rule names channels, is one of
 * them. An e-mail channel writes one delivery per address: its fixed list, the users of the channel's unit
 * holding the configured roles, and the users on duty in that unit at the given time.
 */
import { ALERT_LEVELS, type Alert, type AlertLevel, type Role } from '../domain/index.js';
import type { AlertContact, Channel, DutyShift } from '../storage/repositories.js';

/** The e-mail settings recipients are chosen by. */
export interface EmailAudience {
  to: readonly string[];
  roles: readonly Role[];
  onDuty: boolean;
}

/** Everything the choice depends on, already loaded. */
export interface RecipientInput {
  alert: Pick<Alert, 'unitId' | 'level'>;
  /** The alert's unit and its ancestors (any order). */
  unitChain: readonly string[];
  /** Candidate channels (disabled ones are ignored). */
  channels: readonly Channel[];
  /** Users of the chain's units with roles and address. */
  contacts: readonly AlertContact[];
  /** Duty shifts of the chain's units. */
  shifts: readonly DutyShift[];
  /** The time duty is checked at. */
  at: number;
  /** The channels a rule names; null or absent means every matching channel. */
  channelIds?: readonly string[] | null;
  /** The audience of an e-mail channel, or null when its configuration is unusable. */
  emailAudience(channel: Channel): EmailAudience | null;
}

/** One delivery to write. */
export interface PlannedDelivery {
  channelId: string;
  recipient: string | null;
}

/** 0 for red … 3 for blue. */
function severity(level: AlertLevel): number {
  return ALERT_LEVELS.indexOf(level);
}

/** True when a channel with `minLevel` receives an alert of `level`. */
export function levelReaches(level: AlertLevel, minLevel: AlertLevel): boolean {
  return severity(level) <= severity(minLevel);
}

function channelTakes(input: RecipientInput, channel: Channel): boolean {
  if (!channel.enabled) return false;
  if (input.channelIds && !input.channelIds.includes(channel.id)) return false;
  const own = channel.unitId === input.alert.unitId;
  if (!own && !(channel.coverSubunits && input.unitChain.includes(channel.unitId))) return false;
  return levelReaches(input.alert.level, channel.minLevel);
}

function onDutyUserIds(input: RecipientInput, unitId: string): Set<string> {
  return new Set(
    input.shifts
      .filter((shift) => shift.unitId === unitId && shift.startsAt <= input.at && input.at < shift.endsAt)
      .filter((shift) => shift.levels === null || shift.levels.includes(input.alert.level))
      .map((shift) => shift.userId),
  );
}

function emailAddresses(input: RecipientInput, channel: Channel, audience: EmailAudience): string[] {
  const onDuty = audience.onDuty ? onDutyUserIds(input, channel.unitId) : new Set<string>();
  const people = input.contacts.filter(
    (contact) =>
      contact.unitId === channel.unitId &&
      contact.email !== null &&
      (onDuty.has(contact.userId) || contact.roles.some((role) => audience.roles.includes(role))),
  );
  const addresses = [...audience.to, ...people.map((person) => person.email ?? '')];
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const address of addresses) {
    const key = address.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    unique.push(address.trim());
  }
  return unique;
}

/** The deliveries an alert needs, channels in the given order, addresses in audience order. */
export function planDeliveries(input: RecipientInput): PlannedDelivery[] {
  const planned: PlannedDelivery[] = [];
  for (const channel of input.channels) {
    if (!channelTakes(input, channel)) continue;
    if (channel.kind !== 'email') {
      planned.push({ channelId: channel.id, recipient: null });
      continue;
    }
    const audience = input.emailAudience(channel);
    if (!audience) continue;
    for (const address of emailAddresses(input, channel, audience)) {
      planned.push({ channelId: channel.id, recipient: address });
    }
  }
  return planned;
}
