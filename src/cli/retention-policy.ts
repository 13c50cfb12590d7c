import type { Config } from '../config/index.js';
import type { RetentionPolicy } from '../pipeline/retention/index.js';

/** The retention rules of the RETENTION_* settings (docs/operations.md, "Retention"). */
export function retentionPolicyOf(config: Config): RetentionPolicy {
  return {
    itemsDays: config.retentionItemsDays,
    itemsByKind: config.retentionItemsByKind,
    evidenceDays: config.retentionEvidenceDays,
    fetchRunsDays: config.retentionFetchRunsDays,
    deliveriesDays: config.retentionDeliveriesDays,
    sessionsDays: config.retentionSessionsDays,
    batchSize: config.retentionBatchSize,
  };
}
