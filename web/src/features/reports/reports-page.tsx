/** 报告: the report list (generate, preview, write, review, download) and the schedules. */
import { Tabs, Typography } from 'antd';
import { useI18n } from '../../i18n/context.js';
import { ReportList } from './report-list.js';
import { SchedulesTab } from './schedules-tab.js';

/** The reports page. */
export function ReportsPage() {
  const { t } = useI18n();
  return (
    <div className="fx-page" data-testid="reports">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('nav.reports')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'list', label: t('reports.list'), children: <ReportList /> },
          { key: 'schedules', label: t('reports.schedules'), children: <SchedulesTab /> },
        ]}
      />
    </div>
  );
}
