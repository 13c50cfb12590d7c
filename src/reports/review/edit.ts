/**
 * Applying a reviewer's narrative edits to a document, purely: only placeholder texts and the title may
 * change, so every figure and the query behind it stay exactly as generated.
 */
import type { ReportDocument } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';

/** What an edit may change. */
export interface NarrativeEdit {
  /** New texts by placeholder id; an empty string clears a placeholder back to its prompt. */
  placeholders?: Record<string, string>;
  title?: string;
}

/** The placeholder ids of a document, in order. */
export function placeholderIds(document: ReportDocument): string[] {
  return document.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.kind === 'placeholder' ? [block.id] : [])),
  );
}

/**
 * A copy of `document` with the edit applied. VALIDATION_FAILED naming the ids when a placeholder id is
 * unknown, or when the title is blank.
 */
export function applyNarrativeEdit(document: ReportDocument, edit: NarrativeEdit): ReportDocument {
  const texts = edit.placeholders ?? {};
  const known = new Set(placeholderIds(document));
  const unknown = Object.keys(texts).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', `unknown placeholder ${unknown.join(', ')}`, {
      field: 'placeholders',
      unknown,
    });
  }
  const title = edit.title?.trim();
  if (title === '') {
    throw new AppError('VALIDATION_FAILED', 'the title must not be blank', { field: 'title' });
  }
  return {
    ...document,
    title: title ?? document.title,
    sections: document.sections.map((section) => ({
      ...section,
      blocks: section.blocks.map((block) => {
        if (block.kind !== 'placeholder') return block;
        const text = texts[block.id];
        if (text === undefined) return block;
        return { ...block, text: text.trim() === '' ? null : text };
      }),
    })),
  };
}
