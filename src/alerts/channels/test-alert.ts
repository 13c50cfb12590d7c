/**
 * The alert "send a test message" delivers: clearly marked as a test, with every official field and
 * one evidence item, so staff see how a real alert looks on the channel.
 */
import type { Alert, AlertLevel } from '../../domain/index.js';

/** What the test alert is built from. */
export interface TestAlertInput {
  unitId: string;
  /** The unit name shown as 发布单位. */
  issuer: string;
  now: number;
  level?: AlertLevel;
}

/** A test alert of the unit at `now` (never stored). */
export function testAlert(input: TestAlertInput): Alert {
  return {
    id: `test-${input.now.toString(16)}`,
    unitId: input.unitId,
    ruleId: null,
    ruleVersion: null,
    trigger: 'scheme_hit',
    title: '渠道测试消息（无需处置）',
    mergeKey: 'channel-test',
    count: 1,
    schemeId: null,
    eventId: null,
    sourceId: null,
    category: '测试',
    level: input.level ?? 'blue',
    startedAt: input.now,
    scope: input.issuer,
    matter: '这是一条测试消息，用于确认预警渠道可以正常接收。',
    measures: '无需处置。',
    issuer: input.issuer,
    evidence: {
      items: [
        {
          itemId: 'test-item',
          title: '测试信息',
          excerpt: '收到本消息说明渠道配置正确。',
          url: null,
          source: '风向',
          publishedAt: input.now,
          sentiment: null,
        },
      ],
      statistic: null,
      value: null,
      baseline: null,
      threshold: null,
      reasons: [],
    },
    status: 'new',
    escalations: 0,
    acknowledgedBy: null,
    acknowledgedAt: null,
    closedBy: null,
    closedAt: null,
    incidentId: null,
    createdAt: input.now,
    updatedAt: input.now,
  };
}
