/** Choosing the likely department of an appeal from the department scores of its terms. */

/** The department with the highest score (earlier in the lexicon wins ties), or `other` when none scored. */
export function pickDepartment(scores: Float64Array, departments: readonly string[]): string {
  let best = -1;
  let bestScore = 0;
  scores.forEach((score, index) => {
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return departments[best] ?? 'other';
}
