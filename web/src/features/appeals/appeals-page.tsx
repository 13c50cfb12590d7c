/** 诉求: appeals by state with deadline and overdue badges, their statistics, and a drawer per appeal. */
import { Button, Segmented, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import {
  PeriodFigures,
  type PeriodDays,
  percent,
  periodOf,
  SCROLL_ROW,
  StateTag,
  useLabel,
  useTableScroll,
  when,
} from '../publications/case-kit.js';
import {
  type Appeal,
  type AppealDepartment,
  APPEAL_STATE_LIST,
  type AppealState,
  type AppealStats,
  appealApi,
} from './api.js';
import { AppealDrawer } from './appeal-drawer.js';
import { appealCategoryLabel } from './category.js';
import { DeadlineBadge } from './deadline.js';

function totals(rows: readonly AppealStats[]) {
  const sum = (pick: (row: AppealStats) => number) => rows.reduce((acc, row) => acc + pick(row), 0);
  const received = sum((row) => row.received);
  const due = received - sum((row) => row.rejected);
  const replied = sum((row) => row.replied);
  const onTime = sum((row) => row.onTime);
  return {
    received,
    replied,
    replyRate: due > 0 ? replied / due : null,
    onTimeRate: replied > 0 ? onTime / replied : null,
  };
}

function AppealFigures({ version }: { version: number }) {
  const { t } = useI18n();
  const { api, unitId } = useSignedIn();
  const showError = useShowError();
  const [days, setDays] = useState<PeriodDays>(30);
  const [rows, setRows] = useState<AppealStats[]>([]);
  useEffect(() => {
    appealApi(api.http)
      .stats({ ...periodOf(days), groupBy: 'unit' })
      .then((answer) => setRows(answer.items), showError);
  }, [api, days, showError, version]);
  const figures = totals(unitId === null ? rows : rows.filter((row) => row.key === unitId));
  return (
    <PeriodFigures
      title={t('appeals.stats.title')}
      testId="appeal-stats"
      days={days}
      onDays={setDays}
      figures={[
        { title: t('appeals.stats.received'), value: figures.received },
        { title: t('appeals.stats.replied'), value: figures.replied },
        { title: t('appeals.stats.replyRate'), value: percent(figures.replyRate) },
        { title: t('appeals.stats.onTimeRate'), value: percent(figures.onTimeRate), highlight: true },
      ]}
    />
  );
}

type Tab = AppealState | 'all';

function useAppealList(tab: Tab, overdue: boolean) {
  const { api } = useSignedIn();
  const showError = useShowError();
  const [rows, setRows] = useState<Appeal[]>([]);
  const [counts, setCounts] = useState<Partial<Record<AppealState, number>>>({});
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const appeals = appealApi(api.http);
        const page = await appeals.list({
          ...(tab !== 'all' && { state: [tab] }),
          ...(overdue && { overdue: true }),
          limit: 50,
          ...(after !== undefined && { cursor: after }),
        });
        setRows((current) => (after === undefined ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
        if (after === undefined) setCounts((await appeals.counts()).byState);
      } catch (error) {
        showError(error);
      } finally {
        setLoading(false);
      }
    },
    [api, showError, tab, overdue],
  );
  return { rows, setRows, counts, cursor, loading, load };
}

function useDepartments(): AppealDepartment[] {
  const { api } = useSignedIn();
  const [departments, setDepartments] = useState<AppealDepartment[]>([]);
  useEffect(() => {
    appealApi(api.http)
      .departments()
      .then(
        (answer) => setDepartments(answer.items),
        () => setDepartments([]),
      );
  }, [api]);
  return departments;
}

function AppealList({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const label = useLabel();
  const tableScroll = useTableScroll(900);
  const { unitId } = useSignedIn();
  const [tab, setTab] = useState<Tab>('all');
  const [overdue, setOverdue] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const departments = useDepartments();
  const { rows, setRows, counts, cursor, loading, load } = useAppealList(tab, overdue);
  useEffect(() => {
    void load();
  }, [load]);
  const visible = unitId === null ? rows : rows.filter((row) => row.unitId === unitId);
  const departmentName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? '—';
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={SCROLL_ROW}>
        <Segmented<Tab>
          value={tab}
          onChange={setTab}
          data-testid="appeal-tabs"
          options={[
            { value: 'all', label: t('cases.all') },
            ...APPEAL_STATE_LIST.map((state) => ({
              value: state,
              label: `${label('appeals.state', state)} ${counts[state] ?? 0}`,
            })),
          ]}
        />
      </div>
      <Space wrap>
        <Switch checked={overdue} onChange={setOverdue} data-testid="appeal-overdue" />
        <Typography.Text>{t('appeals.overdueOnly')}</Typography.Text>
        <Button onClick={() => void load()}>{t('common.refresh')}</Button>
      </Space>
      <Table<Appeal>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={visible}
        pagination={false}
        scroll={tableScroll}
        data-testid="appeal-table"
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('appeals.title'), dataIndex: 'title', ellipsis: true },
          {
            title: t('cases.state'),
            dataIndex: 'state',
            width: 100,
            render: (state: AppealState) => <StateTag prefix="appeals.state" state={state} />,
          },
          {
            title: t('appeals.deadline'),
            key: 'due',
            width: 150,
            render: (_: unknown, row) => <DeadlineBadge appeal={row} />,
          },
          {
            responsive: ['md'],
            title: t('appeals.department'),
            dataIndex: 'departmentId',
            width: 140,
            ellipsis: true,
            render: departmentName,
          },
          {
            responsive: ['md'],
            title: t('appeals.category'),
            dataIndex: 'category',
            width: 100,
            render: (category: string | null) =>
              category ? <Tag>{appealCategoryLabel(label, category)}</Tag> : '—',
          },
          {
            responsive: ['md'],
            title: t('appeals.receivedAt'),
            dataIndex: 'receivedAt',
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
      <AppealDrawer
        id={open}
        departments={departments}
        onClose={() => setOpen(null)}
        onChange={(appeal) => {
          setRows((current) => current.map((row) => (row.id === appeal.id ? appeal : row)));
          onChanged();
        }}
      />
    </Space>
  );
}

/** The appeals page. */
export function AppealsPage() {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  return (
    <div className="fx-page" data-testid="appeals">
      <div className="fx-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.appeals')}
        </Typography.Title>
      </div>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <AppealFigures version={version} />
        <AppealList onChanged={() => setVersion((n) => n + 1)} />
      </Space>
    </div>
  );
}
