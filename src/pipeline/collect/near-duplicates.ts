/**
 * Near-duplicate linking (DESIGN.md §5, issue 4 §6): a new item whose SimHash is close to a stored item of
 * the same unit from the recent window, and whose text the full comparison confirms, is a repost or copy:
 * it is linked to the original (`dupOf`) so that counts treat it as the same voice. A copy of a copy links
 * to the first original. Items of the same batch are compared with each other too. Candidates come by
 * SimHash band (ids and hashes only); only the few within the distance are read and compared in full.
 */
import type { NearDuplicateCheck } from '../../analysis/analyze/analyze.js';
import type { Storage } from '../../storage/repositories.js';
import type { Candidate } from './normalise.js';

/** How far back a copy is looked for (reposts of older items link too, within this window). */
export const NEAR_DUPLICATE_WINDOW_MS = 30 * 24 * 3600_000;

interface Known {
  id: string;
  simhash: string;
  dupOf: string | null;
  publishedAt: number;
  /** Known for items of this batch; read from storage when a stored candidate is close enough. */
  text: string | null;
}

/** Sets `dupOf` on fresh candidates that copy a stored item or an earlier candidate of the batch. */
export async function linkNearDuplicates(
  target: Pick<Storage, 'items'>,
  fresh: readonly Candidate[],
  check: NearDuplicateCheck,
): Promise<void> {
  const batch: Known[] = [];
  for (const { item } of fresh) {
    const simhash = item.simhash;
    if (!simhash) continue;
    const text = textOf(item);
    const stored = await target.items.nearDuplicateCandidates(
      item.unitId,
      simhash,
      item.publishedAt - NEAR_DUPLICATE_WINDOW_MS,
    );
    const close = [
      ...batch.filter((other) => other.publishedAt <= item.publishedAt),
      ...stored.flatMap((row) =>
        row.simhash
          ? [{ id: row.id, simhash: row.simhash, dupOf: row.dupOf, publishedAt: row.publishedAt, text: null }]
          : [],
      ),
    ].filter((other) => other.id !== item.id && check.distance(other.simhash, simhash) <= check.maxDistance);
    const texts = await target.items.textsOf(
      close.filter((other) => other.text === null).map((other) => other.id),
    );
    const original = close.find((other) => {
      const stored = texts.get(other.id);
      const otherText = other.text ?? (stored ? textOf(stored) : null);
      return otherText !== null && check.isDuplicate(otherText, text);
    });
    if (original) item.dupOf = original.dupOf ?? original.id;
    batch.push({ id: item.id, simhash, text, dupOf: item.dupOf ?? null, publishedAt: item.publishedAt });
  }
}

function textOf(item: { title?: string | null; content: string }): string {
  return item.title ? `${item.title}\n${item.content}` : item.content;
}
