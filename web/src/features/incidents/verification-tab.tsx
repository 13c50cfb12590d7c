/**
 * 核查: the recorded result (属实/部分属实/不属实/无法核实) with its facts and supporting evidence, and the
 * form to record or amend it while the incident is verifying or later (the server refuses it otherwise).
 */
import { Alert, Button, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSession } from '../../session/context.js';
import { useUserNames, when } from '../alerts/display.js';
import {
  type EvidenceView,
  type IncidentDetailView,
  type IncidentView,
  useIncidentsApi,
  type VerificationResult,
} from './api.js';

const RESULTS: readonly VerificationResult[] = ['true', 'partly_true', 'false', 'unverifiable'];
const RESULT_COLORS: Record<VerificationResult, string> = {
  true: 'red',
  partly_true: 'orange',
  false: 'green',
  unverifiable: 'default',
};
const VERIFIABLE = new Set(['verifying', 'responding', 'following_up']);

interface Values {
  result: VerificationResult;
  facts: string;
  evidenceIds?: string[];
}

function Recorded({ incident, evidence }: { incident: IncidentDetailView; evidence: EvidenceView[] }) {
  const { t, language } = useI18n();
  const name = useUserNames();
  const verification = incident.verification;
  if (verification === null)
    return <Typography.Text type="secondary">{t('incidents.verify.none')}</Typography.Text>;
  const titles = new Map(evidence.map((capture) => [capture.id, capture.item.title ?? capture.itemId]));
  return (
    <Descriptions size="small" column={1} bordered data-testid="verification-recorded">
      <Descriptions.Item label={t('incidents.verify.result')}>
        <Tag color={RESULT_COLORS[verification.result]} data-testid="verification-result">
          {t(`incidents.verify.${verification.result}`)}
        </Tag>
        <Typography.Text type="secondary">
          {t('incidents.verify.by', {
            user: name(verification.verifiedBy),
            time: when(verification.verifiedAt, language),
          })}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('incidents.verify.facts')}>
        <div className="fx-incident-text">{verification.facts}</div>
      </Descriptions.Item>
      {verification.evidenceIds.length > 0 && (
        <Descriptions.Item label={t('incidents.verify.evidence')}>
          {verification.evidenceIds.map((id) => (
            <Tag key={id}>{titles.get(id) ?? id}</Tag>
          ))}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The verification tab of `incident`; `onChange` hears of the incident's new state. */
export function VerificationTab({
  incident,
  evidence,
  onChange,
}: {
  incident: IncidentDetailView;
  evidence: EvidenceView[];
  onChange: (incident: IncidentView) => void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const api = useIncidentsApi();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const open = VERIFIABLE.has(incident.state);
  const save = async (values: Values): Promise<void> => {
    setBusy(true);
    try {
      onChange(
        await api.verify(incident.id, {
          result: values.result,
          facts: values.facts.trim(),
          evidenceIds: values.evidenceIds ?? [],
        }),
      );
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
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Recorded incident={incident} evidence={evidence} />
      {can('incidents:write') && !open && incident.state === 'new' && (
        <Alert type="info" showIcon title={t('incidents.verify.notYet')} />
      )}
      {can('incidents:write') && open && (
        <Form<Values>
          layout="vertical"
          key={incident.updatedAt}
          data-testid="verification-form"
          initialValues={{
            result: incident.verification?.result,
            facts: incident.verification?.facts ?? '',
            evidenceIds: incident.verification?.evidenceIds ?? [],
          }}
          onFinish={(values) => void save(values)}
        >
          <Form.Item
            name="result"
            label={t('incidents.verify.result')}
            rules={required(t('incidents.verify.result'))}
          >
            <Select<VerificationResult>
              data-testid="verification-result-select"
              options={RESULTS.map((value) => ({ value, label: t(`incidents.verify.${value}`) }))}
              style={{ maxWidth: 240 }}
            />
          </Form.Item>
          <Form.Item
            name="facts"
            label={t('incidents.verify.facts')}
            rules={required(t('incidents.verify.facts'))}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 10 }}
              maxLength={20_000}
              data-testid="verification-facts"
            />
          </Form.Item>
          {evidence.length > 0 && (
            <Form.Item name="evidenceIds" label={t('incidents.verify.evidence')}>
              <Select
                mode="multiple"
                options={evidence.map((capture) => ({
                  value: capture.id,
                  label: capture.item.title ?? capture.itemId,
                }))}
              />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="verification-save">
            {t('incidents.verify.save')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
