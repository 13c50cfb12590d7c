/** The event list: hottest (or latest) first, with heat, stage, a trend line, and filters. */
import { Button, Input, Progress, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { eventApi, type EventQuery, type EventRecord, type EventStage } from './api.js';
import { Sparkline } from './sparkline.js';

/** The colour of each stage's tag. */
export const STAGE_COLORS: Record<EventStage, string> = {
  emerging: 'blue',
  fermenting: 'orange',
  peak: 'red',
  declining: 'default',
};
const STAGES: readonly EventStage[] = ['emerging', 'fermenting', 'peak', 'declining'];

/** A short local time. */
export function shortTime(iso: string): string {
  const date = new Date(iso);
  return `${date.getMonth() + 1}-${date.getDate()} ${String(date.getHours()).padStart(2, '0')}:${String(
    date.getMinutes(),
  ).padStart(2, '0')}`;
}

/** The events list page. */
export function EventList() {
  const { t } = useI18n();
  const { api, unitId } = useSignedIn();
  const showError = useShowError();
  const navigate = useNavigate();
  const [events, setEvents] = useState<EventRecord[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [filters, setFilters] = useState<Omit<EventQuery, 'limit' | 'cursor'>>({ sort: 'heat' });
  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await eventApi(api).list({
          ...filters,
          limit: 50,
          ...(after !== undefined && { cursor: after }),
        });
        setEvents((current) => (after === undefined ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
      } catch (error) {
        showError(error);
      } finally {
        setLoading(false);
      }
    },
    [api, filters, showError],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const visible = unitId === null ? events : events.filter((event) => event.unitId === unitId);
  const open = (event: EventRecord) => navigate(`/events/${encodeURIComponent(event.id)}`);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div className="fx-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.events')}
        </Typography.Title>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('events.search')}
            style={{ width: 220 }}
            onSearch={(q) => setFilters((current) => ({ ...current, q: q.trim() || undefined }))}
          />
          <Select<EventStage[]>
            mode="multiple"
            allowClear
            placeholder={t('events.allStages')}
            style={{ minWidth: 140 }}
            options={STAGES.map((value) => ({ value, label: t(`stage.${value}`) }))}
            onChange={(stage) =>
              setFilters((current) => ({ ...current, stage: stage.length > 0 ? stage : undefined }))
            }
          />
          <Segmented<'heat' | 'time'>
            value={filters.sort}
            options={[
              { value: 'heat', label: t('events.sort.heat') },
              { value: 'time', label: t('events.sort.time') },
            ]}
            onChange={(sort) => setFilters((current) => ({ ...current, sort }))}
          />
        </Space>
      </div>
      <Table<EventRecord>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={visible}
        pagination={false}
        scroll={{ x: 860 }}
        data-testid="event-table"
        locale={{ emptyText: t('common.empty') }}
        onRow={(row) => ({ onClick: () => open(row), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('events.name'),
            dataIndex: 'title',
            ellipsis: true,
            fixed: 'left',
            width: 240,
            render: (title: string) => <Typography.Link>{title}</Typography.Link>,
          },
          {
            title: t('events.heat'),
            dataIndex: 'heat',
            width: 130,
            render: (heat: number | null) =>
              heat === null ? '—' : <Progress percent={Math.round(heat)} size="small" status="active" />,
          },
          {
            title: t('events.stage'),
            dataIndex: 'stage',
            width: 80,
            render: (stage: EventStage) => <Tag color={STAGE_COLORS[stage]}>{t(`stage.${stage}`)}</Tag>,
          },
          {
            title: t('events.trend'),
            key: 'trend',
            width: 120,
            render: (_: unknown, row) => <Sparkline api={api} event={row} />,
          },
          { title: t('events.items'), dataIndex: 'itemCount', width: 80 },
          { title: t('events.sources'), dataIndex: 'sourceCount', width: 80 },
          {
            title: t('events.last'),
            dataIndex: 'lastPublishedAt',
            width: 120,
            render: (at: string) => shortTime(at),
          },
        ]}
      />
      {cursor !== null && (
        <Button onClick={() => void load(cursor)} loading={loading}>
          …
        </Button>
      )}
    </Space>
  );
}
