/**
 * The state-machine actions of an incident: only those its state allows (the server's `allowedActions`)
 * and only for a user who may write incidents. Closing asks for the summary (and the review), reopening
 * for the reason.
 */
import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSession } from '../../session/context.js';
import { type IncidentAction, type IncidentView, useIncidentsApi } from './api.js';

type Simple = 'start_verification' | 'start_response' | 'follow_up';
const SIMPLE: readonly IncidentAction[] = ['start_verification', 'start_response', 'follow_up'];

interface CloseValues {
  summary: string;
  wentWell?: string;
  problems?: string;
  improvements?: string;
}

function CloseModal({
  incident,
  open,
  onDone,
  onCancel,
}: {
  incident: IncidentView;
  open: boolean;
  onDone: (incident: IncidentView) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const api = useIncidentsApi();
  const showError = useShowError();
  const [form] = Form.useForm<CloseValues>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: CloseValues): Promise<void> => {
    setBusy(true);
    try {
      const review = [values.wentWell, values.problems, values.improvements].some((text) => text?.trim())
        ? {
            wentWell: values.wentWell?.trim() ?? '',
            problems: values.problems?.trim() ?? '',
            improvements: values.improvements?.trim() ?? '',
          }
        : undefined;
      onDone(await api.close(incident.id, { summary: values.summary.trim(), ...(review && { review }) }));
      form.resetFields();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  const required = [
    {
      required: true,
      whitespace: true,
      message: t('incidents.required', { field: t('incidents.closeSummary') }),
    },
  ];
  return (
    <Modal
      open={open}
      title={t('incidents.closeTitle')}
      okText={t('incidents.action.close')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="summary" label={t('incidents.closeSummary')} rules={required}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={20_000}
            data-testid="incident-close-summary"
          />
        </Form.Item>
        <Form.Item name="wentWell" label={t('incidents.reviewWentWell')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={20_000} />
        </Form.Item>
        <Form.Item name="problems" label={t('incidents.reviewProblems')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={20_000} />
        </Form.Item>
        <Form.Item name="improvements" label={t('incidents.reviewImprovements')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={20_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReopenModal({
  incident,
  to,
  onDone,
  onCancel,
}: {
  incident: IncidentView;
  to: 'responding' | 'verifying' | null;
  onDone: (incident: IncidentView) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const api = useIncidentsApi();
  const showError = useShowError();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    if (to === null || !reason.trim()) return;
    setBusy(true);
    try {
      onDone(await api.reopen(incident.id, { to, reason: reason.trim() }));
      setReason('');
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={to !== null}
      title={t('incidents.reopenTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !reason.trim() }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onCancel}
    >
      <Input.TextArea
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        placeholder={t('incidents.reopenReason')}
        autoSize={{ minRows: 3, maxRows: 6 }}
        maxLength={2000}
      />
    </Modal>
  );
}

/** The buttons of `incident`'s allowed actions; `onChange` hears of its new state. */
export function StateActions({
  incident,
  onChange,
}: {
  incident: IncidentView;
  onChange: (incident: IncidentView) => void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const api = useIncidentsApi();
  const showError = useShowError();
  const [busy, setBusy] = useState<IncidentAction | null>(null);
  const [closing, setClosing] = useState(false);
  const [reopening, setReopening] = useState<'responding' | 'verifying' | null>(null);
  if (!can('incidents:write')) return null;
  const done = (next: IncidentView): void => {
    void message.success(t('incidents.done'));
    onChange(next);
  };
  const move = async (action: Simple): Promise<void> => {
    setBusy(action);
    try {
      done(await api.transition(incident.id, action));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };
  const allowed = incident.allowedActions;
  return (
    <Space wrap size={8} data-testid="incident-actions">
      {allowed
        .filter((action): action is Simple => SIMPLE.includes(action))
        .map((action) => (
          <Popconfirm
            key={action}
            title={t(`incidents.action.${action}`)}
            okText={t(`incidents.action.${action}`)}
            cancelText={t('common.cancel')}
            onConfirm={() => move(action)}
          >
            <Button type="primary" loading={busy === action} data-testid={`incident-${action}`}>
              {t(`incidents.action.${action}`)}
            </Button>
          </Popconfirm>
        ))}
      {allowed.includes('close') && (
        <Button danger onClick={() => setClosing(true)} data-testid="incident-close">
          {t('incidents.action.close')}
        </Button>
      )}
      {allowed.includes('reopen') && (
        <Button onClick={() => setReopening('responding')}>{t('incidents.action.reopen')}</Button>
      )}
      {allowed.includes('reopen_verification') && (
        <Button onClick={() => setReopening('verifying')}>{t('incidents.action.reopen_verification')}</Button>
      )}
      <CloseModal
        incident={incident}
        open={closing}
        onCancel={() => setClosing(false)}
        onDone={(next) => {
          setClosing(false);
          done(next);
        }}
      />
      <ReopenModal
        incident={incident}
        to={reopening}
        onCancel={() => setReopening(null)}
        onDone={(next) => {
          setReopening(null);
          done(next);
        }}
      />
    </Space>
  );
}
