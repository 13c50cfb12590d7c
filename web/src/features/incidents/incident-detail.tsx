/**
 * One incident: its headline, the state-machine actions it allows, its record, and tabs for the timeline,
 * verification, statements, plan tasks, evidence and deadlines (overdue ones counted on the tab).
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Descriptions, Grid, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/client.js';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { categoryName, LEVEL_COLORS, useUserNames, when } from '../alerts/display.js';
import { type EvidenceView, type IncidentDetailView, useIncidentsApi } from './api.js';
import { EvidenceTab } from './evidence-tab.js';
import { PlansTab } from './plans-tab.js';
import { ResponsesTab } from './responses-tab.js';
import { StateActions } from './state-actions.js';
import { DeadlinesTab, TimelineTab } from './timeline-tab.js';
import { VerificationTab } from './verification-tab.js';

const STATE_COLORS: Record<IncidentDetailView['state'], string> = {
  new: 'error',
  verifying: 'warning',
  responding: 'processing',
  following_up: 'cyan',
  closed: 'success',
};

function RecordFields({ incident }: { incident: IncidentDetailView }) {
  const { t, language } = useI18n();
  const name = useUserNames();
  const mobile = Grid.useBreakpoint().md === false;
  return (
    <Descriptions size="small" column={mobile ? 1 : 3} data-testid="incident-record">
      <Descriptions.Item label={t('incidents.category')}>
        {categoryName(incident.category, t)}
      </Descriptions.Item>
      <Descriptions.Item label={t('incidents.origin')}>
        {t(`incidents.origin.${incident.origin}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('incidents.handler')}>{name(incident.handlerUserId)}</Descriptions.Item>
      <Descriptions.Item label={t('incidents.openedAt')}>
        {when(incident.openedAt, language)}
      </Descriptions.Item>
      {incident.closedAt && (
        <Descriptions.Item label={t('incidents.closedAt')}>
          {when(incident.closedAt, language)}
        </Descriptions.Item>
      )}
      {incident.alertId && (
        <Descriptions.Item label={t('incidents.alert')}>
          <Link to="/alerts">{incident.alertId}</Link>
        </Descriptions.Item>
      )}
      {incident.description && (
        <Descriptions.Item label={t('incidents.description')} span={mobile ? 1 : 3}>
          <span className="fx-incident-text">{incident.description}</span>
        </Descriptions.Item>
      )}
      {incident.closingSummary && (
        <Descriptions.Item label={t('incidents.summary')} span={mobile ? 1 : 3}>
          <span className="fx-incident-text">{incident.closingSummary}</span>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function tabLabel(text: string, count: number) {
  return count > 0 ? (
    <Badge count={count} size="small" offset={[8, -2]}>
      {text}
    </Badge>
  ) : (
    text
  );
}

/** The page of incident `id`. */
export function IncidentDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const api = useIncidentsApi();
  const showError = useShowError();
  const navigate = useNavigate();
  const [incident, setIncident] = useState<IncidentDetailView | null>(null);
  const [evidence, setEvidence] = useState<EvidenceView[]>([]);
  const [missing, setMissing] = useState(false);
  const load = useCallback(async () => {
    try {
      const [detail, captures] = await Promise.all([api.get(id), api.evidence(id)]);
      setIncident(detail);
      setEvidence(captures.items);
    } catch (error) {
      if (isApiError(error) && error.status === 404) setMissing(true);
      else showError(error);
    }
  }, [api, id, showError]);
  useEffect(() => {
    void load();
  }, [load]);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/incidents')}>
      {t('incidents.back')}
    </Button>
  );
  if (missing) return <Result status="404" title="404" extra={back} />;
  if (incident === null) return <Spin className="fx-center" />;
  const reload = (): void => void load();
  const overdue = incident.deadlines.filter((deadline) => deadline.overdue).length;
  return (
    <div className="fx-page" data-testid="incident-detail" data-incident-state={incident.state}>
      <div className="fx-incident-head">
        <Space wrap size={8}>
          {back}
          <Tag color={LEVEL_COLORS[incident.level]}>{incident.levelName}</Tag>
          <Tag color={STATE_COLORS[incident.state]} data-testid="incident-state">
            {t(`incidents.state.${incident.state}`)}
          </Tag>
          {overdue > 0 && <Tag color="red">{t('incidents.overdueCount', { count: overdue })}</Tag>}
        </Space>
        <StateActions incident={incident} onChange={reload} />
      </div>
      <Typography.Title level={4} className="fx-incident-title" style={{ marginTop: 0 }}>
        {incident.title}
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <RecordFields incident={incident} />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'timeline',
              label: t('incidents.tab.timeline'),
              children: <TimelineTab entries={incident.timeline} />,
            },
            {
              key: 'verification',
              label: t('incidents.tab.verification'),
              children: <VerificationTab incident={incident} evidence={evidence} onChange={reload} />,
            },
            {
              key: 'responses',
              label: tabLabel(t('incidents.tab.responses'), incident.responses.length),
              children: <ResponsesTab incident={incident} onChange={reload} />,
            },
            {
              key: 'plans',
              label: t('incidents.tab.plans'),
              children: <PlansTab incident={incident} onChange={reload} />,
            },
            {
              key: 'evidence',
              label: tabLabel(t('incidents.tab.evidence'), evidence.length),
              children: <EvidenceTab evidence={evidence} />,
            },
            {
              key: 'deadlines',
              label: tabLabel(t('incidents.tab.deadlines'), overdue),
              children: <DeadlinesTab deadlines={incident.deadlines} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
