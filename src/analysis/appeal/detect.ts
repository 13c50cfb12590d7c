/**
 * Appeal detection (诉求识别): does a text ask a government body or organisation to solve a concrete
 * problem of the writer's? Weighted signal groups are summed (each group once): a problem, a request or
 * complaint, an authority addressed, the writer's first person, and against them the marks of a
 * journalist's or third-person report, of thanks for a solved problem, and of a mere policy question.
 * An appeal needs something concrete (a problem term or a department's subject), some ask (request,
 * complaint or addressee) and a sum at the threshold.
 * Pure: the compiled model is passed in.
 */
import { normalizeText } from '../normalize/text.js';
import { phraseIds } from '../categories/phrase-scanner.js';
import { pickDepartment } from './department.js';
import { SIGNAL_KEYS, type AppealModel, type SignalKey } from './lexicon.js';

/** The verdict on one text. `signals` read `group:term`, e.g. `problem:噪音`, `report:记者`. */
export interface AppealResult {
  appeal: boolean;
  /** 0–1; 0.5 is the decision threshold. */
  score: number;
  /** A department key of the lexicon, `other`, or null when the text is not an appeal. */
  department: string | null;
  signals: string[];
}

/** An @-mention of an office account (@某某区城管局, @平安某某, @某某发布). */
const OFFICE_MENTION =
  /@[\p{L}\p{N}_-]{0,20}?(?:局|委|办|厅|政府|发布|公安|平安|城管|热线|法院|检察院|街道|社区|物业|市长|书记|信箱)/u;

const MAX_TERMS_PER_SIGNAL = 3;

/** Where each signal key sits in {@link SIGNAL_KEYS}. */
const SIGNAL_INDEX: ReadonlyMap<SignalKey, number> = new Map(SIGNAL_KEYS.map((key, index) => [key, index]));
const FIRST_PERSON = SIGNAL_KEYS.indexOf('first_person');
const OFFICIAL_WE = SIGNAL_KEYS.indexOf('official_we');
const AUTHORITY = SIGNAL_KEYS.indexOf('authority');
const PROBLEM = SIGNAL_KEYS.indexOf('problem');
const REQUEST = SIGNAL_KEYS.indexOf('request');
const COMPLAINT = SIGNAL_KEYS.indexOf('complaint');

interface Findings {
  /** Hits per signal, by index in SIGNAL_KEYS. */
  counts: Int32Array;
  /** Up to MAX_TERMS_PER_SIGNAL distinct terms per signal (by index); empty when terms are not kept. */
  terms: (string[] | null)[];
  departmentScores: Float64Array;
}

/**
 * Counts the signals and department scores of `normalized`, whose lexicon terms are `ids` (phrase ids of
 * the model's scanner, in its order); with `keepTerms`, the terms behind them.
 */
function collect(
  normalized: string,
  ids: readonly number[],
  model: AppealModel,
  keepTerms: boolean,
): Findings {
  const terms: (string[] | null)[] = keepTerms ? new Array<null>(SIGNAL_KEYS.length).fill(null) : [];
  const tables = tablesOf(model);
  const { marks, roleStart, roleCode, roleWeight, counts, departmentScores } = tables;
  counts.fill(0);
  departmentScores.fill(0);
  const mark = nextMark(tables);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] ?? 0;
    const seenBefore = marks[id] === mark;
    marks[id] = mark;
    const end = roleStart[id + 1] ?? 0;
    for (let r = roleStart[id] ?? 0; r < end; r++) {
      const code = roleCode[r] ?? 0;
      if (code < 0) {
        const department = -1 - code;
        if (!seenBefore)
          departmentScores[department] = (departmentScores[department] ?? 0) + (roleWeight[r] ?? 0);
        continue;
      }
      counts[code] = (counts[code] ?? 0) + 1;
      if (keepTerms) addTerm(terms, code, model.scanner.phrases[id] ?? '');
    }
  }
  if (normalized.includes('@')) {
    const mention = OFFICE_MENTION.exec(normalized);
    if (mention) {
      counts[AUTHORITY] = (counts[AUTHORITY] ?? 0) + 1;
      if (keepTerms) {
        terms[AUTHORITY] = [mention[0], ...(terms[AUTHORITY] ?? [])].slice(0, MAX_TERMS_PER_SIGNAL);
      }
    }
  }
  return { counts, terms, departmentScores };
}

/**
 * A model's roles in flat arrays, built once per model, and which phrase ids the text being judged has
 * had already, without a set or a search per text.
 */
interface RoleTables {
  /** The roles of phrase id p are roleCode/roleWeight[roleStart[p] .. roleStart[p + 1]). */
  roleStart: Int32Array;
  /** A signal role's index in SIGNAL_KEYS, or −1 − d for a role of department d. */
  roleCode: Int32Array;
  /** A department role's weight (0 for signal roles). */
  roleWeight: Float64Array;
  /**
   * Per phrase id, the mark of the last text it was found in: seen in the current text when equal to
   * `current`. Analysis is synchronous, so one text at a time uses it; marks restart before they overflow.
   */
  marks: Int32Array;
  current: number;
  /**
   * The counts and department scores of the text being judged, reused from text to text (a typed array
   * per text costs more than the rest of the count): the Findings that hold them are read and dropped
   * before the next text is judged.
   */
  counts: Int32Array;
  departmentScores: Float64Array;
}

const TABLES = new WeakMap<AppealModel, RoleTables>();

function tablesOf(model: AppealModel): RoleTables {
  let tables = TABLES.get(model);
  if (tables === undefined) {
    tables = buildRoleTables(model);
    TABLES.set(model, tables);
  }
  return tables;
}

function buildRoleTables(model: AppealModel): RoleTables {
  const roleStart = new Int32Array(model.roles.length + 1);
  const codes: number[] = [];
  const weights: number[] = [];
  model.roles.forEach((roles, id) => {
    roleStart[id] = codes.length;
    for (const role of roles) {
      codes.push(role.kind === 'department' ? -1 - role.department : (SIGNAL_INDEX.get(role.signal) ?? 0));
      weights.push(role.kind === 'department' ? role.weight : 0);
    }
  });
  roleStart[model.roles.length] = codes.length;
  return {
    roleStart,
    roleCode: Int32Array.from(codes),
    roleWeight: Float64Array.from(weights),
    marks: new Int32Array(model.roles.length),
    current: 0,
    counts: new Int32Array(SIGNAL_KEYS.length),
    departmentScores: new Float64Array(model.departments.length),
  };
}

function nextMark(tables: RoleTables): number {
  if (tables.current === 0x7fffffff) {
    tables.marks.fill(0);
    tables.current = 0;
  }
  return ++tables.current;
}

function addTerm(terms: (string[] | null)[], signal: number, term: string): void {
  const list = terms[signal] ?? [];
  if (list.length < MAX_TERMS_PER_SIGNAL && !list.includes(term)) list.push(term);
  terms[signal] = list;
}

function present(findings: Findings, signal: number): boolean {
  if (signal === FIRST_PERSON) {
    return (findings.counts[FIRST_PERSON] ?? 0) > (findings.counts[OFFICIAL_WE] ?? 0);
  }
  if (signal === OFFICIAL_WE) return false;
  return (findings.counts[signal] ?? 0) > 0;
}

function logistic(value: number): number {
  return Math.round(1000 / (1 + Math.exp(-value))) / 1000;
}

function hasDepartmentScore(scores: Float64Array): boolean {
  for (let i = 0; i < scores.length; i++) if ((scores[i] ?? 0) > 0) return true;
  return false;
}

/** The weighted sum of the present signals and whether the findings make an appeal. */
function decide(findings: Findings, model: AppealModel): { appeal: boolean; sum: number } {
  let sum = 0;
  for (let index = 0; index < SIGNAL_KEYS.length; index++) {
    const key = SIGNAL_KEYS[index];
    if (key !== undefined && present(findings, index)) sum += model.weights[key];
  }
  const concrete = present(findings, PROBLEM) || hasDepartmentScore(findings.departmentScores);
  const asks = present(findings, REQUEST) || present(findings, COMPLAINT) || present(findings, AUTHORITY);
  return { appeal: concrete && asks && sum >= model.threshold, sum };
}

/** Judges `text` (normalised here) with the compiled appeal model. */
export function detectAppeal(text: string, model: AppealModel): AppealResult {
  return detectAppealNormalized(normalizeText(text), model);
}

/**
 * Like {@link detectAppeal} for text already normalised with normalizeText (full analysis has it from
 * segmentation and need not normalise again).
 */
export function detectAppealNormalized(normalized: string, model: AppealModel): AppealResult {
  const findings = collect(normalized, phraseIds(model.scanner, normalized), model, true);
  const { appeal, sum } = decide(findings, model);
  const signals: string[] = [];
  SIGNAL_KEYS.forEach((key, index) => {
    if (!present(findings, index)) return;
    for (const term of findings.terms[index] ?? []) signals.push(`${key}:${term}`);
  });
  const raw = logistic(sum - model.threshold);
  const score = appeal ? Math.max(raw, 0.5) : Math.min(raw, 0.499);
  return {
    appeal,
    score,
    department: appeal ? pickDepartment(findings.departmentScores, model.departments) : null,
    signals,
  };
}

/**
 * Only the decision and the department of {@link detectAppealNormalized} (the same ones), without the
 * score and the signal explanations: what full analysis stores.
 */
export function appealVerdict(
  normalized: string,
  model: AppealModel,
): { appeal: boolean; department: string | null } {
  return appealVerdictOfFound(normalized, phraseIds(model.scanner, normalized), model);
}

/**
 * {@link appealVerdict} with the lexicon's terms found already: `found` lists the phrase ids of the
 * model's scanner for every occurrence in `normalized`, in the order phraseIds gives them.
 */
export function appealVerdictOfFound(
  normalized: string,
  found: readonly number[],
  model: AppealModel,
): { appeal: boolean; department: string | null } {
  const findings = collect(normalized, found, model, false);
  const { appeal } = decide(findings, model);
  return { appeal, department: appeal ? pickDepartment(findings.departmentScores, model.departments) : null };
}
