/**
 * The sources of the units in scope with their health (state, last success, errors) and the actions a
 * writer has: test fetch, fetch now, pause/resume, edit, history, delete.
 */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { type Source, type SourcePreview, useSourcesApi } from './api.js';
import { SourceForm } from './source-form.js';
import { PreviewResult } from './source-preview.js';
import { SourceRuns } from './source-runs.js';
import { useLoaded, when } from './shared.js';

const HEALTH_COLORS: Record<Source['health'], string> = {
  ok: 'success',
  failing: 'error',
  silent: 'warning',
  paused: 'default',
  new: 'processing',
};

type Action = 'test' | 'fetch' | 'toggle' | 'edit' | 'runs' | 'delete';

function HealthCell({ source }: { source: Source }) {
  const { t } = useI18n();
  const tag = <Tag color={HEALTH_COLORS[source.health]}>{t(`sources.health.${source.health}`)}</Tag>;
  if (!source.lastError) return tag;
  return (
    <Tooltip title={`${source.lastError.code ?? ''} ${source.lastError.message}`}>
      <Space size={4}>
        {tag}
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          ×{source.consecutiveErrors}
        </Typography.Text>
      </Space>
    </Tooltip>
  );
}

function useSourceActions(reload: () => Promise<void>) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const api = useSourcesApi();
  const showError = useShowError();
  const [preview, setPreview] = useState<{ source: Source; result: SourcePreview | null } | null>(null);
  const run = async (source: Source, action: Exclude<Action, 'edit' | 'runs'>): Promise<void> => {
    try {
      if (action === 'test') {
        setPreview({ source, result: null });
        setPreview({ source, result: await api.testSource(source.id) });
        return;
      }
      if (action === 'fetch') {
        await api.fetchNow(source.id);
        void message.success(t('sources.fetchQueued'));
      } else if (action === 'toggle') {
        await (source.enabled ? api.pause(source.id) : api.resume(source.id));
      } else {
        const confirmed = await modal.confirm({ title: t('sources.confirmDelete', { name: source.name }) });
        if (!confirmed) return;
        await api.deleteSource(source.id);
      }
      await reload();
    } catch (error) {
      if (action === 'test') setPreview(null);
      showError(error);
    }
  };
  return { run, preview, closePreview: () => setPreview(null) };
}

/** The sources tab. */
export function SourceList() {
  const { t } = useI18n();
  const { can, unitId } = useSignedIn();
  const api = useSourcesApi();
  const load = useCallback(async () => (await api.sources()).items, [api]);
  const { data, loading, reload } = useLoaded(load, [] as Source[]);
  const [editing, setEditing] = useState<Source | 'new' | null>(null);
  const [history, setHistory] = useState<Source | null>(null);
  const { run, preview, closePreview } = useSourceActions(reload);
  const writer = can('sources:write');
  const visible = unitId === null ? data : data.filter((source) => source.unitId === unitId);
  const act = (source: Source, action: Action): void => {
    if (action === 'edit') setEditing(source);
    else if (action === 'runs') setHistory(source);
    else void run(source, action);
  };
  const menu = (source: Source) => [
    { key: 'runs', label: t('sources.runs') },
    ...(writer
      ? [
          { key: 'test', label: t('sources.test') },
          { key: 'fetch', label: t('sources.fetchNow') },
          { key: 'toggle', label: t(source.enabled ? 'sources.pause' : 'sources.resume') },
          { key: 'edit', label: t('common.edit') },
          { key: 'delete', label: t('common.delete'), danger: true },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        {writer && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="source-add"
          >
            {t('sources.add')}
          </Button>
        )}
        <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
          {t('common.refresh')}
        </Button>
      </Space>
      <Table<Source>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={visible}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        data-testid="source-table"
        columns={[
          {
            title: t('sources.name'),
            key: 'name',
            width: 280,
            render: (_: unknown, source) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{source.name}</Typography.Text>
                {source.url && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 260 }} ellipsis>
                    {source.url}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('sources.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (kind: Source['kind']) => <Tag>{t(`sources.kind.${kind}`)}</Tag>,
          },
          {
            title: t('sources.tier'),
            dataIndex: 'tier',
            width: 100,
            render: (tier: Source['tier']) => (tier ? t(`sources.tier.${tier}`) : '—'),
          },
          {
            title: t('sources.healthState'),
            key: 'health',
            width: 120,
            render: (_: unknown, source) => <HealthCell source={source} />,
          },
          { title: t('sources.lastSuccess'), dataIndex: 'lastSuccessAt', width: 170, render: when },
          { title: t('sources.nextFetch'), dataIndex: 'nextFetchAt', width: 170, render: when },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            fixed: 'right',
            render: (_: unknown, source) => (
              <Space size={0}>
                {writer && (
                  <Button type="link" size="small" onClick={() => act(source, 'test')} data-testid="row-test">
                    {t('sources.test')}
                  </Button>
                )}
                <Dropdown
                  trigger={['click']}
                  menu={{ items: menu(source), onClick: ({ key }) => act(source, key as Action) }}
                >
                  <Button type="link" size="small">
                    {t('sources.more')}
                  </Button>
                </Dropdown>
              </Space>
            ),
          },
        ]}
      />
      <SourceForm
        editing={editing}
        onDone={(saved) => {
          setEditing(null);
          if (saved) void reload();
        }}
      />
      <SourceRuns source={history} onClose={() => setHistory(null)} />
      <Modal
        open={preview !== null}
        width={800}
        title={preview ? `${t('sources.test')} · ${preview.source.name}` : ''}
        onCancel={closePreview}
        footer={
          <Button onClick={closePreview} data-testid="row-preview-close">
            {t('sources.close')}
          </Button>
        }
      >
        <div data-testid="row-preview">
          {preview?.result ? <PreviewResult preview={preview.result} /> : t('sources.testing')}
        </div>
      </Modal>
    </Space>
  );
}
