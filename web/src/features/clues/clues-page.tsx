/**
 * 线索: the confidential clue list with its filters and filing-rate figures, and a drawer per clue. Shown
 * only to roles holding `clues:read`; the server audits every list and view.
 */
import { LockOutlined } from '@ant-design/icons';
import { Button, Result, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import {
  PeriodFigures,
  type PeriodDays,
  percent,
  periodOf,
  StateTag,
  useLabel,
  useTableScroll,
  when,
} from '../publications/case-kit.js';
import { type Clue, type ClueFilingStats, CLUE_STATE_LIST, type ClueState, clueApi } from './api.js';
import { ClueDrawer } from './clue-drawer.js';

function total(rows: readonly ClueFilingStats[]) {
  const sum = (pick: (row: ClueFilingStats) => number) => rows.reduce((acc, row) => acc + pick(row), 0);
  const filed = sum((row) => row.filed);
  const final = filed + sum((row) => row.closedAfterCheck) + sum((row) => row.notFiled);
  return {
    transferred: sum((row) => row.transferred),
    filed,
    awaiting: sum((row) => row.awaiting + row.inProgress),
    rate: final > 0 ? filed / final : null,
  };
}

function FilingStats({ version }: { version: number }) {
  const { t } = useI18n();
  const { api, unitId } = useSignedIn();
  const showError = useShowError();
  const [days, setDays] = useState<PeriodDays>(90);
  const [rows, setRows] = useState<ClueFilingStats[]>([]);
  useEffect(() => {
    clueApi(api.http)
      .stats(periodOf(days))
      .then((answer) => setRows(answer.items), showError);
  }, [api, days, showError, version]);
  const figures = total(unitId === null ? rows : rows.filter((row) => row.unitId === unitId));
  return (
    <PeriodFigures
      title={t('clues.stats.title')}
      testId="clue-stats"
      days={days}
      onDays={setDays}
      figures={[
        { title: t('clues.stats.transferred'), value: figures.transferred },
        { title: t('clues.stats.filed'), value: figures.filed },
        { title: t('clues.stats.awaiting'), value: figures.awaiting },
        { title: t('clues.stats.rate'), value: percent(figures.rate), highlight: true },
      ]}
    />
  );
}

function useClueList(states: ClueState[], origins: string[]) {
  const { api } = useSignedIn();
  const showError = useShowError();
  const [rows, setRows] = useState<Clue[]>([]);
  const [counts, setCounts] = useState<Partial<Record<ClueState, number>>>({});
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const clues = clueApi(api.http);
        const page = await clues.list({
          state: states,
          origin: origins,
          limit: 50,
          ...(after !== undefined && { cursor: after }),
        });
        setRows((current) => (after === undefined ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
        if (after === undefined) setCounts((await clues.counts()).byState);
      } catch (error) {
        showError(error);
      } finally {
        setLoading(false);
      }
    },
    [api, showError, states, origins],
  );
  return { rows, setRows, counts, cursor, loading, load };
}

function ClueList({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const label = useLabel();
  const tableScroll = useTableScroll(760);
  const { unitId } = useSignedIn();
  const [states, setStates] = useState<ClueState[]>([]);
  const [origins, setOrigins] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const { rows, setRows, counts, cursor, loading, load } = useClueList(states, origins);
  useEffect(() => {
    void load();
  }, [load]);
  const visible = unitId === null ? rows : rows.filter((row) => row.unitId === unitId);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Select<ClueState[]>
          mode="multiple"
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('cases.filter.state')}
          value={states}
          onChange={setStates}
          data-testid="clue-state-filter"
          options={CLUE_STATE_LIST.map((state) => ({
            value: state,
            label: `${label('clues.state', state)} (${counts[state] ?? 0})`,
          }))}
        />
        <Select<string[]>
          mode="multiple"
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('clues.origin')}
          value={origins}
          onChange={setOrigins}
          options={['item', 'incident', 'manual'].map((value) => ({
            value,
            label: label('clues.origin', value),
          }))}
        />
        <Button onClick={() => void load()}>{t('common.refresh')}</Button>
      </Space>
      <Table<Clue>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={visible}
        pagination={false}
        scroll={tableScroll}
        data-testid="clue-table"
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('clues.title'), dataIndex: 'title', ellipsis: true },
          {
            title: t('cases.state'),
            dataIndex: 'state',
            width: 110,
            render: (state: ClueState) => <StateTag prefix="clues.state" state={state} />,
          },
          {
            responsive: ['md'],
            title: t('clues.origin'),
            dataIndex: 'origin',
            width: 90,
            render: (origin: string) => label('clues.origin', origin),
          },
          {
            responsive: ['md'],
            title: t('clues.transfer.to'),
            key: 'to',
            width: 160,
            ellipsis: true,
            render: (_: unknown, row) => row.transfer?.toUnitName ?? '—',
          },
          {
            responsive: ['md'],
            title: t('cases.createdAt'),
            dataIndex: 'createdAt',
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
      <ClueDrawer
        id={open}
        onClose={() => setOpen(null)}
        onChange={(clue) => {
          setRows((current) => current.map((row) => (row.id === clue.id ? clue : row)));
          onChanged();
        }}
      />
    </Space>
  );
}

/** The clues page (or a plain refusal for roles without `clues:read`, with no request made). */
export function CluesPage() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const [version, setVersion] = useState(0);
  if (!can('clues:read')) {
    return (
      <div data-testid="clues-forbidden">
        <Result
          status="403"
          icon={<LockOutlined />}
          title={t('clues.forbidden.title')}
          subTitle={t('clues.forbidden.text')}
        />
      </div>
    );
  }
  return (
    <div className="fx-page" data-testid="clues">
      <div className="fx-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.clues')}
        </Typography.Title>
        <Typography.Text type="secondary">
          <LockOutlined /> {t('clues.confidential')}
        </Typography.Text>
      </div>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <FilingStats version={version} />
        <ClueList onChanged={() => setVersion((n) => n + 1)} />
      </Space>
    </div>
  );
}
