/** 重点账号 and 媒体分级: the media tiers with their authority weights, and the key accounts staff keep. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { type KeyAccount, type MediaTierList, useSourcesApi } from './api.js';
import { MEDIA_TIERS, type MediaTier } from './kinds.js';
import { useLoaded } from './shared.js';

interface Values {
  platform?: string;
  name: string;
  tier?: MediaTier | null;
  weight: number;
  note?: string;
}

function AccountForm({
  editing,
  onDone,
}: {
  editing: KeyAccount | 'new' | null;
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
    form.resetFields();
    if (editing !== 'new')
      form.setFieldsValue({
        platform: editing.platform ?? undefined,
        name: editing.name,
        tier: editing.tier,
        weight: editing.weight,
        note: editing.note ?? undefined,
      });
  }, [editing, form]);
  const save = async (values: Values): Promise<void> => {
    setBusy(true);
    const body = {
      platform: values.platform?.trim() ? values.platform.trim() : null,
      name: values.name,
      tier: values.tier ?? null,
      weight: values.weight,
      note: values.note?.trim() ? values.note.trim() : null,
    };
    try {
      if (editing === 'new') await api.createKeyAccount({ ...body, ...(unitId !== null && { unitId }) });
      else if (editing !== null) await api.updateKeyAccount(editing.id, body);
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
      title={t(editing === 'new' ? 'sources.accounts.add' : 'common.edit')}
      confirmLoading={busy}
      onCancel={() => onDone(false)}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<Values>
        name="account"
        form={form}
        layout="vertical"
        initialValues={{ weight: 1, tier: null }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="name"
          label={t('sources.accounts.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="platform" label={t('sources.platform')} extra={t('sources.accounts.platformHelp')}>
          <Input maxLength={64} placeholder="weibo" />
        </Form.Item>
        <Form.Item name="tier" label={t('sources.tier')}>
          <Select
            allowClear
            options={MEDIA_TIERS.map((value) => ({ value, label: t(`sources.tier.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="weight"
          label={t('sources.accounts.weight')}
          extra={t('sources.accounts.weightHelp')}
        >
          <InputNumber min={0.1} max={10} step={0.1} />
        </Form.Item>
        <Form.Item name="note" label={t('sources.accounts.note')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Tiers({ tiers }: { tiers: MediaTierList | null }) {
  const { t } = useI18n();
  if (!tiers) return null;
  return (
    <Card size="small" title={t('sources.tiers')}>
      <Space wrap size={[8, 8]}>
        {tiers.tiers.map((tier) => (
          <Tag key={tier.tier} color="blue">
            {tier.name} · {tier.weight}
          </Tag>
        ))}
        <Tag>
          {t('sources.tiers.unknown')} · {tiers.unknownWeight}
        </Tag>
      </Space>
    </Card>
  );
}

/** The key accounts tab. */
export function KeyAccountsTab() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const api = useSourcesApi();
  const showError = useShowError();
  const [query, setQuery] = useState('');
  const load = useCallback(async () => {
    const [accounts, tiers] = await Promise.all([api.keyAccounts(query || undefined), api.mediaTiers()]);
    return { accounts: accounts.items, tiers };
  }, [api, query]);
  const { data, loading, reload } = useLoaded(load, {
    accounts: [] as KeyAccount[],
    tiers: null as MediaTierList | null,
  });
  const [editing, setEditing] = useState<KeyAccount | 'new' | null>(null);
  const writer = can('accounts:write');
  const remove = async (id: string): Promise<void> => {
    try {
      await api.deleteKeyAccount(id);
      await reload();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Tiers tiers={data.tiers} />
      <Space wrap>
        {writer && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('sources.accounts.add')}
          </Button>
        )}
        <Input.Search
          allowClear
          placeholder={t('sources.accounts.search')}
          onSearch={setQuery}
          style={{ width: 240 }}
        />
      </Space>
      <Table<KeyAccount>
        rowKey="id"
        loading={loading}
        dataSource={data.accounts}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        data-testid="key-accounts"
        columns={[
          { title: t('sources.accounts.name'), dataIndex: 'name' },
          {
            title: t('sources.platform'),
            dataIndex: 'platform',
            width: 110,
            render: (platform: string | null) => platform ?? t('sources.accounts.everyPlatform'),
          },
          {
            title: t('sources.tier'),
            dataIndex: 'tier',
            width: 110,
            render: (tier: KeyAccount['tier']) => (tier ? t(`sources.tier.${tier}`) : '—'),
          },
          { title: t('sources.accounts.weight'), dataIndex: 'weight', width: 80 },
          {
            title: t('sources.accounts.authority'),
            dataIndex: 'authority',
            width: 90,
            render: (a: number) => a.toFixed(2),
          },
          {
            title: t('sources.accounts.note'),
            dataIndex: 'note',
            ellipsis: true,
            render: (note: string | null) => note ?? '',
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, account) =>
              writer && (
                <Space>
                  <Button type="link" size="small" onClick={() => setEditing(account)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('sources.accounts.confirmDelete')}
                    onConfirm={() => void remove(account.id)}
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
      <AccountForm
        editing={editing}
        onDone={(saved) => {
          setEditing(null);
          if (saved) void reload();
        }}
      />
    </Space>
  );
}
