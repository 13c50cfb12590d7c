/**
 * The buttons of an appeal, from the actions its state allows and only for `appeals:write`: accept,
 * reject, dispatch to a department, extend, return, reply, publish the reply, record satisfaction, close.
 * Actions that need input open one dialog whose fields depend on the action.
 */
import { Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { useLabel, useRunner } from '../publications/case-kit.js';
import {
  type Appeal,
  type AppealDepartment,
  type AppealSatisfaction,
  SATISFACTIONS,
  appealApi,
} from './api.js';

/** Actions that ask for input first. */
const WITH_FORM = ['reject', 'dispatch', 'extend', 'return', 'reply', 'rate'] as const;
type FormAction = (typeof WITH_FORM)[number];
/** Actions done with one click. */
const DIRECT = ['accept', 'publish', 'close'] as const;
type DirectAction = (typeof DIRECT)[number];

interface Values {
  reason?: string;
  departmentId?: string;
  days?: number;
  text?: string;
  satisfaction?: AppealSatisfaction;
}

function Fields({ action, departments }: { action: FormAction; departments: AppealDepartment[] }) {
  const { t } = useI18n();
  const label = useLabel();
  const required = [{ required: true, whitespace: true }];
  switch (action) {
    case 'dispatch':
      return (
        <>
          <Form.Item name="departmentId" label={t('appeals.department')} rules={[{ required: true }]}>
            <Select
              data-testid="appeal-department-select"
              options={departments.filter((d) => d.enabled).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item name="days" label={t('appeals.days')} extra={t('appeals.daysHint')}>
            <InputNumber min={1} max={60} style={{ width: 120 }} />
          </Form.Item>
        </>
      );
    case 'extend':
      return (
        <>
          <Form.Item name="days" label={t('appeals.extendDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="reason" label={t('cases.reason')} rules={required}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      );
    case 'reply':
      return (
        <Form.Item name="text" label={t('appeals.reply')} rules={required}>
          <Input.TextArea rows={5} data-testid="appeal-reply-text" />
        </Form.Item>
      );
    case 'rate':
      return (
        <Form.Item name="satisfaction" label={t('appeals.satisfaction')} rules={[{ required: true }]}>
          <Select
            options={SATISFACTIONS.map((value) => ({ value, label: label('appeals.satisfaction', value) }))}
          />
        </Form.Item>
      );
    default:
      return (
        <Form.Item name="reason" label={t('cases.reason')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
      );
  }
}

function perform(api: ReturnType<typeof appealApi>, id: string, action: FormAction, values: Values) {
  switch (action) {
    case 'dispatch':
      return api.dispatch(id, values.departmentId ?? '', values.days ?? undefined);
    case 'extend':
      return api.extend(id, values.days ?? 0, values.reason ?? '');
    case 'reply':
      return api.reply(id, values.text ?? '');
    case 'rate':
      return api.rate(id, values.satisfaction ?? 'satisfied');
    case 'return':
      return api.return(id, values.reason ?? '');
    case 'reject':
      return api.reject(id, values.reason ?? '');
  }
}

/** The action bar of an appeal. */
export function AppealActions({
  appeal,
  departments,
  onChange,
}: {
  appeal: Appeal;
  departments: AppealDepartment[];
  onChange: (next: Appeal) => void;
}) {
  const { t } = useI18n();
  const { api, can } = useSignedIn();
  const { busy, run } = useRunner();
  const [dialog, setDialog] = useState<FormAction | null>(null);
  const [form] = Form.useForm<Values>();
  if (!can('appeals:write')) return null;
  const appeals = appealApi(api.http);
  const direct = (action: DirectAction) =>
    action === 'accept'
      ? appeals.accept(appeal.id)
      : action === 'publish'
        ? appeals.publish(appeal.id)
        : appeals.close(appeal.id);
  const submit = (values: Values) => {
    if (dialog === null) return;
    void run(() => perform(appeals, appeal.id, dialog, values), onChange).then((ok) => ok && setDialog(null));
  };
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="appeal-actions">
      {DIRECT.filter((action) => appeal.actions.includes(action)).map((action) => (
        <Button
          key={action}
          data-testid={`appeal-action-${action}`}
          type={action === 'publish' ? 'default' : 'primary'}
          loading={busy}
          onClick={() => void run(() => direct(action), onChange)}
        >
          {t(`appeals.action.${action}`)}
        </Button>
      ))}
      {WITH_FORM.filter((action) => appeal.actions.includes(action)).map((action) => (
        <Button
          key={action}
          data-testid={`appeal-action-${action}`}
          danger={action === 'reject' || action === 'return'}
          type={action === 'dispatch' || action === 'reply' ? 'primary' : 'default'}
          onClick={() => {
            form.resetFields();
            setDialog(action);
          }}
        >
          {t(`appeals.action.${action}`)}
        </Button>
      ))}
      <Modal
        open={dialog !== null}
        title={dialog ? t(`appeals.action.${dialog}`) : ''}
        confirmLoading={busy}
        onCancel={() => setDialog(null)}
        onOk={() => void form.validateFields().then(submit, () => undefined)}
        forceRender
      >
        <Form form={form} layout="vertical">
          {dialog && <Fields action={dialog} departments={departments} />}
        </Form>
      </Modal>
    </Space>
  );
}
