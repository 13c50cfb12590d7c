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
import { scanPhrases } from '../categories/phrase-scanner.js';
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

interface Findings {
  counts: Map<SignalKey, number>;
  terms: Map<SignalKey, string[]>;
  departmentScores: Float64Array;
}

function collect(normalized: string, model: AppealModel): Findings {
  const counts = new Map<SignalKey, number>();
  const terms = new Map<SignalKey, string[]>();
  const departmentScores = new Float64Array(model.departments.length);
  const seenDepartmentTerms = new Set<number>();
  scanPhrases(model.scanner, normalized, (id) => {
    for (const role of model.roles[id] ?? []) {
      if (role.kind === 'department') {
        if (seenDepartmentTerms.has(id)) continue;
        departmentScores[role.department] = (departmentScores[role.department] ?? 0) + role.weight;
        continue;
      }
      counts.set(role.signal, (counts.get(role.signal) ?? 0) + 1);
      const list = terms.get(role.signal) ?? [];
      const term = model.scanner.phrases[id] ?? '';
      if (list.length < MAX_TERMS_PER_SIGNAL && !list.includes(term)) list.push(term);
      terms.set(role.signal, list);
    }
    seenDepartmentTerms.add(id);
  });
  if (normalized.includes('@')) {
    const mention = OFFICE_MENTION.exec(normalized);
    if (mention) {
      counts.set('authority', (counts.get('authority') ?? 0) + 1);
      terms.set('authority', [mention[0], ...(terms.get('authority') ?? [])].slice(0, MAX_TERMS_PER_SIGNAL));
    }
  }
  return { counts, terms, departmentScores };
}

function present(findings: Findings, signal: SignalKey): boolean {
  if (signal === 'first_person') {
    return (findings.counts.get('first_person') ?? 0) > (findings.counts.get('official_we') ?? 0);
  }
  if (signal === 'official_we') return false;
  return (findings.counts.get(signal) ?? 0) > 0;
}

function logistic(value: number): number {
  return Math.round(1000 / (1 + Math.exp(-value))) / 1000;
}

/** Judges `text` (normalised here) with the compiled appeal model. */
export function detectAppeal(text: string, model: AppealModel): AppealResult {
  const findings = collect(normalizeText(text), model);
  let sum = 0;
  const signals: string[] = [];
  for (const key of SIGNAL_KEYS) {
    if (!present(findings, key)) continue;
    sum += model.weights[key];
    for (const term of findings.terms.get(key) ?? []) signals.push(`${key}:${term}`);
  }
  const concrete = present(findings, 'problem') || findings.departmentScores.some((score) => score > 0);
  const asks =
    present(findings, 'request') || present(findings, 'complaint') || present(findings, 'authority');
  const appeal = concrete && asks && sum >= model.threshold;
  const raw = logistic(sum - model.threshold);
  const score = appeal ? Math.max(raw, 0.5) : Math.min(raw, 0.499);
  return {
    appeal,
    score,
    department: appeal ? pickDepartment(findings.departmentScores, model.departments) : null,
    signals,
  };
}
