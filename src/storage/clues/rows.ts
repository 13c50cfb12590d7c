/** Rows of `clues` to clues and back; enum and JSON columns are checked on the way out. */
import type { Selectable } from 'kysely';
import {
  CLUE_CRITERIA,
  CLUE_ORIGINS,
  CLUE_OUTCOMES,
  CLUE_STATES,
  type Clue,
  type ClueChecklist,
  type ClueTransfer,
} from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import { parseJsonObject, parseJsonText, toJsonText } from '../json-columns.js';
import type { CluesTable } from './tables.js';
import type { CluePatch } from './types.js';

function oneOf<T extends string>(values: readonly T[], value: string, column: string): T {
  if (!(values as readonly string[]).includes(value)) {
    throw new AppError('INTERNAL', `column ${column} holds an unknown value ${value}`);
  }
  return value as T;
}

function stringList(text: string, column: string): string[] {
  const value = parseJsonText(text, column);
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'string')) {
    throw new AppError('INTERNAL', `column ${column} does not hold a list of strings`);
  }
  return value;
}

function checklistOf(text: string): ClueChecklist {
  const value = parseJsonObject(text, 'clues.checklist');
  const entries = CLUE_CRITERIA.map((criterion) => {
    const check = value[criterion] as { checked?: unknown; note?: unknown } | undefined;
    if (typeof check !== 'object' || check === null || typeof check.checked !== 'boolean') {
      throw new AppError('INTERNAL', `column clues.checklist lacks ${criterion}`);
    }
    return [criterion, { checked: check.checked, note: typeof check.note === 'string' ? check.note : null }];
  });
  return Object.fromEntries(entries) as ClueChecklist;
}

function transferOf(text: string | null): ClueTransfer | null {
  if (text === null) return null;
  const value = parseJsonObject(text, 'clues.transfer');
  if (typeof value['toUnitName'] !== 'string' || typeof value['at'] !== 'number') {
    throw new AppError('INTERNAL', 'column clues.transfer does not hold a transfer');
  }
  return value as unknown as ClueTransfer;
}

/** A stored clue. */
export function toClue(row: Selectable<CluesTable>): Clue {
  return {
    id: row.id,
    unitId: row.unitId,
    title: row.title,
    summary: row.summary,
    origin: oneOf(CLUE_ORIGINS, row.origin, 'clues.origin'),
    itemIds: stringList(row.itemIds, 'clues.item_ids'),
    incidentId: row.incidentId,
    checklist: checklistOf(row.checklist),
    state: oneOf(CLUE_STATES, row.state, 'clues.state'),
    transfer: transferOf(row.transfer),
    outcome: row.outcome === null ? null : oneOf(CLUE_OUTCOMES, row.outcome, 'clues.outcome'),
    outcomeNote: row.outcomeNote,
    outcomeAt: row.outcomeAt,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The columns a patch changes. */
export function patchColumns(patch: CluePatch): Partial<Selectable<CluesTable>> {
  return {
    ...(patch.title !== undefined && { title: patch.title }),
    ...(patch.summary !== undefined && { summary: patch.summary }),
    ...(patch.itemIds !== undefined && { itemIds: toJsonText(patch.itemIds) }),
    ...(patch.checklist !== undefined && { checklist: toJsonText(patch.checklist) }),
    ...(patch.state !== undefined && { state: patch.state }),
    ...(patch.transfer !== undefined && {
      transfer: patch.transfer === null ? null : toJsonText(patch.transfer),
      transferredAt: patch.transfer?.at ?? null,
    }),
    ...(patch.outcome !== undefined && { outcome: patch.outcome }),
    ...(patch.outcomeNote !== undefined && { outcomeNote: patch.outcomeNote }),
    ...(patch.outcomeAt !== undefined && { outcomeAt: patch.outcomeAt }),
  };
}
