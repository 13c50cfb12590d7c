/**
 * Custom templates (issue 7): an office reorders, drops and retitles the built-in sections and renames the
 * report and its masthead. A template naming a section the report type does not have is refused, so a typo
 * never silently drops a section.
 */
import type { ReportDocument, ReportSection, ReportTemplate, ReportType } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';

/** The section keys of each report type, in the built-in order. */
export const SECTION_KEYS: Readonly<Record<ReportType, readonly string[]>> = {
  daily: ['overview', 'top_events', 'negative', 'distribution', 'handling', 'outlook'],
  weekly: ['overview', 'top_events', 'negative', 'distribution', 'handling', 'outlook'],
  monthly: ['overview', 'top_events', 'negative', 'distribution', 'handling', 'outlook'],
  special: ['summary', 'origin', 'trend', 'views', 'assessment', 'suggestions'],
  work_summary: [
    'organisation',
    'monitoring',
    'analysis',
    'guidance',
    'reporting',
    'appeals',
    'clues',
    'problems',
    'next_steps',
  ],
};

/** VALIDATION_FAILED naming the first section key of `template` its type does not have, or a repeated key. */
export function validateTemplate(template: ReportTemplate): void {
  const known = SECTION_KEYS[template.type];
  const seen = new Set<string>();
  (template.sections ?? []).forEach((section, index) => {
    if (!known.includes(section.key)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `templates.${template.type}.sections[${index}].key "${section.key}" is not a section of this report type (known: ${known.join(', ')})`,
        { field: `sections[${index}].key` },
      );
    }
    if (seen.has(section.key)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `templates.${template.type}.sections[${index}].key "${section.key}" is listed twice`,
        {
          field: `sections[${index}].key`,
        },
      );
    }
    seen.add(section.key);
  });
}

function arrange(
  sections: ReportSection[],
  wanted: NonNullable<ReportTemplate['sections']>,
): ReportSection[] {
  const byKey = new Map(sections.map((section) => [section.key, section]));
  return wanted.flatMap((choice) => {
    const section = byKey.get(choice.key);
    if (section === undefined) return [];
    const title = choice.title?.trim();
    return [title ? { ...section, title } : section];
  });
}

/** The document with the template applied; the figures stay, so every printed number remains traceable. */
export function applyTemplate(
  document: ReportDocument,
  template: ReportTemplate | null | undefined,
): ReportDocument {
  if (!template) return document;
  validateTemplate(template);
  return {
    ...document,
    title: template.title?.trim() || document.title,
    unitName: template.unitName?.trim() || document.unitName,
    sections: template.sections ? arrange(document.sections, template.sections) : document.sections,
  };
}
