/**
 * Staff corrections of sentiment: each correction changes the item's label at once and is kept, with the
 * label it replaced, as training data for the next model (`fengxiang corrections export`).
 */
import type { Kysely } from 'kysely';
import type { SentimentLabel } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { SentimentCorrection, SentimentCorrectionRepository } from '../repositories.js';
import type { Database } from '../schema.js';

/** Sentiment corrections in SQLite or PostgreSQL through Kysely. */
export class KyselySentimentCorrectionRepository implements SentimentCorrectionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async correct(input: {
    itemId: string;
    label: SentimentLabel;
    correctedBy: string | null;
  }): Promise<SentimentCorrection> {
    const item = await this.db
      .selectFrom('items')
      .select(['id', 'unitId', 'sentiment'])
      .where('id', '=', input.itemId)
      .executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', `item ${input.itemId} does not exist`, { entity: 'item' });
    const now = this.clock.now();
    const correction: SentimentCorrection = {
      id: newId(now),
      itemId: item.id,
      unitId: item.unitId,
      previous: item.sentiment,
      label: input.label,
      correctedBy: input.correctedBy,
      createdAt: now,
    };
    await this.db.insertInto('sentimentCorrections').values(correction).execute();
    await this.db
      .updateTable('items')
      .set({ sentiment: input.label, sentimentScore: 1 })
      .where('id', '=', item.id)
      .execute();
    return correction;
  }

  async exportSince(
    since: number,
  ): Promise<{ correction: SentimentCorrection; title: string | null; content: string }[]> {
    const rows = await this.db
      .selectFrom('sentimentCorrections')
      .innerJoin('items', 'items.id', 'sentimentCorrections.itemId')
      .select([
        'sentimentCorrections.id',
        'sentimentCorrections.itemId',
        'sentimentCorrections.unitId',
        'sentimentCorrections.previous',
        'sentimentCorrections.label',
        'sentimentCorrections.correctedBy',
        'sentimentCorrections.createdAt',
        'items.title',
        'items.content',
      ])
      .where('sentimentCorrections.createdAt', '>=', since)
      .orderBy('sentimentCorrections.createdAt')
      .execute();
    return rows.map(({ title, content, label, ...rest }) => ({
      correction: { ...rest, label: label as SentimentLabel },
      title,
      content,
    }));
  }
}
