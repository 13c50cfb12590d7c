/**
 * Publishing a reply back to the appeal's source (a message board with an API) through the injected port.
 * The external call happens outside any transaction; its result (published with the URL, unsupported, or
 * failed with the error) is then recorded on the appeal, its timeline and the audit log.
 */
import type { Appeal } from '../../../domain/index.js';
import { AppError } from '../../../platform/errors.js';
import { act } from './act.js';
import type { AppealActor, AppealServiceDeps, PublishResult } from './deps.js';

type Outcome = { kind: 'result'; result: PublishResult } | { kind: 'failed'; error: string };

async function attempt(deps: AppealServiceDeps, appeal: Appeal): Promise<Outcome> {
  const publish = deps.publishReply;
  if (!publish) throw new AppError('APPEAL_PUBLISH_UNAVAILABLE', 'no reply publisher is configured', {});
  if (appeal.reply === null) throw new AppError('INTERNAL', 'a replied appeal has no reply');
  try {
    return { kind: 'result', result: await publish(appeal, appeal.reply) };
  } catch (error) {
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Publishes the reply of a replied (or closed) appeal to its source and records the result;
 * APPEAL_PUBLISH_UNAVAILABLE without a publisher. A failed attempt is recorded (`failed`) and may be retried.
 */
export async function publishAppealReply(
  deps: AppealServiceDeps,
  actor: AppealActor,
  id: string,
): Promise<Appeal> {
  const current = await deps.storage.appeals.get(id, { unitIds: actor.unitIds });
  if (!current) throw new AppError('NOT_FOUND', `appeal ${id} does not exist`, { id, entity: 'appeal' });
  const outcome = await attempt(deps, current);
  return act(deps, actor, id, 'publish', ({ at }) => {
    if (outcome.kind === 'failed') {
      return {
        patch: { publishState: 'failed', publishError: outcome.error.slice(0, 1000) },
        details: { result: 'failed', error: outcome.error.slice(0, 300) },
      };
    }
    if (!outcome.result.published) {
      return {
        patch: { publishState: 'unsupported', publishError: null },
        details: { result: 'unsupported' },
      };
    }
    return {
      patch: {
        publishState: 'published',
        publishedAt: at,
        publishedUrl: outcome.result.url,
        publishError: null,
      },
      details: { result: 'published', url: outcome.result.url },
    };
  });
}

/** After a reply: publishes when a publisher is configured, else leaves the appeal as it is. */
export async function publishAfterReply(
  deps: AppealServiceDeps,
  actor: AppealActor,
  appeal: Appeal,
): Promise<Appeal> {
  if (!deps.publishReply) return appeal;
  return publishAppealReply(deps, actor, appeal.id);
}
