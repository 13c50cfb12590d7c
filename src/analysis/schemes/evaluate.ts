/**
 * A formula evaluated over the occurrences found in an item, with the same meaning and the same hits as
 * the single-expression matcher (expression/matcher.ts): AND keeps all its children's hits, OR those of
 * the children that matched, `-` those of what it includes, NEAR the pairs of occurrences close enough.
 * With several fields (target `both`), a word occurs when it occurs in any field, and NEAR pairs are taken
 * within one field.
 */
import { gapBetween, type Occurrence } from '../expression/occurrences.js';
import type { Formula } from './formula.js';
import type { FieldOccurrences, SchemeField } from './occurrences.js';

/** A hit of a scheme: the normalised word and its span in the normalised text of `field`. */
export interface SchemeHit {
  word: string;
  start: number;
  end: number;
  field: SchemeField;
}

/** A hit before it is named: the word id and the field index. */
interface RawHit {
  word: number;
  field: number;
  start: number;
  end: number;
}

function occurs(fields: readonly FieldOccurrences[], word: number): boolean {
  for (const field of fields) if (field.byWord.has(word)) return true;
  return false;
}

function isPair(left: number, right: number, a: Occurrence, b: Occurrence, distance: number): boolean {
  return !(left === right && a.start === b.start) && gapBetween(a, b) <= distance;
}

function nearIn(field: FieldOccurrences, left: number, right: number, distance: number): boolean {
  const lefts = field.byWord.get(left);
  const rights = field.byWord.get(right);
  if (!lefts || !rights) return false;
  for (const a of lefts) for (const b of rights) if (isPair(left, right, a, b, distance)) return true;
  return false;
}

/** Whether the formula holds over the occurrences of `fields`. */
export function holds(formula: Formula, fields: readonly FieldOccurrences[]): boolean {
  switch (formula.kind) {
    case 'word':
      return occurs(fields, formula.word);
    case 'all':
      return formula.parts.every((part) => holds(part, fields));
    case 'any':
      return formula.parts.some((part) => holds(part, fields));
    case 'except':
      return !holds(formula.exclude, fields) && holds(formula.include, fields);
    case 'near':
      return fields.some((field) => nearIn(field, formula.left, formula.right, formula.distance));
  }
}

function collectNear(
  formula: Extract<Formula, { kind: 'near' }>,
  fields: readonly FieldOccurrences[],
  out: RawHit[],
): void {
  fields.forEach((field, index) => {
    const lefts = field.byWord.get(formula.left) ?? [];
    const rights = field.byWord.get(formula.right) ?? [];
    for (const a of lefts) {
      for (const b of rights) {
        if (!isPair(formula.left, formula.right, a, b, formula.distance)) continue;
        out.push({ word: formula.left, field: index, ...a }, { word: formula.right, field: index, ...b });
      }
    }
  });
}

/** Adds the hits of a formula that holds (the caller checked) to `out`. */
function collect(formula: Formula, fields: readonly FieldOccurrences[], out: RawHit[]): void {
  switch (formula.kind) {
    case 'word':
      fields.forEach((field, index) => {
        for (const o of field.byWord.get(formula.word) ?? [])
          out.push({ word: formula.word, field: index, ...o });
      });
      return;
    case 'all':
      for (const part of formula.parts) collect(part, fields, out);
      return;
    case 'any':
      for (const part of formula.parts) if (holds(part, fields)) collect(part, fields, out);
      return;
    case 'except':
      collect(formula.include, fields, out);
      return;
    case 'near':
      collectNear(formula, fields, out);
  }
}

/** The hits of a formula that holds, once each, ordered by field, start and end. */
export function hitsOf(
  formula: Formula,
  fields: readonly FieldOccurrences[],
  words: readonly string[],
): SchemeHit[] {
  const raw: RawHit[] = [];
  collect(formula, fields, raw);
  raw.sort((a, b) => a.field - b.field || a.start - b.start || a.end - b.end || a.word - b.word);
  const hits: SchemeHit[] = [];
  let previous: RawHit | undefined;
  for (const hit of raw) {
    const same =
      previous !== undefined &&
      previous.field === hit.field &&
      previous.start === hit.start &&
      previous.end === hit.end &&
      previous.word === hit.word;
    previous = hit;
    const field = fields[hit.field]?.field;
    if (same || field === undefined) continue;
    hits.push({ word: words[hit.word] ?? '', start: hit.start, end: hit.end, field });
  }
  return hits;
}
