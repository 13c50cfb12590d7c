/** 重点时段: key periods during which sources are polled more often (multiplier), and which sources they cover. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { type KeyPeriod, type Source, useSourcesApi } from './api.js';
import { fromLocalInput, toLocalInput, useLoaded, when } from './shared.js';

interface Values {
  name: string;
  startsAt: string;
  endsAt: string;
  multiplier: number;
  sourceIds: string[];
}

function PeriodForm({
  editing,
  sources,
  onDone,
}: {
  editing: KeyPeriod | 'new' | null;
  sources: Source[];
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const { unitId } = useSignedIn();
  const api = useSourcesApi();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (editing === null) return;
    const now = Date.now();
    form.setFieldsValue(
      editing === 'new'
        ? {
            name: '',
            startsAt: toLocalInput(new Date(now).toISOString()),
            endsAt: toLocalInput(new Date(now + 3 * 86_400_000).toISOString()),
            multiplier: 4,
            sourceIds: [],
          }
        : {
            name: editing.name,
            startsAt: toLocalInput(editing.startsAt),
            endsAt: toLocalInput(editing.endsAt),
            multiplier: editing.multiplier,
            sourceIds: editing.sourceIds,
          },
    );
  }, [editing, form]);
  const save = async (values: Values): Promise<void> => {
    setBusy(true);
    const body = {
      name: values.name,
      startsAt: fromLocalInput(values.startsAt),
      endsAt: fromLocalInput(values.endsAt),
      multiplier: values.multiplier,
      sourceIds: values.sourceIds,
    };
    try {
      if (editing === 'new') await api.createKeyPeriod({ ...body, ...(unitId !== null && { unitId }) });
      else if (editing !== null) await api.updateKeyPeriod(editing.id, body);
      onDone(true);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={editing !== null}
      title={t(editing === 'new' ? 'sources.periods.add' : 'common.edit')}
      confirmLoading={busy}
      onCancel={() => onDone(false)}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<Values> name="period" form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="name"
          label={t('sources.periods.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} placeholder={t('sources.periods.namePlaceholder')} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsAt" label={t('sources.periods.startsAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('sources.periods.endsAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
        </Space>
        <Form.Item
          name="multiplier"
          label={t('sources.periods.multiplier')}
          extra={t('sources.periods.multiplierHelp')}
        >
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item
          name="sourceIds"
          label={t('sources.periods.sources')}
          extra={t('sources.periods.sourcesHelp')}
        >
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            options={sources.map((source) => ({ value: source.id, label: source.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The key periods tab. */
export function KeyPeriodsTab() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const api = useSourcesApi();
  const showError = useShowError();
  const load = useCallback(async () => {
    const [periods, sources] = await Promise.all([api.keyPeriods(), api.sources()]);
    return { periods: periods.items, sources: sources.items };
  }, [api]);
  const { data, loading, reload } = useLoaded(load, { periods: [] as KeyPeriod[], sources: [] as Source[] });
  const [editing, setEditing] = useState<KeyPeriod | 'new' | null>(null);
  const writer = can('sources:write');
  const names = new Map(data.sources.map((source) => [source.id, source.name]));
  const now = Date.now();
  const remove = async (id: string): Promise<void> => {
    try {
      await api.deleteKeyPeriod(id);
      await reload();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {writer && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('sources.periods.add')}
        </Button>
      )}
      <Table<KeyPeriod>
        rowKey="id"
        loading={loading}
        dataSource={data.periods}
        pagination={false}
        scroll={{ x: 760 }}
        data-testid="key-periods"
        columns={[
          { title: t('sources.periods.name'), dataIndex: 'name' },
          { title: t('sources.periods.startsAt'), dataIndex: 'startsAt', width: 170, render: when },
          { title: t('sources.periods.endsAt'), dataIndex: 'endsAt', width: 170, render: when },
          {
            title: t('sources.periods.state'),
            key: 'state',
            width: 90,
            render: (_: unknown, period) => {
              const active = Date.parse(period.startsAt) <= now && now < Date.parse(period.endsAt);
              const past = Date.parse(period.endsAt) <= now;
              return (
                <Tag color={active ? 'red' : past ? 'default' : 'blue'}>
                  {t(
                    active
                      ? 'sources.periods.active'
                      : past
                        ? 'sources.periods.past'
                        : 'sources.periods.upcoming',
                  )}
                </Tag>
              );
            },
          },
          {
            title: t('sources.periods.multiplier'),
            dataIndex: 'multiplier',
            width: 90,
            render: (m: number) => `×${m}`,
          },
          {
            title: t('sources.periods.sources'),
            dataIndex: 'sourceIds',
            render: (ids: string[]) =>
              ids.length === 0
                ? t('sources.periods.allSources')
                : ids.map((id) => names.get(id) ?? id).join('、'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, period) =>
              writer && (
                <Space>
                  <Button type="link" size="small" onClick={() => setEditing(period)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('sources.periods.confirmDelete')}
                    onConfirm={() => void remove(period.id)}
                  >
                    <Button type="link" size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <PeriodForm
        editing={editing}
        sources={data.sources}
        onDone={(saved) => {
          setEditing(null);
          if (saved) void reload();
        }}
      />
    </Space>
  );
}
