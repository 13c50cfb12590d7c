/** The fetch history (fetch runs) and health events of one source, in a drawer. */
import { Drawer, Grid, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback } from 'react';
import { useI18n } from '../../i18n/context.js';
import { type FetchRun, type HealthEvent, type Source, useSourcesApi } from './api.js';
import { useLoaded, when } from './shared.js';

const OUTCOME_COLORS: Record<FetchRun['outcome'], string> = {
  ok: 'success',
  not_modified: 'default',
  failed: 'error',
};
const HEALTH_EVENT_COLORS: Record<HealthEvent['state'], string> = {
  failing: 'red',
  silent: 'orange',
  recovered: 'green',
};

function History({ source }: { source: Source }) {
  const { t } = useI18n();
  const api = useSourcesApi();
  const load = useCallback(
    async () => ({
      runs: (await api.runs(source.id)).items,
      events: (await api.healthEvents(source.id)).items,
    }),
    [api, source.id],
  );
  const { data, loading } = useLoaded(load, { runs: [] as FetchRun[], events: [] as HealthEvent[] });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Table<FetchRun>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data.runs}
        pagination={false}
        scroll={{ x: 640 }}
        data-testid="fetch-runs"
        columns={[
          { title: t('sources.runs.startedAt'), dataIndex: 'startedAt', width: 170, render: when },
          {
            title: t('sources.runs.outcome'),
            dataIndex: 'outcome',
            width: 100,
            render: (outcome: FetchRun['outcome']) => (
              <Tag color={OUTCOME_COLORS[outcome]}>{t(`sources.outcome.${outcome}`)}</Tag>
            ),
          },
          { title: t('sources.preview.found'), dataIndex: 'found', width: 70 },
          { title: t('sources.runs.inserted'), dataIndex: 'inserted', width: 70 },
          { title: t('sources.runs.duplicates'), dataIndex: 'duplicates', width: 70 },
          {
            title: t('sources.runs.error'),
            key: 'error',
            render: (_: unknown, run) =>
              run.errorCode ? `${run.errorCode}${run.errorMessage ? `: ${run.errorMessage}` : ''}` : '—',
          },
          { title: 'ms', dataIndex: 'durationMs', width: 70, render: (ms: number) => Math.round(ms) },
        ]}
      />
      <Typography.Title level={5}>{t('sources.healthEvents')}</Typography.Title>
      {data.events.length === 0 ? (
        <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
      ) : (
        <Timeline
          items={data.events.map((event) => ({
            key: event.id,
            color: HEALTH_EVENT_COLORS[event.state],
            content: `${when(event.at)} ${t(`sources.health.${event.state}`)} ${event.detail}`,
          }))}
        />
      )}
    </Space>
  );
}

/** The drawer of `source` (closed when null). */
export function SourceRuns({ source, onClose }: { source: Source | null; onClose: () => void }) {
  const { t } = useI18n();
  const mobile = Grid.useBreakpoint().md === false;
  return (
    <Drawer
      open={source !== null}
      onClose={onClose}
      size={mobile ? '100%' : 760}
      title={source ? `${t('sources.runs')} · ${source.name}` : ''}
      destroyOnHidden
    >
      {source && <History source={source} />}
    </Drawer>
  );
}
