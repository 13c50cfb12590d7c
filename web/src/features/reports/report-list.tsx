/** The report list with the generate form; opening a row shows its drawer. */
import { Button, Card, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ReportDetail, ReportSummary } from '../../api/types.js';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { GenerateForm } from './generate-form.js';
import { ReportDrawer } from './report-drawer.js';

const STATUS_COLORS: Record<ReportSummary['status'], string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'blue',
  issued: 'success',
};

function day(iso: string): string {
  return new Date(iso).toLocaleDateString();
}

/** The list tab of the reports page. */
export function ReportList() {
  const { t } = useI18n();
  const { api, can, unitId } = useSignedIn();
  const showError = useShowError();
  const [reports, setReports] = useState<ReportSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await api.reports({ limit: 50, ...(after !== undefined && { cursor: after }) });
        setReports((current) => (after === undefined ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
      } catch (error) {
        showError(error);
      } finally {
        setLoading(false);
      }
    },
    [api, showError],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const changed = (report: ReportDetail): void => {
    setReports((current) => {
      const rest = current.filter((row) => row.id !== report.id);
      return [report, ...rest].sort(
        (a, b) => b.periodFrom.localeCompare(a.periodFrom) || b.createdAt.localeCompare(a.createdAt),
      );
    });
  };
  const visible = unitId === null ? reports : reports.filter((report) => report.unitId === unitId);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {can('reports:write') && (
        <Card size="small">
          <GenerateForm
            onGenerated={(report) => {
              changed(report);
              setOpen(report.id);
            }}
          />
        </Card>
      )}
      <Table<ReportSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={visible}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="report-table"
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('reports.title'), dataIndex: 'title', ellipsis: true },
          {
            title: t('reports.type'),
            dataIndex: 'type',
            width: 100,
            render: (type: ReportSummary['type']) => t(`reports.type.${type}`),
          },
          {
            title: t('reports.period'),
            key: 'period',
            width: 200,
            render: (_: unknown, row) => `${day(row.periodFrom)} – ${day(row.periodTo)}`,
          },
          {
            title: t('reports.status'),
            dataIndex: 'status',
            width: 100,
            render: (status: ReportSummary['status']) => (
              <Tag color={STATUS_COLORS[status]}>{t(`reports.status.${status}`)}</Tag>
            ),
          },
          {
            title: t('reports.issue'),
            dataIndex: 'issueLabel',
            width: 130,
            render: (label: string | null) => label ?? '—',
          },
          {
            title: t('common.actions'),
            key: 'open',
            width: 90,
            render: (_: unknown, row) => (
              <Button type="link" onClick={() => setOpen(row.id)}>
                {t('reports.open')}
              </Button>
            ),
          },
        ]}
      />
      {cursor !== null && (
        <Button onClick={() => void load(cursor)} loading={loading}>
          …
        </Button>
      )}
      <ReportDrawer id={open} onClose={() => setOpen(null)} onChange={changed} />
    </Space>
  );
}
