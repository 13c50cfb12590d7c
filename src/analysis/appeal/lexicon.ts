/**
 * The appeal lexicon (models/appeal/lexicon.json): weighted signal groups and department term lists, in
 * file form (validated with zod) and compiled into one phrase scanner over every term.
 */
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { compilePhraseScanner, type PhraseScanner } from '../categories/phrase-scanner.js';
import { normalizeText } from '../normalize/text.js';

/** The signal groups the detector knows; the file gives their weights and terms. */
export const SIGNAL_KEYS = [
  'problem',
  'request',
  'complaint',
  'authority',
  'first_person',
  'official_we',
  'duration',
  'report',
  'third_person',
  'gratitude',
  'resolved',
  'consult',
] as const;

/** One signal group. */
export type SignalKey = (typeof SIGNAL_KEYS)[number];

const terms = z.array(z.string().min(1)).min(1);

/** The lexicon file. */
export const appealLexiconSchema = z.object({
  version: z.number().int().positive(),
  threshold: z.number(),
  departmentNameWeight: z.number().positive(),
  signals: z.array(
    z.object({ key: z.enum(SIGNAL_KEYS), weight: z.number(), description: z.string(), terms }),
  ),
  departments: z.array(
    z.object({ key: z.string().regex(/^[a-z_]+$/), zh: z.string().min(1), names: terms, terms }),
  ),
});

/** The lexicon file as parsed. */
export type AppealLexiconFile = z.infer<typeof appealLexiconSchema>;

/** What a scanned term stands for: a signal group, a department name or a department topic word. */
export type TermRole =
  { kind: 'signal'; signal: SignalKey } | { kind: 'department'; department: number; weight: number };

/** The compiled lexicon that detectAppeal() takes. */
export interface AppealModel {
  readonly version: number;
  readonly threshold: number;
  readonly weights: Readonly<Record<SignalKey, number>>;
  readonly departments: readonly string[];
  readonly scanner: PhraseScanner;
  /** For each phrase id of the scanner: what the phrase stands for. */
  readonly roles: readonly (readonly TermRole[])[];
}

/** Validates a parsed lexicon file; a bad file is CONFIG_INVALID naming the first problem. */
export function parseAppealLexicon(value: unknown, where: string): AppealLexiconFile {
  const result = appealLexiconSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError(
      'CONFIG_INVALID',
      `appeal lexicon ${where}: ${issue ? issue.path.join('.') : ''} ${issue?.message ?? 'is invalid'}`,
    );
  }
  const missing = SIGNAL_KEYS.filter((key) => !result.data.signals.some((signal) => signal.key === key));
  if (missing.length > 0) {
    throw new AppError(
      'CONFIG_INVALID',
      `appeal lexicon ${where}: signals ${missing.join(', ')} are missing`,
    );
  }
  return result.data;
}

/** Compiles a validated lexicon file into the scanner and tables detectAppeal() uses. */
export function compileAppealModel(file: AppealLexiconFile): AppealModel {
  const ids = new Map<string, number>();
  const roles: TermRole[][] = [];
  const add = (raw: string, role: TermRole): void => {
    const term = normalizeText(raw);
    if (term === '') return;
    let id = ids.get(term);
    if (id === undefined) {
      id = roles.length;
      ids.set(term, id);
      roles.push([]);
    }
    roles[id]?.push(role);
  };
  const weights = Object.fromEntries(SIGNAL_KEYS.map((key) => [key, 0])) as Record<SignalKey, number>;
  for (const signal of file.signals) {
    weights[signal.key] = signal.weight;
    for (const term of signal.terms) add(term, { kind: 'signal', signal: signal.key });
  }
  file.departments.forEach((department, index) => {
    for (const name of department.names) {
      add(name, { kind: 'department', department: index, weight: file.departmentNameWeight });
    }
    for (const term of department.terms) add(term, { kind: 'department', department: index, weight: 1 });
  });
  return {
    version: file.version,
    threshold: file.threshold,
    weights,
    departments: file.departments.map((department) => department.key),
    scanner: compilePhraseScanner([...ids.keys()]),
    roles,
  };
}
