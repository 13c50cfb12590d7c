/**
 * 预警: the inbox of alerts, newest first, filtered by level (红/橙/黄/蓝) and status; each row shows the
 * official headline fields and the actions its status allows, and opens the drawer with the evidence.
 * New alerts join the list as they are raised, over the live stream the shell already holds.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSession } from '../../session/context.js';
import { useOnLiveAlert } from '../../shell/live-alerts-context.js';
import { AlertActions } from './alert-actions.js';
import { AlertDrawer } from './alert-drawer.js';
import { type AlertLevel, type AlertStatus, type AlertView, useAlertsApi } from './api.js';
import { categoryName, LEVEL_COLORS, LEVELS, when } from './display.js';
import './alerts.css';

const PAGE = 50;
const STATUS_FILTERS = {
  open: ['new', 'acknowledged', 'handling'],
  all: [],
  new: ['new'],
  acknowledged: ['acknowledged'],
  handling: ['handling'],
  closed: ['closed'],
} as const satisfies Record<string, readonly AlertStatus[]>;
type StatusFilter = keyof typeof STATUS_FILTERS;
const STATUS_COLORS: Record<AlertStatus, string> = {
  new: 'error',
  acknowledged: 'processing',
  handling: 'warning',
  closed: 'default',
};

function AlertRow({
  alert,
  onOpen,
  onChange,
}: {
  alert: AlertView;
  onOpen: () => void;
  onChange: (alert: AlertView) => void;
}) {
  const { t, language } = useI18n();
  return (
    <List.Item className="fx-alert-row" data-testid="alert-row" data-alert-id={alert.id} onClick={onOpen}>
      <div className="fx-alert-main">
        <Space size={6} wrap>
          <Tag color={LEVEL_COLORS[alert.level]} className="fx-alert-level">
            {alert.levelName}
          </Tag>
          <Badge status={alert.status === 'new' ? 'error' : 'default'} />
          <Typography.Text strong={alert.status === 'new'} className="fx-alert-title">
            {alert.title}
          </Typography.Text>
        </Space>
        <Typography.Text type="secondary" className="fx-alert-meta">
          {[
            categoryName(alert.category, t),
            t(`alerts.trigger.${alert.trigger}`),
            when(alert.startedAt, language),
            t('alerts.count', { count: alert.count }),
          ].join(' · ')}
        </Typography.Text>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} className="fx-alert-matter">
          {alert.matter}
        </Typography.Paragraph>
      </div>
      <div className="fx-alert-side">
        <Tag color={STATUS_COLORS[alert.status]} data-testid="alert-row-status">
          {t(`alerts.status.${alert.status}`)}
        </Tag>
        <AlertActions alert={alert} onChange={onChange} />
      </div>
    </List.Item>
  );
}

/** Whether a live alert belongs in the list under the chosen level and status filters. */
function matchesFilters(alert: AlertView, level: AlertLevel | 'all', status: StatusFilter): boolean {
  const statuses: readonly AlertStatus[] = STATUS_FILTERS[status];
  return (
    (level === 'all' || alert.level === level) && (statuses.length === 0 || statuses.includes(alert.status))
  );
}

/** The list with a live alert put first (a merged alert that is already listed moves up, updated). */
export function withLiveAlert(current: readonly AlertView[], alert: AlertView): AlertView[] {
  return [alert, ...current.filter((row) => row.id !== alert.id)];
}

/** The alerts page; new alerts arrive over the shell's live stream and join the list without a reload. */
export function AlertsPage() {
  const { t } = useI18n();
  const { unitId } = useSession();
  const api = useAlertsApi();
  const showError = useShowError();
  const [level, setLevel] = useState<AlertLevel | 'all'>('all');
  const [status, setStatus] = useState<StatusFilter>('open');
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await api.list({
          limit: PAGE,
          ...(level !== 'all' && { level: [level] }),
          status: [...STATUS_FILTERS[status]],
          ...(after !== undefined && { cursor: after }),
        });
        setAlerts((current) => (after === undefined ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
      } catch (error) {
        showError(error);
      } finally {
        setLoading(false);
      }
    },
    [api, level, status, showError],
  );
  useEffect(() => {
    void load();
  }, [load]);
  useOnLiveAlert((alert) => {
    if (matchesFilters(alert, level, status)) setAlerts((current) => withLiveAlert(current, alert));
  });
  const changed = (next: AlertView): void =>
    setAlerts((current) => current.map((row) => (row.id === next.id ? next : row)));
  const visible = unitId === null ? alerts : alerts.filter((alert) => alert.unitId === unitId);
  return (
    <div className="fx-page" data-testid="alerts">
      <div className="fx-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.alerts')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
          {t('common.refresh')}
        </Button>
      </div>
      <Card size="small" className="fx-alert-filters">
        <Space wrap size={12}>
          <Segmented<AlertLevel | 'all'>
            data-testid="alert-level-filter"
            value={level}
            onChange={setLevel}
            options={[
              { value: 'all', label: t('alerts.level.all') },
              ...LEVELS.map((value) => ({ value, label: t(`level.${value}`) })),
            ]}
          />
          <Select<StatusFilter>
            aria-label={t('alerts.status')}
            data-testid="alert-status-filter"
            value={status}
            onChange={setStatus}
            style={{ minWidth: 120 }}
            options={(Object.keys(STATUS_FILTERS) as StatusFilter[]).map((value) => ({
              value,
              label: t(`alerts.status.${value}`),
            }))}
          />
        </Space>
      </Card>
      <List
        className="fx-alert-list"
        loading={loading && alerts.length === 0}
        dataSource={visible}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} /> }}
        renderItem={(alert) => <AlertRow alert={alert} onOpen={() => setOpen(alert.id)} onChange={changed} />}
      />
      {cursor !== null && (
        <Button block onClick={() => void load(cursor)} loading={loading} style={{ marginTop: 8 }}>
          {t('alerts.more')}
        </Button>
      )}
      <AlertDrawer id={open} onClose={() => setOpen(null)} onChange={changed} />
    </div>
  );
}
