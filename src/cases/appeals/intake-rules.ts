/**
 * Which items become appeals, pure: items the analysis flagged as appeals (item.appeal === true) and every
 * item of a message-board source (领导留言板 and the like: everything posted there is an appeal). A source is
 * a message board when its config says `messageBoard: true` or its platform is `message_board`.
 */
import type { AppealChannel, Item, Source } from '../../domain/index.js';

/** True for a message-board source. */
export function isMessageBoardSource(source: Pick<Source, 'platform' | 'config'> | null): boolean {
  if (source === null) return false;
  return source.config['messageBoard'] === true || source.platform === 'message_board';
}

/** The intake channel of `item`, or null when it is not an appeal. */
export function intakeChannelOf(
  item: Pick<Item, 'appeal'>,
  source: Pick<Source, 'platform' | 'config'> | null,
): AppealChannel | null {
  if (isMessageBoardSource(source)) return 'message_board';
  return item.appeal === true ? 'item' : null;
}

/** A title for an appeal taken from an item without one: the start of its text. */
export function appealTitleOf(item: Pick<Item, 'title' | 'content'>): string {
  const title = item.title?.trim();
  if (title) return title.slice(0, 200);
  const text = item.content.replace(/\s+/g, ' ').trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text || '（无标题）';
}
