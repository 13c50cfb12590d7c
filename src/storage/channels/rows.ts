/** Mapping between channel and duty-roster rows and their records; damaged JSON fails loudly. */
import type { Selectable } from 'kysely';
import { ALERT_LEVELS, CHANNEL_KINDS, type AlertLevel, type ChannelKind } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { parseJsonObject, parseJsonText } from '../json-columns.js';
import type { ChannelsTable, DutyRosterTable } from './tables.js';
import type { Channel, DutyShift } from './types.js';

function isLevel(value: unknown): value is AlertLevel {
  return typeof value === 'string' && (ALERT_LEVELS as readonly string[]).includes(value);
}

function isKind(value: unknown): value is ChannelKind {
  return typeof value === 'string' && (CHANNEL_KINDS as readonly string[]).includes(value);
}

/** A stored channel as a record. */
export function toChannel(row: Selectable<ChannelsTable>): Channel {
  if (!isKind(row.kind)) throw new AppError('INTERNAL', `channel ${row.id} has an unknown kind ${row.kind}`);
  if (!isLevel(row.minLevel)) throw new AppError('INTERNAL', `channel ${row.id} has an unknown level`);
  return {
    id: row.id,
    unitId: row.unitId,
    kind: row.kind,
    name: row.name,
    enabled: row.enabled === 1,
    minLevel: row.minLevel,
    coverSubunits: row.coverSubunits === 1,
    config: parseJsonObject(row.config, 'channels.config'),
    createdAt: Number(row.createdAt),
    updatedAt: Number(row.updatedAt),
  };
}

/** The levels column of a shift: null (all levels) or a list of levels. */
export function parseLevels(text: string | null): AlertLevel[] | null {
  if (text === null) return null;
  const value = parseJsonText(text, 'duty_roster.levels');
  if (!Array.isArray(value) || !value.every(isLevel)) {
    throw new AppError('INTERNAL', 'column duty_roster.levels does not hold a list of levels');
  }
  return value;
}

/** A stored shift as a record. */
export function toShift(row: Selectable<DutyRosterTable>): DutyShift {
  return {
    ...row,
    startsAt: Number(row.startsAt),
    endsAt: Number(row.endsAt),
    createdAt: Number(row.createdAt),
    levels: parseLevels(row.levels),
  };
}
