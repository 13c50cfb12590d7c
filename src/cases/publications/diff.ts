/**
 * The difference between two versions of a publication's text, pure. Chinese prose often has no line
 * breaks, so the text is cut into sentences (after 。！？；… and line ends) and the sentences are compared
 * with a longest-common-subsequence table; what the console shows is kept, removed and added runs.
 */

/** One run of the difference. */
export interface DiffPart {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/** Sentences of `text`, each with its closing punctuation and any line break, so joining them gives `text`. */
export function splitSentences(text: string): string[] {
  return (
    text
      .match(/[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n+|$)/gu)
      ?.filter((part) => part.length > 0) ?? []
  );
}

/** The parts that turn `before` into `after`; adjacent parts of the same kind are joined. */
export function diffText(before: string, after: string): DiffPart[] {
  const a = splitSentences(before);
  const b = splitSentences(after);
  const rows = a.length + 1;
  const cols = b.length + 1;
  const lcs = new Uint32Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i * cols + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * cols + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * cols + j] ?? 0, lcs[i * cols + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string): void => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (left !== undefined && left === right) {
      push('equal', left);
      i += 1;
      j += 1;
    } else if (
      right === undefined ||
      (left !== undefined && (lcs[(i + 1) * cols + j] ?? 0) >= (lcs[i * cols + j + 1] ?? 0))
    ) {
      push('delete', left ?? '');
      i += 1;
    } else {
      push('insert', right);
      j += 1;
    }
  }
  return parts;
}
