/** The reply deadline of an appeal as a badge: overdue in red, due within a day in orange, replied in green. */
import { Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/context.js';
import { day } from '../publications/case-kit.js';
import type { Appeal } from './api.js';

const DAY_MS = 86_400_000;

/** How urgent an appeal's deadline is now. */
export function deadlineStatus(
  appeal: Pick<Appeal, 'dueAt' | 'overdue' | 'state' | 'onTime'>,
  now = Date.now(),
): 'none' | 'overdue' | 'soon' | 'open' | 'on_time' | 'late' {
  if (appeal.onTime !== null) return appeal.onTime ? 'on_time' : 'late';
  if (appeal.dueAt === null) return 'none';
  if (appeal.overdue) return 'overdue';
  return Date.parse(appeal.dueAt) - now < DAY_MS ? 'soon' : 'open';
}

const COLORS = { overdue: 'red', soon: 'orange', open: 'blue', on_time: 'green', late: 'volcano' } as const;

/** The badge of `appeal`'s deadline. */
export function DeadlineBadge({ appeal }: { appeal: Appeal }) {
  const { t } = useI18n();
  const status = deadlineStatus(appeal);
  if (status === 'none') return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap data-testid="appeal-deadline">
      <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
        {t(`appeals.due.${status}`)}
      </Tag>
      {appeal.dueAt && <Typography.Text type="secondary">{day(appeal.dueAt)}</Typography.Text>}
    </Space>
  );
}
