/** The incident's timeline (newest first) and its deadlines with the overdue ones marked. */
import { Empty, Table, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { useUserNames, when } from '../alerts/display.js';
import type { DeadlineView, TimelineEntryView } from './api.js';

/** The label of a timeline action: a state move, a statement step, or another recorded change. */
function actionLabel(action: string, t: (key: MessageKey) => string): string {
  for (const key of [`incidents.action.${action}`, `incidents.timeline.${action}`]) {
    const text = t(key as MessageKey);
    if (text !== key) return text;
  }
  return action;
}

/** The state an entry moved to: the statement's for statement steps, else the incident's. */
function stateLabel(entry: TimelineEntryView, t: (key: MessageKey) => string): string {
  const prefix = entry.action.startsWith('response_') ? 'incidents.response.state' : 'incidents.state';
  const key = `${prefix}.${entry.toState ?? ''}`;
  const text = t(key as MessageKey);
  return text === key ? (entry.toState ?? '') : text;
}

/** The timeline, newest first. */
export function TimelineTab({ entries }: { entries: TimelineEntryView[] }) {
  const { t, language } = useI18n();
  const name = useUserNames();
  if (entries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />;
  return (
    <Timeline
      data-testid="incident-timeline"
      items={[...entries].reverse().map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color: entry.toState === 'closed' ? 'green' : 'blue',
        content: (
          <>
            <Typography.Text strong>{actionLabel(entry.action, t)}</Typography.Text>
            {entry.toState && entry.fromState !== entry.toState && (
              <Tag style={{ marginInlineStart: 8 }}>{stateLabel(entry, t)}</Tag>
            )}
            <br />
            <Typography.Text type="secondary">{`${when(entry.at, language)} · ${name(entry.actorUserId)}`}</Typography.Text>
            {typeof entry.details['title'] === 'string' && entry.action.startsWith('plan_task_') && (
              <div className="fx-incident-text">{entry.details['title']}</div>
            )}
            {entry.note && <div className="fx-incident-text">{entry.note}</div>}
          </>
        ),
      }))}
    />
  );
}

/** The deadlines, overdue ones in red. */
export function DeadlinesTab({ deadlines }: { deadlines: DeadlineView[] }) {
  const { t, language } = useI18n();
  if (deadlines.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.deadline.none')} />;
  return (
    <Table<DeadlineView>
      rowKey={(row) => `${row.kind}-${row.dueAt}`}
      size="small"
      pagination={false}
      dataSource={deadlines}
      data-testid="incident-deadlines"
      rowClassName={(row) => (row.overdue ? 'fx-deadline-overdue' : '')}
      columns={[
        { title: t('incidents.deadline.kind'), dataIndex: 'title' },
        {
          title: t('incidents.deadline.due'),
          dataIndex: 'dueAt',
          render: (due: string) => when(due, language),
        },
        {
          title: t('incidents.deadline.state'),
          key: 'state',
          render: (_: unknown, row) =>
            row.doneAt !== null ? (
              <Tag color="green">{t('incidents.deadline.done')}</Tag>
            ) : row.overdue ? (
              <Tag color="red">{t('incidents.overdue')}</Tag>
            ) : (
              <Tag color="processing">{t('incidents.deadline.open')}</Tag>
            ),
        },
      ]}
    />
  );
}
