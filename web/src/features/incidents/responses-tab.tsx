/**
 * 回应口径: the statements of an incident through their review — draft → in review → approved (签发) →
 * published — with only the actions each statement's state and the user's permissions allow (sign-off
 * needs publications:sign), and the form to draft a new one while the incident is open.
 */
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSession } from '../../session/context.js';
import { safeHref, when } from '../alerts/display.js';
import { type IncidentDetailView, type NewResponseBody, type ResponseView, useIncidentsApi } from './api.js';

const STATE_COLORS: Record<ResponseView['state'], string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'blue',
  published: 'success',
};
const KINDS = ['statement', 'first_release', 'press_conference'] as const;

function PublishButton({
  response,
  onDone,
}: {
  response: ResponseView;
  onDone: (next: ResponseView) => void;
}) {
  const { t } = useI18n();
  const api = useIncidentsApi();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ url?: string; channel?: string }>();
  const submit = async (values: { url?: string; channel?: string }): Promise<void> => {
    setBusy(true);
    try {
      const url = values.url?.trim();
      const channel = values.channel?.trim();
      onDone(
        await api.publishResponse(response.incidentId, response.id, {
          ...(url && { url }),
          ...(channel && { channel }),
        }),
      );
      setOpen(false);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" size="small" onClick={() => setOpen(true)} data-testid="response-publish">
        {t('incidents.response.publish')}
      </Button>
      <Modal
        open={open}
        title={t('incidents.response.publish')}
        okText={t('incidents.response.publish')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item name="url" label={t('incidents.response.url')} rules={[{ type: 'url' }]}>
            <Input maxLength={2000} />
          </Form.Item>
          <Form.Item name="channel" label={t('incidents.response.channel')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function ReviewButtons({
  response,
  onDone,
}: {
  response: ResponseView;
  onDone: (next: ResponseView) => void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const api = useIncidentsApi();
  const showError = useShowError();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (name: string, call: () => Promise<ResponseView>): Promise<void> => {
    setBusy(name);
    try {
      onDone(await call());
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };
  if (!can('incidents:write')) return null;
  const allowed = response.allowedActions;
  const sign = can('publications:sign');
  const { incidentId, id } = response;
  return (
    <Space wrap size={4}>
      {allowed.includes('submit') && (
        <Button
          size="small"
          type="primary"
          loading={busy === 'submit'}
          data-testid="response-submit"
          onClick={() => void run('submit', () => api.submitResponse(incidentId, id))}
        >
          {t('incidents.response.submit')}
        </Button>
      )}
      {sign && allowed.includes('approve') && (
        <Button
          size="small"
          type="primary"
          loading={busy === 'approve'}
          data-testid="response-approve"
          onClick={() => void run('approve', () => api.approveResponse(incidentId, id))}
        >
          {t('incidents.response.approve')}
        </Button>
      )}
      {sign && allowed.includes('reject') && (
        <Popconfirm
          title={t('incidents.response.reject')}
          description={
            <Input.TextArea
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              placeholder={t('incidents.response.rejectReason')}
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={2000}
            />
          }
          okButtonProps={{ disabled: !reason.trim() }}
          okText={t('incidents.response.reject')}
          cancelText={t('common.cancel')}
          onConfirm={() => run('reject', () => api.rejectResponse(incidentId, id, reason.trim()))}
        >
          <Button size="small" danger loading={busy === 'reject'}>
            {t('incidents.response.reject')}
          </Button>
        </Popconfirm>
      )}
      {allowed.includes('publish') && <PublishButton response={response} onDone={onDone} />}
    </Space>
  );
}

function ResponseCard({
  response,
  onDone,
}: {
  response: ResponseView;
  onDone: (next: ResponseView) => void;
}) {
  const { t, language } = useI18n();
  const href = safeHref(response.publishedUrl);
  return (
    <Card
      size="small"
      data-testid="response-card"
      title={
        <Space wrap size={6}>
          <Tag color={STATE_COLORS[response.state]} data-testid="response-state">
            {t(`incidents.response.state.${response.state}`)}
          </Tag>
          <Typography.Text strong>{response.title}</Typography.Text>
        </Space>
      }
      extra={<ReviewButtons response={response} onDone={onDone} />}
    >
      <Typography.Text type="secondary">
        {t(`incidents.response.kind.${response.kind}`)} ·{' '}
        {t('incidents.response.version', { version: response.version })}
      </Typography.Text>
      <div className="fx-incident-text" style={{ marginTop: 8 }}>
        {response.content}
      </div>
      {response.state === 'draft' && response.rejectedReason && (
        <Typography.Text type="danger">
          {t('incidents.response.rejected', { reason: response.rejectedReason })}
        </Typography.Text>
      )}
      {response.publishedAt && (
        <div>
          <Typography.Text type="success">
            {t('incidents.response.published', { time: when(response.publishedAt, language) })}
          </Typography.Text>{' '}
          {href && (
            <Typography.Link href={href} target="_blank" rel="noopener noreferrer">
              {response.publishedChannel ?? href}
            </Typography.Link>
          )}
        </div>
      )}
    </Card>
  );
}

function DraftForm({ incidentId, onDone }: { incidentId: string; onDone: (next: ResponseView) => void }) {
  const { t } = useI18n();
  const api = useIncidentsApi();
  const showError = useShowError();
  const [form] = Form.useForm<NewResponseBody>();
  const [busy, setBusy] = useState(false);
  const save = async (values: NewResponseBody): Promise<void> => {
    setBusy(true);
    try {
      onDone(
        await api.draftResponse(incidentId, {
          ...values,
          title: values.title.trim(),
          content: values.content.trim(),
        }),
      );
      form.resetFields();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('incidents.required', { field }) },
  ];
  return (
    <Card size="small" title={t('incidents.response.new')}>
      <Form<NewResponseBody>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'statement' }}
        onFinish={(values) => void save(values)}
        data-testid="response-form"
      >
        <Form.Item name="kind" label={t('incidents.response.kind')}>
          <Select
            options={KINDS.map((value) => ({ value, label: t(`incidents.response.kind.${value}`) }))}
            style={{ maxWidth: 240 }}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('incidents.response.title')}
          rules={required(t('incidents.response.title'))}
        >
          <Input maxLength={300} data-testid="response-title" />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('incidents.response.content')}
          rules={required(t('incidents.response.content'))}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={50_000}
            data-testid="response-content"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="response-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** The statements tab of `incident`; `onChange` is called after every change so the page reloads. */
export function ResponsesTab({ incident, onChange }: { incident: IncidentDetailView; onChange: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const done = (): void => {
    void message.success(t('incidents.done'));
    onChange();
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('incidents.response.flow')}</Typography.Text>
      {incident.responses.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.response.none')} />
      ) : (
        incident.responses.map((response) => (
          <ResponseCard key={response.id} response={response} onDone={done} />
        ))
      )}
      {can('incidents:write') && incident.state !== 'closed' && (
        <DraftForm incidentId={incident.id} onDone={done} />
      )}
    </Space>
  );
}
