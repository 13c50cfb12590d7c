/** Events between the domain and the `events` table: JSON lists and the sentiment mix as text. */
import type { Selectable } from 'kysely';
import type {
  EventHistoryEntry,
  EventHistoryKind,
  EventStage,
  RegionRef,
  SentimentMix,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { parseJsonObject, parseJsonText, toJsonText } from '../json-columns.js';
import type { EventHistoryTable, EventsTable } from './tables.js';
import type { EventRecord } from './types.js';

function list(text: string, column: string): unknown[] {
  const value = parseJsonText(text, column);
  if (!Array.isArray(value)) throw new AppError('INTERNAL', `column ${column} does not hold a list`);
  return value;
}

function strings(text: string, column: string): string[] {
  const value = list(text, column);
  if (!value.every((entry) => typeof entry === 'string')) {
    throw new AppError('INTERNAL', `column ${column} does not hold a list of strings`);
  }
  return value as string[];
}

function centroid(text: string): [string, number][] {
  const value = list(text, 'events.centroid');
  const ok = value.every(
    (entry) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number',
  );
  if (!ok) throw new AppError('INTERNAL', 'column events.centroid does not hold [term, weight] pairs');
  return value as [string, number][];
}

function mix(text: string): SentimentMix {
  const value = parseJsonObject(text, 'events.sentiment');
  const count = (key: string): number => (typeof value[key] === 'number' ? value[key] : 0);
  return { positive: count('positive'), neutral: count('neutral'), negative: count('negative') };
}

/** The record of an `events` row. */
export function toEventRecord(row: Selectable<EventsTable>): EventRecord {
  return {
    id: row.id,
    unitId: row.unitId,
    title: row.title,
    keywords: strings(row.keywords, 'events.keywords'),
    firstItemId: row.firstItemId,
    firstPublishedAt: Number(row.firstPublishedAt),
    lastPublishedAt: Number(row.lastPublishedAt),
    itemCount: row.itemCount,
    repostCount: row.repostCount,
    sourceCount: row.sourceCount,
    platforms: strings(row.platforms, 'events.platforms'),
    regions: list(row.regions, 'events.regions') as RegionRef[],
    sentiment: mix(row.sentiment),
    stage: row.stage as EventStage,
    heat: row.heat,
    heatVersion: row.heatVersion,
    representativeIds: strings(row.representativeIds, 'events.representative_ids'),
    mergedInto: row.mergedInto,
    createdAt: Number(row.createdAt),
    updatedAt: Number(row.updatedAt),
    centroid: centroid(row.centroid),
    heatLog: row.heatRaw,
  };
}

/** The `events` row of a record. */
export function toEventRow(event: EventRecord): Selectable<EventsTable> {
  return {
    id: event.id,
    unitId: event.unitId,
    title: event.title,
    keywords: toJsonText(event.keywords),
    firstItemId: event.firstItemId,
    firstPublishedAt: event.firstPublishedAt,
    lastPublishedAt: event.lastPublishedAt,
    itemCount: event.itemCount,
    repostCount: event.repostCount,
    sourceCount: event.sourceCount,
    platforms: toJsonText(event.platforms),
    regions: toJsonText(event.regions),
    sentiment: toJsonText(event.sentiment),
    stage: event.stage,
    heat: event.heat,
    heatRaw: event.heatLog,
    heatVersion: event.heatVersion,
    representativeIds: toJsonText(event.representativeIds),
    mergedInto: event.mergedInto,
    centroid: toJsonText(event.centroid),
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
  };
}

/** The domain entry of an `event_history` row. */
export function toHistoryEntry(row: Selectable<EventHistoryTable>): EventHistoryEntry {
  return {
    id: row.id,
    eventId: row.eventId,
    kind: row.kind as EventHistoryKind,
    otherEventId: row.otherEventId,
    detail: parseJsonObject(row.detail, 'event_history.detail'),
    at: Number(row.at),
  };
}
