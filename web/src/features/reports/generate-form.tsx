/** The form that generates a report now: the type, then the date, dates or event the type needs. */
import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import type { GenerateReportBody, ReportDetail } from '../../api/types.js';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';

const TYPES = ['daily', 'weekly', 'monthly', 'special', 'work_summary'] as const;
type ReportType = (typeof TYPES)[number];

interface Values {
  type: ReportType;
  date?: string;
  from?: string;
  to?: string;
  eventId?: string;
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function bodyOf(values: Values, unitId: string | null): GenerateReportBody {
  const body: GenerateReportBody = { type: values.type, ...(unitId !== null && { unitId }) };
  if (values.type === 'special') return { ...body, eventId: values.eventId ?? '' };
  if (values.type === 'work_summary') return { ...body, from: values.from, to: values.to };
  return { ...body, date: values.date };
}

/** Generates and hands the new report to `onGenerated`. */
export function GenerateForm({ onGenerated }: { onGenerated: (report: ReportDetail) => void }) {
  const { t } = useI18n();
  const { api, unitId } = useSignedIn();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? 'daily';
  const [busy, setBusy] = useState(false);
  const submit = async (values: Values): Promise<void> => {
    setBusy(true);
    try {
      onGenerated(await api.generateReport(bodyOf(values, unitId)));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<Values>
      form={form}
      layout="inline"
      className="fx-generate"
      initialValues={{ type: 'daily', date: today() }}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item name="type" label={t('reports.type')}>
        <Select
          style={{ width: 120 }}
          data-testid="report-type"
          options={TYPES.map((value) => ({ value, label: t(`reports.type.${value}`) }))}
        />
      </Form.Item>
      {type === 'special' && (
        <Form.Item name="eventId" label={t('reports.eventId')} rules={[{ required: true }]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
      )}
      {type === 'work_summary' && (
        <>
          <Form.Item name="from" label={t('reports.from')}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="to" label={t('reports.to')}>
            <Input type="date" />
          </Form.Item>
        </>
      )}
      {type !== 'special' && type !== 'work_summary' && (
        <Form.Item name="date" label={t('reports.date')}>
          <Input type="date" data-testid="report-date" />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="report-generate">
          {t('reports.generate')}
        </Button>
      </Form.Item>
    </Form>
  );
}
