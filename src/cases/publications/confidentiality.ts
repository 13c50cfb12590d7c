/**
 * The confidentiality check of a draft (保密审查), pure: marked secret terms (内部、秘密、机密、绝密 and the
 * office's words) and fragments of confidential records' texts (clue titles, unpublished response drafts)
 * found in the title or body. Any hit blocks sign-off; each hit names what was found and where.
 */
import type { ConfidentialityField, ConfidentialityHit } from '../../domain/index.js';

/** The shortest fragment of a confidential text that counts as a leak. */
export const MIN_CASE_FRAGMENT = 8;

/** What the check looks for. */
export interface ConfidentialityRules {
  /** Marked secret terms; empty or blank terms are ignored. */
  secretTerms: readonly string[];
  /** Texts of confidential records; a shared fragment of {@link MIN_CASE_FRAGMENT}+ characters is a hit. */
  confidentialTexts: readonly string[];
  /** Overrides {@link MIN_CASE_FRAGMENT} (tests, offices with stricter rules). */
  minFragment?: number;
}

function secretTermHits(
  field: ConfidentialityField,
  text: string,
  terms: readonly string[],
): ConfidentialityHit[] {
  const hits: ConfidentialityHit[] = [];
  const unique = [...new Set(terms.map((term) => term.trim()).filter((term) => term.length > 0))];
  for (const term of unique) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
      hits.push({ kind: 'secret_term', field, position: at, length: term.length, text: term });
    }
  }
  return hits;
}

/** Every window of `size` characters of the confidential texts, with where it starts. */
function fragmentIndex(texts: readonly string[], size: number): Map<string, Array<[number, number]>> {
  const index = new Map<string, Array<[number, number]>>();
  texts.forEach((source, sourceIndex) => {
    for (let start = 0; start + size <= source.length; start += 1) {
      const window = source.slice(start, start + size);
      if (window.trim().length < size) continue; // windows of mostly spaces are not details
      const list = index.get(window);
      if (list) list.push([sourceIndex, start]);
      else index.set(window, [[sourceIndex, start]]);
    }
  });
  return index;
}

/** How far `text` from `at` goes on agreeing with `source` from `start`. */
function commonLength(text: string, at: number, source: string, start: number): number {
  let length = 0;
  while (
    at + length < text.length &&
    start + length < source.length &&
    text[at + length] === source[start + length]
  ) {
    length += 1;
  }
  return length;
}

function caseDetailHits(
  field: ConfidentialityField,
  text: string,
  texts: readonly string[],
  index: Map<string, Array<[number, number]>>,
  size: number,
): ConfidentialityHit[] {
  const hits: ConfidentialityHit[] = [];
  let at = 0;
  while (at + size <= text.length) {
    const candidates = index.get(text.slice(at, at + size));
    if (!candidates) {
      at += 1;
      continue;
    }
    let longest = 0;
    for (const [sourceIndex, start] of candidates) {
      longest = Math.max(longest, commonLength(text, at, texts[sourceIndex] ?? '', start));
    }
    hits.push({
      kind: 'case_detail',
      field,
      position: at,
      length: longest,
      text: text.slice(at, at + longest),
    });
    at += longest;
  }
  return hits;
}

/**
 * The hits of a draft, ordered by field (title first) and position. An empty list means the draft may be
 * signed off.
 */
export function checkConfidentiality(
  draft: { title: string; body: string },
  rules: ConfidentialityRules,
): ConfidentialityHit[] {
  const size = Math.max(1, rules.minFragment ?? MIN_CASE_FRAGMENT);
  const texts = rules.confidentialTexts.filter((text) => text.length >= size);
  const index = fragmentIndex(texts, size);
  const fields: Array<[ConfidentialityField, string]> = [
    ['title', draft.title],
    ['body', draft.body],
  ];
  return fields.flatMap(([field, text]) =>
    [
      ...secretTermHits(field, text, rules.secretTerms),
      ...caseDetailHits(field, text, texts, index, size),
    ].sort((a, b) => a.position - b.position || a.kind.localeCompare(b.kind)),
  );
}
