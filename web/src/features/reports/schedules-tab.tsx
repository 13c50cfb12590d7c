/** 定时生成: the report schedules of the units in scope; admins add, change and delete them. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ReportSchedule } from '../../api/types.js';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';

const TYPES = ['daily', 'weekly', 'monthly', 'work_summary'] as const;
const FORMATS = ['docx', 'pdf', 'md', 'html'] as const;

interface Values {
  type: (typeof TYPES)[number];
  cron?: string;
  timeZone?: string;
  enabled: boolean;
  autoIssue: boolean;
  recipients?: string;
  formats: (typeof FORMATS)[number][];
}

function recipientsOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,，;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

function ScheduleForm({
  editing,
  onDone,
}: {
  editing: ReportSchedule | 'new' | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const { api, unitId } = useSignedIn();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (editing === null) return;
    form.setFieldsValue(
      editing === 'new'
        ? {
            type: 'daily',
            cron: undefined,
            timeZone: undefined,
            enabled: true,
            autoIssue: true,
            recipients: '',
            formats: ['docx', 'pdf'],
          }
        : { ...editing, recipients: editing.recipients.join(', ') },
    );
  }, [editing, form]);
  const save = async (values: Values): Promise<void> => {
    setBusy(true);
    const common = {
      enabled: values.enabled,
      autoIssue: values.autoIssue,
      recipients: recipientsOf(values.recipients),
      formats: values.formats,
      ...(values.cron && { cron: values.cron }),
      ...(values.timeZone && { timeZone: values.timeZone }),
    };
    try {
      if (editing === 'new')
        await api.createSchedule({ ...common, type: values.type, ...(unitId !== null && { unitId }) });
      else if (editing !== null) await api.updateSchedule(editing.id, common);
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
      title={t(editing === 'new' ? 'schedules.add' : 'common.edit')}
      confirmLoading={busy}
      onCancel={() => onDone(false)}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="type" label={t('reports.type')}>
          <Select
            disabled={editing !== 'new'}
            options={TYPES.map((value) => ({ value, label: t(`reports.type.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="cron" label={t('schedules.cron')}>
          <Input placeholder="0 17 * * *" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('schedules.timeZone')}>
          <Input placeholder="Asia/Shanghai" />
        </Form.Item>
        <Form.Item name="recipients" label={t('schedules.recipients')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="formats" label={t('schedules.formats')} rules={[{ required: true }]}>
          <Checkbox.Group options={FORMATS.map((value) => ({ value, label: value.toUpperCase() }))} />
        </Form.Item>
        <Space size={24}>
          <Form.Item name="enabled" label={t('schedules.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="autoIssue" label={t('schedules.autoIssue')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** The schedules tab. */
export function SchedulesTab() {
  const { t } = useI18n();
  const { api, can } = useSignedIn();
  const showError = useShowError();
  const [schedules, setSchedules] = useState<ReportSchedule[]>([]);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<ReportSchedule | 'new' | null>(null);
  const admin = can('reports:admin');
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setSchedules((await api.schedules()).items);
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  }, [api, showError]);
  useEffect(() => {
    void load();
  }, [load]);
  const remove = async (id: string): Promise<void> => {
    try {
      await api.deleteSchedule(id);
      await load();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {admin && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('schedules.add')}
        </Button>
      )}
      <Table<ReportSchedule>
        rowKey="id"
        loading={loading}
        dataSource={schedules}
        pagination={false}
        scroll={{ x: 760 }}
        columns={[
          {
            title: t('reports.type'),
            dataIndex: 'type',
            width: 110,
            render: (type: ReportSchedule['type']) => t(`reports.type.${type}`),
          },
          { title: t('schedules.cron'), dataIndex: 'cron', width: 130 },
          {
            title: t('schedules.enabled'),
            dataIndex: 'enabled',
            width: 80,
            render: (on: boolean) => t(on ? 'common.yes' : 'common.no'),
          },
          {
            title: t('schedules.autoIssue'),
            dataIndex: 'autoIssue',
            width: 100,
            render: (on: boolean) => t(on ? 'common.yes' : 'common.no'),
          },
          { title: t('schedules.nextRun'), dataIndex: 'nextRunAt', render: when },
          { title: t('schedules.lastRun'), dataIndex: 'lastRunAt', render: when },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, row) =>
              admin && (
                <Space>
                  <Button type="link" size="small" onClick={() => setEditing(row)}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm title={t('schedules.confirmDelete')} onConfirm={() => void remove(row.id)}>
                    <Button type="link" size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <ScheduleForm
        editing={editing}
        onDone={(saved) => {
          setEditing(null);
          if (saved) void load();
        }}
      />
    </Space>
  );
}
