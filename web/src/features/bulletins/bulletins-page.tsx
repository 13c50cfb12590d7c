/** 信息报送: bulletins by state with the period's figures (submitted, adopted, instructed, score), and a drawer. */
import { Button, Segmented, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import {
  PeriodFigures,
  type PeriodDays,
  periodOf,
  SCROLL_ROW,
  StateTag,
  useLabel,
  useTableScroll,
  when,
} from '../publications/case-kit.js';
import {
  type Bulletin,
  BULLETIN_KIND_LIST,
  BULLETIN_STATE_LIST,
  type BulletinKind,
  type BulletinState,
  type BulletinStats,
  bulletinApi,
} from './api.js';
import { BulletinDrawer } from './bulletin-drawer.js';
import { ComposeBulletin } from './compose.js';

function BulletinFigures({ version }: { version: number }) {
  const { t } = useI18n();
  const { api, unitId } = useSignedIn();
  const showError = useShowError();
  const [days, setDays] = useState<PeriodDays>(30);
  const [stats, setStats] = useState<BulletinStats | null>(null);
  useEffect(() => {
    bulletinApi(api.http)
      .stats({ ...periodOf(days), ...(unitId !== null && { unitId }) })
      .then(setStats, showError);
  }, [api, days, unitId, showError, version]);
  const figures = [
    { key: 'submitted', value: stats?.submitted ?? 0 },
    { key: 'adopted', value: stats?.adopted ?? 0 },
    { key: 'instructed', value: stats?.instructed ?? 0 },
    { key: 'score', value: stats?.score ?? 0 },
  ] as const;
  return (
    <PeriodFigures
      title={t('bulletins.stats.title')}
      testId="bulletin-stats"
      days={days}
      onDays={setDays}
      figures={figures.map((figure) => ({ title: t(`bulletins.stats.${figure.key}`), value: figure.value }))}
    />
  );
}

type Tab = BulletinState | 'all';

function useBulletinList(tab: Tab, kinds: BulletinKind[]) {
  const { api } = useSignedIn();
  const showError = useShowError();
  const [rows, setRows] = useState<Bulletin[]>([]);
  const [counts, setCounts] = useState<Partial<Record<BulletinState, number>>>({});
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await bulletinApi(api.http).list({
          ...(tab !== 'all' && { state: [tab] }),
          kind: kinds,
          limit: 50,
          ...(after !== undefined && { cursor: after }),
        });
        setRows((current) => (after === undefined ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
        setCounts(page.counts);
      } catch (error) {
        showError(error);
      } finally {
        setLoading(false);
      }
    },
    [api, showError, tab, kinds],
  );
  return { rows, setRows, counts, cursor, loading, load };
}

/** The bulletins page. */
export function BulletinsPage() {
  const { t } = useI18n();
  const label = useLabel();
  const tableScroll = useTableScroll(820);
  const { can, unitId } = useSignedIn();
  const [tab, setTab] = useState<Tab>('all');
  const [kinds, setKinds] = useState<BulletinKind[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const { rows, setRows, counts, cursor, loading, load } = useBulletinList(tab, kinds);
  useEffect(() => {
    void load();
  }, [load]);
  const visible = unitId === null ? rows : rows.filter((row) => row.unitId === unitId);
  const replace = (next: Bulletin) => {
    setRows((current) =>
      current.some((row) => row.id === next.id)
        ? current.map((row) => (row.id === next.id ? next : row))
        : [next, ...current],
    );
    setVersion((n) => n + 1);
  };
  return (
    <div className="fx-page" data-testid="bulletins">
      <div className="fx-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.bulletins')}
        </Typography.Title>
        {can('bulletins:write') && (
          <ComposeBulletin
            onCreated={(created) => {
              replace(created);
              setOpen(created.id);
            }}
          />
        )}
      </div>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <BulletinFigures version={version} />
        <div style={SCROLL_ROW}>
          <Segmented<Tab>
            value={tab}
            onChange={setTab}
            options={[
              { value: 'all', label: t('cases.all') },
              ...BULLETIN_STATE_LIST.map((state) => ({
                value: state,
                label: `${label('bulletins.state', state)} ${counts[state] ?? 0}`,
              })),
            ]}
          />
        </div>
        <Space wrap>
          <Select<BulletinKind[]>
            mode="multiple"
            allowClear
            style={{ minWidth: 180 }}
            placeholder={t('bulletins.kind')}
            value={kinds}
            onChange={setKinds}
            options={BULLETIN_KIND_LIST.map((value) => ({ value, label: label('bulletins.kind', value) }))}
          />
          <Button onClick={() => void load()}>{t('common.refresh')}</Button>
        </Space>
        <Table<Bulletin>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={visible}
          pagination={false}
          scroll={tableScroll}
          data-testid="bulletin-table"
          onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('bulletins.title'), dataIndex: 'title', ellipsis: true },
            {
              responsive: ['md'],
              title: t('bulletins.kind'),
              dataIndex: 'kind',
              width: 100,
              render: (kind: BulletinKind) => label('bulletins.kind', kind),
            },
            {
              title: t('cases.state'),
              dataIndex: 'state',
              width: 90,
              render: (state: BulletinState) => <StateTag prefix="bulletins.state" state={state} />,
            },
            {
              responsive: ['md'],
              title: t('bulletins.recipients'),
              dataIndex: 'recipients',
              width: 180,
              ellipsis: true,
              render: (recipients: string[]) => (recipients.length > 0 ? recipients.join('、') : '—'),
            },
            {
              responsive: ['md'],
              title: t('bulletins.submittedAt'),
              dataIndex: 'submittedAt',
              width: 170,
              render: when,
            },
          ]}
        />
        {cursor !== null && (
          <Button onClick={() => void load(cursor)} loading={loading}>
            {t('cases.more')}
          </Button>
        )}
      </Space>
      <BulletinDrawer id={open} onClose={() => setOpen(null)} onChange={replace} />
    </div>
  );
}
