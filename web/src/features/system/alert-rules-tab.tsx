/**
 * 预警规则: the alert rules in scope. Rule administrators write a rule as JSON (name, trigger, levels, quiet
 * hours, …); the server validates it and names the path of any mistake. Rules switch on and off in place.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { useSignedIn } from '../../session/context.js';
import { jsonText, parseJsonObject, useLoaded, when, MONO } from '../sources/shared.js';
import { type AlertRule, useSystemApi } from './api.js';
import { JsonObjectField } from '../sources/json-field.js';

const TRIGGERS: Record<string, MessageKey> = {
  scheme_hit: 'system.trigger.scheme_hit',
  event_heat: 'system.trigger.event_heat',
  event_growth: 'system.trigger.event_growth',
  spike: 'system.trigger.spike',
  coordinated: 'system.trigger.coordinated',
  source_failing: 'system.trigger.source_failing',
  source_silent: 'system.trigger.source_silent',
  case_deadline: 'system.trigger.case_deadline',
};

/** A new rule to start from: negative items hitting any scheme, red from three in an hour. */
const TEMPLATE = {
  name: '负面信息预警',
  trigger: { kind: 'scheme_hit', conditions: { sentiments: ['negative'] }, windowMinutes: 60 },
  levels: [
    { level: 'red', anyOf: [{ statistic: 'count', min: 3 }] },
    { level: 'yellow', anyOf: [] },
  ],
};

function RuleForm({
  editing,
  onDone,
}: {
  editing: AlertRule | 'new' | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const { unitId } = useSignedIn();
  const api = useSystemApi();
  const showError = useShowError();
  const [form] = Form.useForm<{ definition: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (editing === null) return;
    form.setFieldsValue({ definition: jsonText(editing === 'new' ? TEMPLATE : editing.definition) });
  }, [editing, form]);
  const save = async ({ definition }: { definition: string }): Promise<void> => {
    const parsed = parseJsonObject(definition);
    if (parsed instanceof Error) return;
    setBusy(true);
    try {
      if (editing === 'new') await api.createAlertRule({ ...parsed, ...(unitId !== null && { unitId }) });
      else if (editing !== null) await api.updateAlertRule(editing.id, parsed);
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
      width={720}
      title={editing === 'new' ? t('system.rules.add') : `${t('common.edit')} · ${editing?.name ?? ''}`}
      confirmLoading={busy}
      onCancel={() => onDone(false)}
      onOk={() => form.submit()}
      forceRender
    >
      <Form name="rule" form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <JsonObjectField
          name="definition"
          label={t('system.rules.definition')}
          extra={t('system.rules.definitionHelp')}
          minRows={8}
          maxRows={24}
        />
      </Form>
    </Modal>
  );
}

/** The alert rules tab (alerts:read; changes need alerts:admin). */
export function AlertRulesTab() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const api = useSystemApi();
  const showError = useShowError();
  const load = useCallback(async () => (await api.alertRules()).items, [api]);
  const { data, loading, reload } = useLoaded(load, [] as AlertRule[]);
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);
  const admin = can('alerts:admin');
  const act = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
      await reload();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {admin && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('system.rules.add')}
        </Button>
      )}
      <Table<AlertRule>
        rowKey="id"
        loading={loading}
        dataSource={data}
        pagination={false}
        scroll={{ x: 760 }}
        data-testid="rule-table"
        expandable={{
          expandedRowRender: (rule) => (
            <Typography.Paragraph style={{ ...MONO, whiteSpace: 'pre-wrap', margin: 0 }}>
              {jsonText(rule.definition)}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('system.rules.name'), dataIndex: 'name' },
          {
            title: t('system.rules.trigger'),
            dataIndex: 'trigger',
            width: 140,
            render: (trigger: string) => {
              const key = TRIGGERS[trigger];
              return <Tag>{key ? t(key) : trigger}</Tag>;
            },
          },
          {
            title: t('system.rules.version'),
            dataIndex: 'version',
            width: 70,
            render: (v: number) => `v${v}`,
          },
          { title: t('system.rules.updatedAt'), dataIndex: 'updatedAt', width: 170, render: when },
          {
            title: t('system.enabled'),
            dataIndex: 'enabled',
            width: 80,
            render: (enabled: boolean, rule) => (
              <Switch
                size="small"
                checked={enabled}
                disabled={!admin}
                onChange={(next) => void act(() => api.updateAlertRule(rule.id, { enabled: next }))}
              />
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, rule) =>
              admin && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(rule)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('system.confirmDelete')}
                    onConfirm={() => void act(() => api.deleteAlertRule(rule.id))}
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
      <RuleForm
        editing={editing}
        onDone={(saved) => {
          setEditing(null);
          if (saved) void reload();
        }}
      />
    </Space>
  );
}
