/**
 * One alert: its official fields (类别、级别、起始时间、影响范围、警示事项、建议措施、发布单位), the evidence
 * that fired it (top items, the statistic against its baseline and threshold, the rule and its version),
 * its history and its actions. Collected text is shown as text; only http(s) links become links.
 */
import {
  Card,
  Descriptions,
  Drawer,
  Empty,
  Grid,
  List,
  Space,
  Spin,
  Statistic,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { useI18n } from '../../i18n/context.js';
import { AlertActions } from './alert-actions.js';
import { type AlertDetailView, type AlertView, useAlertsApi } from './api.js';
import { categoryName, LEVEL_COLORS, safeHref, useUserNames, when } from './display.js';

type Evidence = AlertView['evidence'];

function EvidenceFigures({ evidence }: { evidence: Evidence }) {
  const { t } = useI18n();
  const figures: [MessageKey, number | null][] = [
    ['alerts.value', evidence.value],
    ['alerts.baseline', evidence.baseline],
    ['alerts.threshold', evidence.threshold],
  ];
  return (
    <Space wrap size={24} data-testid="alert-figures">
      {evidence.statistic !== null && (
        <Statistic
          title={t('alerts.statistic')}
          value={evidence.statistic}
          styles={{ content: { fontSize: 18 } }}
        />
      )}
      {figures
        .filter((entry): entry is [MessageKey, number] => entry[1] !== null)
        .map(([key, value]) => (
          <Statistic key={key} title={t(key)} value={value} precision={Number.isInteger(value) ? 0 : 2} />
        ))}
    </Space>
  );
}

function EvidenceItems({ items }: { items: Evidence['items'] }) {
  const { t, language } = useI18n();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alerts.noItems')} />;
  return (
    <List
      size="small"
      dataSource={items}
      data-testid="alert-items"
      renderItem={(item) => {
        const href = safeHref(item.url);
        return (
          <List.Item
            extra={
              href && (
                <Typography.Link href={href} target="_blank" rel="noopener noreferrer nofollow">
                  {t('alerts.original')}
                </Typography.Link>
              )
            }
          >
            <List.Item.Meta
              title={<Typography.Text strong>{item.title ?? item.excerpt.slice(0, 40)}</Typography.Text>}
              description={
                <>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                    {item.excerpt}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {[item.source, when(item.publishedAt, language), item.sentiment]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}

function historyLabel(action: string, t: (key: MessageKey) => string): string {
  const key = `alerts.history.${action}`;
  const text = t(key as MessageKey);
  return text === key ? action : text;
}

function History({ alert }: { alert: AlertDetailView }) {
  const { t, language } = useI18n();
  const name = useUserNames();
  return (
    <Timeline
      data-testid="alert-history"
      items={[...alert.history].reverse().map((entry) => ({
        key: `${entry.at}-${entry.action}`,
        content: (
          <>
            <Typography.Text strong>{historyLabel(entry.action, t)}</Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {t('alerts.by', { time: when(entry.at, language), user: name(entry.actorUserId) })}
            </Typography.Text>
            {typeof entry.detail['note'] === 'string' && <div>{entry.detail['note']}</div>}
          </>
        ),
      }))}
    />
  );
}

function Fields({ alert, mobile }: { alert: AlertDetailView; mobile: boolean }) {
  const { t, language } = useI18n();
  const rule =
    alert.ruleId === null
      ? t('alerts.noRule')
      : `${alert.ruleId} · ${t('alerts.ruleVersion', { version: alert.ruleVersion ?? '?' })}`;
  return (
    <Descriptions
      size="small"
      bordered
      column={mobile ? 1 : 2}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="alert-fields"
    >
      <Descriptions.Item label={t('alerts.level')}>
        <Tag color={LEVEL_COLORS[alert.level]}>{alert.levelName}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('alerts.status')}>
        <span data-testid="alert-status">{t(`alerts.status.${alert.status}`)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('alerts.category')}>{categoryName(alert.category, t)}</Descriptions.Item>
      <Descriptions.Item label={t('alerts.startedAt')}>{when(alert.startedAt, language)}</Descriptions.Item>
      <Descriptions.Item label={t('alerts.trigger')}>
        {t(`alerts.trigger.${alert.trigger}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('alerts.hits')}>{alert.count}</Descriptions.Item>
      <Descriptions.Item label={t('alerts.scope')} span={mobile ? 1 : 2}>
        {alert.scope}
      </Descriptions.Item>
      <Descriptions.Item label={t('alerts.matter')} span={mobile ? 1 : 2}>
        {alert.matter}
      </Descriptions.Item>
      <Descriptions.Item label={t('alerts.measures')} span={mobile ? 1 : 2}>
        {alert.measures}
      </Descriptions.Item>
      <Descriptions.Item label={t('alerts.issuer')}>{alert.issuer}</Descriptions.Item>
      <Descriptions.Item label={t('alerts.rule')}>
        <span data-testid="alert-rule">{rule}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The drawer of alert `id` (closed when null); `onChange` hears of every new state. */
export function AlertDrawer({
  id,
  onClose,
  onChange,
}: {
  id: string | null;
  onClose: () => void;
  onChange: (alert: AlertView) => void;
}) {
  const { t } = useI18n();
  const api = useAlertsApi();
  const showError = useShowError();
  const mobile = Grid.useBreakpoint().md === false;
  const [alert, setAlert] = useState<AlertDetailView | null>(null);
  useEffect(() => {
    setAlert(null);
    if (id === null) return;
    api.get(id).then(setAlert, showError);
  }, [api, id, showError]);
  const changed = (next: AlertView): void => {
    onChange(next);
    api.get(next.id).then(setAlert, showError);
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={mobile ? '100%' : 820}
      title={alert?.title ?? t('common.loading')}
      destroyOnHidden
    >
      {alert === null ? (
        <Spin className="fx-center" />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="alert-detail">
          <AlertActions alert={alert} onChange={changed} size="middle" />
          <Fields alert={alert} mobile={mobile} />
          <Card size="small" title={t('alerts.evidence')}>
            <EvidenceFigures evidence={alert.evidence} />
            {alert.evidence.reasons.length > 0 && (
              <>
                <Typography.Title level={5}>{t('alerts.reasons')}</Typography.Title>
                <ul data-testid="alert-reasons" style={{ paddingInlineStart: 20, marginTop: 0 }}>
                  {alert.evidence.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </>
            )}
            <Typography.Title level={5}>{t('alerts.topItems')}</Typography.Title>
            <EvidenceItems items={alert.evidence.items} />
          </Card>
          <Card size="small" title={t('alerts.history')}>
            <History alert={alert} />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
