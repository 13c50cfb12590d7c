/**
 * The incident board: one column per state (新建/核查中/回应处置中/跟踪回访/已办结) with the counts from
 * the server; a card opens the incident. On a phone one column shows at a time, chosen above it.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Grid, Space, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSession } from '../../session/context.js';
import { categoryName, LEVEL_COLORS, useUserNames, when } from '../alerts/display.js';
import { type IncidentCountsView, type IncidentState, type IncidentView, useIncidentsApi } from './api.js';

/** The states in board order. */
export const STATES: readonly IncidentState[] = ['new', 'verifying', 'responding', 'following_up', 'closed'];
const OPEN_STATES = STATES.filter((state) => state !== 'closed');
const CLOSED_SHOWN = 30;

function IncidentCard({ incident }: { incident: IncidentView }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const name = useUserNames();
  return (
    <Card
      size="small"
      hoverable
      className="fx-incident-card"
      data-testid="incident-card"
      data-incident-id={incident.id}
      onClick={() => navigate(`/incidents/${encodeURIComponent(incident.id)}`)}
    >
      <Space size={4} align="start">
        <Tag color={LEVEL_COLORS[incident.level]}>{incident.levelName}</Tag>
        <Typography.Text strong className="fx-incident-title">
          {incident.title}
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary" className="fx-incident-meta">
        {[
          categoryName(incident.category, t),
          when(incident.openedAt, language),
          incident.handlerUserId && name(incident.handlerUserId),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </Card>
  );
}

function Column({
  state,
  incidents,
  count,
}: {
  state: IncidentState;
  incidents: IncidentView[];
  count: number | undefined;
}) {
  const { t } = useI18n();
  return (
    <div className="fx-board-column" data-testid={`board-${state}`}>
      <div className="fx-board-head">
        <Typography.Text strong>{t(`incidents.state.${state}`)}</Typography.Text>
        <Badge
          count={count ?? incidents.length}
          showZero
          color={state === 'closed' ? '#8c8c8c' : '#1677ff'}
        />
      </div>
      {incidents.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.empty')} />
      ) : (
        incidents.map((incident) => <IncidentCard key={incident.id} incident={incident} />)
      )}
    </div>
  );
}

/** The board of incidents by state. */
export function IncidentBoard() {
  const { t } = useI18n();
  const { unitId } = useSession();
  const api = useIncidentsApi();
  const showError = useShowError();
  const mobile = Grid.useBreakpoint().md === false;
  const [incidents, setIncidents] = useState<IncidentView[]>([]);
  const [counts, setCounts] = useState<IncidentCountsView | null>(null);
  const [loading, setLoading] = useState(false);
  const [shown, setShown] = useState<IncidentState>('new');
  const load = useCallback(async () => {
    setLoading(true);
    try {
      const scope = unitId === null ? {} : { unitId };
      const [open, closed, byState] = await Promise.all([
        api.list({ state: [...OPEN_STATES], limit: 200, ...scope }),
        api.list({ state: ['closed'], limit: CLOSED_SHOWN, ...scope }),
        api.counts(scope),
      ]);
      setIncidents([...open.items, ...closed.items]);
      setCounts(byState);
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  }, [api, unitId, showError]);
  useEffect(() => {
    void load();
  }, [load]);
  const column = (state: IncidentState) => (
    <Column
      key={state}
      state={state}
      incidents={incidents.filter((incident) => incident.state === state)}
      count={counts?.byState[state]}
    />
  );
  return (
    <div className="fx-page" data-testid="incidents">
      <div className="fx-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('incidents.board')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
          {t('common.refresh')}
        </Button>
      </div>
      {mobile ? (
        <>
          <Tabs
            size="small"
            activeKey={shown}
            onChange={(key) => setShown(key as IncidentState)}
            items={STATES.map((state) => ({
              key: state,
              label: `${t(`incidents.state.${state}`)} ${counts?.byState[state] ?? ''}`.trim(),
            }))}
          />
          {column(shown)}
        </>
      ) : (
        <div className="fx-board">{STATES.map(column)}</div>
      )}
    </div>
  );
}
