/**
 * One event: its figures, timeline, first publisher, representative views, spread and regions, its
 * items, and a button that generates a special report (专报) on it and links to it in 报告.
 */
import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  List,
  Progress,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/client.js';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { eventApi, type EventRecord, type ReportDetail } from './api.js';
import {
  FirstPublisherPanel,
  ItemLines,
  RegionsPanel,
  RepresentativePanel,
  SpreadPanel,
  TimelinePanel,
} from './detail-panels.js';
import { shortTime, STAGE_COLORS } from './event-list.js';
import { type DetailData, loadDetail } from './load-detail.js';

function Figures({ event }: { event: EventRecord }) {
  const { t } = useI18n();
  const figures = [
    { title: t('events.items'), value: event.itemCount },
    { title: t('events.reposts'), value: event.repostCount },
    { title: t('events.sources'), value: event.sourceCount },
  ];
  return (
    <Row gutter={[12, 12]} align="middle">
      <Col xs={24} md={6}>
        <Typography.Text type="secondary">{t('events.heat')}</Typography.Text>
        <Progress percent={Math.round(event.heat ?? 0)} data-testid="event-heat" />
      </Col>
      {figures.map((figure) => (
        <Col xs={8} md={4} key={figure.title}>
          <Statistic title={figure.title} value={figure.value} />
        </Col>
      ))}
      <Col xs={24} md={6}>
        <Typography.Text type="secondary">
          {t('events.first')} {shortTime(event.firstPublishedAt)}
          <br />
          {t('events.last')} {shortTime(event.lastPublishedAt)}
        </Typography.Text>
      </Col>
    </Row>
  );
}

function SpecialReport({ event }: { event: EventRecord }) {
  const { t } = useI18n();
  const { api, can } = useSignedIn();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ReportDetail | null>(null);
  if (!can('reports:write')) return null;
  const generate = async (): Promise<void> => {
    setBusy(true);
    try {
      setReport(await eventApi(api).specialReport(event));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Button
        icon={<FileTextOutlined />}
        loading={busy}
        onClick={() => void generate()}
        data-testid="event-special"
      >
        {t('events.special')}
      </Button>
      {report && (
        <Alert
          type="success"
          showIcon
          data-testid="event-special-done"
          title={t('events.specialDone', { title: report.title })}
          action={
            <Space wrap>
              <Link to="/reports" data-testid="event-special-link">
                {t('events.openReports')}
              </Link>
              <a href={eventApi(api).reportFileUrl(report.id, 'docx')}>{t('events.downloadDocx')}</a>
            </Space>
          }
        />
      )}
    </Space>
  );
}

/** The detail of event `id`. */
export function EventDetailView({ id }: { id: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const showError = useShowError();
  const navigate = useNavigate();
  const [data, setData] = useState<DetailData | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    loadDetail(api, id).then(setData, (error: unknown) => {
      if (isApiError(error) && error.code === 'NOT_FOUND') setMissing(true);
      else showError(error);
    });
  }, [api, id, showError]);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/events')}>
      {t('events.back')}
    </Button>
  );
  if (missing) return <Result status="404" title={t('events.notFound')} extra={back} />;
  if (!data) return <Spin className="fx-center" />;
  const { event } = data.detail;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="event-detail">
      <div className="fx-page-head">
        <Space wrap>
          {back}
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="event-title">
            {event.title}
          </Typography.Title>
          <Tag color={STAGE_COLORS[event.stage]}>{t(`stage.${event.stage}`)}</Tag>
        </Space>
      </div>
      {event.mergedInto !== null && <Alert type="warning" showIcon title={t('events.merged')} />}
      <Card size="small">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Figures event={event} />
          <SpecialReport event={event} />
        </Space>
      </Card>
      <TimelinePanel timeline={data.timeline} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <FirstPublisherPanel item={data.first} />
        </Col>
        <Col xs={24} lg={12}>
          <RegionsPanel event={event} />
        </Col>
        <Col xs={24} lg={12}>
          <RepresentativePanel items={data.representatives} />
        </Col>
        <Col xs={24} lg={12}>
          <SpreadPanel tree={data.tree} items={data.items} />
        </Col>
      </Row>
      <Card size="small" title={t('events.allItems')}>
        <List
          size="small"
          dataSource={data.items}
          pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
          data-testid="event-items"
          renderItem={(item) => (
            <List.Item key={item.id}>
              <ItemLines item={item} />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
