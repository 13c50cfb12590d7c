/**
 * Small text-agreement metrics for comparing what a collector extracted with a reference: a comparison
 * form (NFKC, whitespace removed), character-bigram F1, character-level similarity (1 − normalised edit
 * distance), and the mean and median of a list.
 */

/** The form two texts are compared in: NFKC folded, trimmed, all whitespace removed. */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** The form titles are compared in for an exact match: NFKC folded, trimmed, inner whitespace runs as one space. */
export function titleForm(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/gu, ' ');
}

function bigramCounts(text: string): Map<string, number> {
  const chars = [...text];
  const counts = new Map<string, number>();
  const grams = chars.length === 1 ? chars : chars.slice(1).map((char, index) => `${chars[index]}${char}`);
  for (const gram of grams) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

/**
 * F1 of the character bigrams (as multisets) of `candidate` against `reference`, both in comparable form.
 * A one-character text counts as its single character. Two empty texts agree (1); one empty text gives 0.
 */
export function bigramF1(candidate: string, reference: string): number {
  const ours = bigramCounts(comparable(candidate));
  const theirs = bigramCounts(comparable(reference));
  const oursTotal = total(ours);
  const theirsTotal = total(theirs);
  if (oursTotal === 0 && theirsTotal === 0) return 1;
  if (oursTotal === 0 || theirsTotal === 0) return 0;
  let overlap = 0;
  for (const [gram, count] of ours) overlap += Math.min(count, theirs.get(gram) ?? 0);
  const precision = overlap / oursTotal;
  const recall = overlap / theirsTotal;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** 1 − Levenshtein distance ÷ the longer length, over characters of the comparable forms; 1 when both are empty. */
export function charSimilarity(a: string, b: string): number {
  const left = [...comparable(a)];
  const right = [...comparable(b)];
  const longer = Math.max(left.length, right.length);
  return longer === 0 ? 1 : 1 - editDistance(left, right) / longer;
}

/** The arithmetic mean, or null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The median (mean of the two middle values for an even count), or null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
