/** 值班表: the duty roster of the next weeks; rule administrators add and remove shifts. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { fromLocalInput, toLocalInput, useLoaded, when } from '../sources/shared.js';
import { type DutyShift, type User, useSystemApi } from './api.js';

type Level = NonNullable<DutyShift['levels']>[number];
const LEVELS: Level[] = ['red', 'orange', 'yellow', 'blue'];
const DAY = 86_400_000;
const HOUR = 3_600_000;

interface Values {
  userId: string;
  startsAt: string;
  endsAt: string;
  levels?: Level[];
  note?: string;
}

function ShiftForm({
  open,
  users,
  onDone,
}: {
  open: boolean;
  users: User[];
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const { unitId } = useSignedIn();
  const api = useSystemApi();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    const start = Math.ceil(Date.now() / HOUR) * HOUR;
    form.resetFields();
    form.setFieldsValue({
      startsAt: toLocalInput(new Date(start).toISOString()),
      endsAt: toLocalInput(new Date(start + 8 * HOUR).toISOString()),
    });
  }, [open, form]);
  const save = async (values: Values): Promise<void> => {
    setBusy(true);
    try {
      await api.createDutyShift({
        userId: values.userId,
        startsAt: fromLocalInput(values.startsAt),
        endsAt: fromLocalInput(values.endsAt),
        levels: values.levels && values.levels.length > 0 ? values.levels : null,
        note: values.note?.trim() ? values.note.trim() : null,
        ...(unitId !== null && { unitId }),
      });
      onDone(true);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('system.duty.add')}
      confirmLoading={busy}
      onCancel={() => onDone(false)}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<Values> name="shift" form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="userId" label={t('system.duty.user')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={users
              .filter((user) => !user.disabled)
              .map((user) => ({ value: user.id, label: user.displayName }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsAt" label={t('system.duty.startsAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('system.duty.endsAt')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
        </Space>
        <Form.Item name="levels" label={t('system.duty.levels')} extra={t('system.duty.levelsHelp')}>
          <Select
            mode="multiple"
            allowClear
            options={LEVELS.map((value) => ({ value, label: t(`level.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('system.duty.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The duty roster tab (alerts:read; changes need alerts:admin). */
export function DutyTab() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const api = useSystemApi();
  const showError = useShowError();
  const load = useCallback(async () => {
    const from = new Date(Date.now() - DAY).toISOString();
    const to = new Date(Date.now() + 14 * DAY).toISOString();
    const [shifts, users] = await Promise.all([
      api.dutyShifts(from, to),
      can('users:read') ? api.users() : { items: [] as User[] },
    ]);
    return { shifts: shifts.items, users: users.items };
  }, [api, can]);
  const { data, loading, reload } = useLoaded(load, { shifts: [] as DutyShift[], users: [] as User[] });
  const [adding, setAdding] = useState(false);
  const admin = can('alerts:admin');
  const names = new Map(data.users.map((user) => [user.id, user.displayName]));
  const now = Date.now();
  const remove = async (id: string): Promise<void> => {
    try {
      await api.deleteDutyShift(id);
      await reload();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {admin && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('system.duty.add')}
        </Button>
      )}
      <Table<DutyShift>
        rowKey="id"
        loading={loading}
        dataSource={[...data.shifts].sort((a, b) => a.startsAt.localeCompare(b.startsAt))}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="duty-table"
        columns={[
          {
            title: t('system.duty.user'),
            dataIndex: 'userId',
            render: (userId: string, shift) => (
              <Space>
                {names.get(userId) ?? userId}
                {Date.parse(shift.startsAt) <= now && now < Date.parse(shift.endsAt) && (
                  <Tag color="green">{t('system.duty.onDuty')}</Tag>
                )}
              </Space>
            ),
          },
          { title: t('system.duty.startsAt'), dataIndex: 'startsAt', width: 170, render: when },
          { title: t('system.duty.endsAt'), dataIndex: 'endsAt', width: 170, render: when },
          {
            title: t('system.duty.levels'),
            dataIndex: 'levels',
            render: (levels: Level[] | null) =>
              levels
                ? levels.map((level) => <Tag key={level}>{t(`level.${level}`)}</Tag>)
                : t('system.duty.allLevels'),
          },
          { title: t('system.duty.note'), dataIndex: 'note', render: (note: string | null) => note ?? '' },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, shift) =>
              admin && (
                <Popconfirm title={t('system.confirmDelete')} onConfirm={() => void remove(shift.id)}>
                  <Button type="link" size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <ShiftForm
        open={adding}
        users={data.users}
        onDone={(saved) => {
          setAdding(false);
          if (saved) void reload();
        }}
      />
    </Space>
  );
}
