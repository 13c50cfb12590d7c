/**
 * 通知渠道: where alerts go. Administrators add channels with their kind's config as JSON (checked by the
 * server, secrets shown masked), switch them on and off, and send a test message now.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { jsonText, parseJsonObject, useLoaded } from '../sources/shared.js';
import { type Channel, type CreateChannelBody, useSystemApi } from './api.js';
import { JsonObjectField } from '../sources/json-field.js';

type Kind = Channel['kind'];
type Level = Channel['minLevel'];

const CONFIG_TEMPLATES: Record<Kind, object> = {
  inapp: {},
  email: { to: [], roles: ['monitor'], onDuty: true },
  webhook: { url: 'https://' },
  wecom: { url: 'https://' },
  slack: { url: 'https://' },
  dingtalk: { url: 'https://' },
  feishu: { url: 'https://' },
};
const KINDS = Object.keys(CONFIG_TEMPLATES) as Kind[];
const LEVEL_COLORS: Record<Level, string> = { red: 'red', orange: 'orange', yellow: 'gold', blue: 'blue' };
const LEVELS = Object.keys(LEVEL_COLORS) as Level[];

interface Values {
  kind: Kind;
  name: string;
  minLevel: Level;
  coverSubunits: boolean;
  enabled: boolean;
  config?: string;
}

function ChannelForm({
  editing,
  onDone,
}: {
  editing: Channel | 'new' | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const { unitId } = useSignedIn();
  const api = useSystemApi();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (editing === null) return;
    form.resetFields();
    form.setFieldsValue(
      editing === 'new'
        ? { kind: 'inapp', name: '', minLevel: 'yellow', coverSubunits: false, enabled: true, config: '{}' }
        : { ...editing, config: jsonText(editing.config) },
    );
  }, [editing, form]);
  const save = async (values: Values): Promise<void> => {
    const config = parseJsonObject(values.config);
    if (config instanceof Error) return;
    setBusy(true);
    const common = {
      name: values.name,
      minLevel: values.minLevel,
      coverSubunits: values.coverSubunits,
      enabled: values.enabled,
      config,
    };
    try {
      if (editing === 'new') {
        const body: CreateChannelBody = { ...common, kind: values.kind, ...(unitId !== null && { unitId }) };
        await api.createChannel(body);
      } else if (editing !== null) await api.updateChannel(editing.id, common);
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
      title={t(editing === 'new' ? 'system.channels.add' : 'common.edit')}
      confirmLoading={busy}
      onCancel={() => onDone(false)}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<Values> name="channel" form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="kind" label={t('system.channels.kind')}>
          <Select
            disabled={editing !== 'new'}
            onChange={(kind: Kind) => form.setFieldValue('config', jsonText(CONFIG_TEMPLATES[kind]))}
            options={KINDS.map((value) => ({ value, label: t(`system.channels.kind.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('system.channels.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="minLevel" label={t('system.channels.minLevel')}>
          <Select options={LEVELS.map((value) => ({ value, label: t(`level.${value}`) }))} />
        </Form.Item>
        <Space size={24}>
          <Form.Item name="enabled" label={t('system.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="coverSubunits" label={t('system.channels.coverSubunits')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <JsonObjectField
          name="config"
          label={t('system.channels.config')}
          extra={t('system.channels.configHelp')}
          minRows={3}
          maxRows={12}
        />
      </Form>
    </Modal>
  );
}

/** The channels tab (alerts:admin). */
export function ChannelsTab() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const api = useSystemApi();
  const showError = useShowError();
  const load = useCallback(async () => (await api.channels()).items, [api]);
  const { data, loading, reload } = useLoaded(load, [] as Channel[]);
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  const [testing, setTesting] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
      await reload();
    } catch (error) {
      showError(error);
    }
  };
  const test = async (channel: Channel): Promise<void> => {
    setTesting(channel.id);
    try {
      const result = await api.testChannel(channel.id);
      if (result.ok) void modal.success({ title: t('system.channels.testOk', { name: channel.name }) });
      else
        void modal.error({
          title: t('system.channels.testFailed', { name: channel.name }),
          content: `${result.errorCode ?? ''} ${result.error ?? ''}`,
        });
    } catch (error) {
      showError(error);
    } finally {
      setTesting(null);
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
        {t('system.channels.add')}
      </Button>
      <Table<Channel>
        rowKey="id"
        loading={loading}
        dataSource={data}
        pagination={false}
        scroll={{ x: 760 }}
        data-testid="channel-table"
        columns={[
          { title: t('system.channels.name'), dataIndex: 'name' },
          {
            title: t('system.channels.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (kind: Kind) => t(`system.channels.kind.${kind}`),
          },
          {
            title: t('system.channels.minLevel'),
            dataIndex: 'minLevel',
            width: 100,
            render: (level: Level) => <Tag color={LEVEL_COLORS[level]}>{t(`level.${level}`)}</Tag>,
          },
          {
            title: t('system.enabled'),
            dataIndex: 'enabled',
            width: 80,
            render: (enabled: boolean, channel) => (
              <Switch
                size="small"
                checked={enabled}
                onChange={(next) => void act(() => api.updateChannel(channel.id, { enabled: next }))}
              />
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 220,
            render: (_: unknown, channel) => (
              <Space size={0} wrap>
                <Button
                  type="link"
                  size="small"
                  loading={testing === channel.id}
                  onClick={() => void test(channel)}
                >
                  {t('system.channels.test')}
                </Button>
                <Button type="link" size="small" onClick={() => setEditing(channel)}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('system.confirmDelete')}
                  onConfirm={() => void act(() => api.deleteChannel(channel.id))}
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
      <ChannelForm
        editing={editing}
        onDone={(saved) => {
          setEditing(null);
          if (saved) void reload();
        }}
      />
    </Space>
  );
}
