/**
 * The big screen's panels: dark, large type, no interaction needed. Collected text is rendered as text.
 * Charts reuse the dashboard's options with the dark look.
 */
import type { ReactNode } from 'react';
import { Chart } from '../../charts.js';
import { useI18n } from '../../i18n/context.js';
import type { Overview } from '../dashboard/api.js';
import { platformLabel } from '../../../../src/contract/platforms.js';
import { DARK, platformOption, provinceOption, trendOption } from '../dashboard/chart-options.js';
import { ChinaMap } from '../dashboard/map-panel.js';
import { time } from '../dashboard/panels.js';
import { WordCloud } from '../dashboard/word-cloud.js';

/** The height of a chart in a half-height box of the 1080 px stage. */
const CHART_HEIGHT = 300;

const LEVEL_COLOURS = { red: '#ff4d4f', orange: '#ffa940', yellow: '#fadb14', blue: '#40a9ff' } as const;

/** A dark framed box with a title. */
export function ScreenBox({
  title,
  children,
  className,
}: {
  title: string;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <section className={`fx-screen-box ${className ?? ''}`}>
      <h2>{title}</h2>
      <div className="fx-screen-box-body">{children ?? t('common.empty')}</div>
    </section>
  );
}

function Empty() {
  const { t } = useI18n();
  return <div className="fx-screen-empty">{t('common.empty')}</div>;
}

/** The headline figures across the top. */
export function ScreenFigures({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const figures = [
    { key: 'total', label: t('dash.total'), value: overview.totals.total, tone: '' },
    { key: 'negative', label: t('dash.negative'), value: overview.totals.negative, tone: 'negative' },
    ...(overview.alerts
      ? [{ key: 'alerts', label: t('dash.alertsRaised'), value: overview.alerts.raised, tone: 'warn' }]
      : []),
    ...(overview.incidents
      ? [{ key: 'incidents', label: t('dash.incidentsOpen'), value: overview.incidents.inProgress, tone: '' }]
      : []),
  ];
  return (
    <div className="fx-screen-figures">
      {figures.map((figure) => (
        <div
          key={figure.key}
          className={`fx-screen-figure ${figure.tone}`}
          data-testid={`screen-figure-${figure.key}`}
        >
          <div className="value">{figure.value.toLocaleString()}</div>
          <div className="label">{figure.label}</div>
        </div>
      ))}
    </div>
  );
}

/** Set 1: the trend, the platforms and the provinces. */
export function SituationSet({ overview }: { overview: Overview }) {
  const { t, language } = useI18n();
  return (
    <div className="fx-screen-grid situation">
      <ScreenBox title={t('dash.volume')} className="span">
        <Chart
          option={trendOption(overview, DARK, { total: t('dash.total'), negative: t('dash.negative') })}
          height={CHART_HEIGHT}
        />
      </ScreenBox>
      <ScreenBox title={t('dash.platforms')}>
        {overview.platforms.length === 0 ? (
          <Empty />
        ) : (
          <Chart
            option={platformOption(overview, DARK, (code) => platformLabel(code, language))}
            height={CHART_HEIGHT}
          />
        )}
      </ScreenBox>
      <ScreenBox title={t('dash.regions')}>
        {overview.provinces.length === 0 ? (
          <Empty />
        ) : (
          <Chart
            option={provinceOption(
              overview,
              DARK,
              { other: t('dash.nonNegative'), negative: t('dash.negative') },
              8,
            )}
            height={CHART_HEIGHT}
          />
        )}
      </ScreenBox>
    </div>
  );
}

/** The height of the map on the regions set (the stage's free height below the figures). */
const MAP_HEIGHT = 600;

/** Set 2: the China map of today's items beside the province ranking. */
export function RegionSet({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const empty = overview.provinces.length === 0;
  return (
    <div className="fx-screen-grid regions">
      <ScreenBox title={t('dash.regions')}>
        {empty ? <Empty /> : <ChinaMap overview={overview} look={DARK} height={MAP_HEIGHT} dark />}
      </ScreenBox>
      <ScreenBox title={t('screen.provinceRanking')}>
        {empty ? (
          <Empty />
        ) : (
          <ol className="fx-screen-list" data-testid="screen-province-ranking">
            {overview.provinces.slice(0, 10).map((province) => (
              <li key={province.name}>
                <span className="title">{province.name}</span>
                <span className="heat">{province.count.toLocaleString()}</span>
              </li>
            ))}
          </ol>
        )}
      </ScreenBox>
    </div>
  );
}

/** Set 3: the keyword cloud and the top events. */
export function HotspotSet({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const events = overview.events ?? [];
  return (
    <div className="fx-screen-grid hotspots">
      <ScreenBox title={t('dash.keywords')} className="wide">
        {overview.keywords.items.length === 0 ? (
          <Empty />
        ) : (
          <WordCloud
            words={overview.keywords.items}
            minSize={24}
            maxSize={84}
            theme="dark"
            countLabel={(count) => t('dash.itemCount', { count })}
          />
        )}
      </ScreenBox>
      <ScreenBox title={t('dash.topEvents')}>
        {events.length === 0 ? (
          <Empty />
        ) : (
          <ol className="fx-screen-list" data-testid="screen-events">
            {events.slice(0, 7).map((event) => (
              <li key={event.id}>
                <span className="title">{event.title}</span>
                <span className="tag">{t(`stage.${event.stage}`)}</span>
                <span className="heat">{Math.round(event.heat ?? 0)}</span>
              </li>
            ))}
          </ol>
        )}
      </ScreenBox>
    </div>
  );
}

function CaseList({ cases }: { cases: NonNullable<Overview['incidents']> }) {
  const { t } = useI18n();
  if (cases.list.length === 0) return <Empty />;
  return (
    <ol className="fx-screen-list">
      {cases.list.slice(0, 5).map((entry) => (
        <li key={entry.id} className={entry.overdue ? 'overdue' : ''}>
          <span className="title">{entry.title}</span>
          <span className="tag">
            {entry.overdue ? t('dash.overdue') : entry.dueAt ? time(entry.dueAt) : '—'}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Set 4: the latest alerts and the cases due soon. */
export function ResponseSet({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const alerts = overview.alerts?.list ?? [];
  return (
    <div className="fx-screen-grid response">
      <ScreenBox title={t('dash.latestAlerts')} className="tall">
        {alerts.length === 0 ? (
          <Empty />
        ) : (
          <ol className="fx-screen-list" data-testid="screen-alert-list">
            {alerts.slice(0, 8).map((alert) => (
              <li key={alert.id}>
                <span className="level" style={{ background: LEVEL_COLOURS[alert.level] }}>
                  {t(`level.${alert.level}`)}
                </span>
                <span className="title">{alert.title}</span>
                <span className="tag">{time(alert.raisedAt)}</span>
              </li>
            ))}
          </ol>
        )}
      </ScreenBox>
      <ScreenBox title={t('dash.incidents')}>
        {overview.incidents ? <CaseList cases={overview.incidents} /> : <Empty />}
      </ScreenBox>
      <ScreenBox title={t('dash.appeals')}>
        {overview.appeals ? <CaseList cases={overview.appeals} /> : <Empty />}
      </ScreenBox>
    </div>
  );
}
