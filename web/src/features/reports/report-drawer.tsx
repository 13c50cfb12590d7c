/** One report: its preview, the narrative to write, the review steps and the downloads. */
import { Alert, Button, Descriptions, Drawer, Empty, Form, Grid, Input, Spin, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { ReportDetail } from '../../api/types.js';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { actionsOf, placeholdersOf } from './narrative.js';
import { Downloads, ReviewActions } from './report-actions.js';
import { ReportPreview } from './report-preview.js';

function NarrativeForm({
  report,
  onChange,
}: {
  report: ReportDetail;
  onChange: (next: ReportDetail) => void;
}) {
  const { t } = useI18n();
  const { api, can } = useSignedIn();
  const showError = useShowError();
  const placeholders = placeholdersOf(report.document);
  const editable = actionsOf(report, can).includes('edit');
  const [busy, setBusy] = useState(false);
  if (placeholders.length === 0) return <Empty description={t('reports.noPlaceholders')} />;
  const save = async (values: Record<string, string | undefined>): Promise<void> => {
    setBusy(true);
    try {
      const entries = Object.entries(values).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      );
      onChange(await api.editReport(report.id, { placeholders: Object.fromEntries(entries) }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      layout="vertical"
      key={report.updatedAt}
      initialValues={Object.fromEntries(placeholders.map((p) => [p.id, p.text ?? '']))}
      onFinish={(values: Record<string, string | undefined>) => void save(values)}
      disabled={!editable}
    >
      {placeholders.map((p) => (
        <Form.Item key={p.id} name={p.id} label={p.section ? `${p.section} · ${p.prompt}` : p.prompt}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} placeholder={p.prompt} />
        </Form.Item>
      ))}
      {editable && (
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('reports.saveNarrative')}
        </Button>
      )}
    </Form>
  );
}

/** The drawer of report `id` (closed when null); `onChange` hears of every new state. */
export function ReportDrawer({
  id,
  onClose,
  onChange,
}: {
  id: string | null;
  onClose: () => void;
  onChange: (report: ReportDetail) => void;
}) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const showError = useShowError();
  const mobile = Grid.useBreakpoint().md === false;
  const [report, setReport] = useState<ReportDetail | null>(null);
  useEffect(() => {
    setReport(null);
    if (id === null) return;
    api.report(id).then(setReport, showError);
  }, [api, id, showError]);
  const update = (next: ReportDetail): void => {
    setReport(next);
    onChange(next);
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={mobile ? '100%' : 880}
      title={report?.title ?? t('common.loading')}
      destroyOnHidden
    >
      {report === null ? (
        <Spin className="fx-center" />
      ) : (
        <>
          <Descriptions size="small" column={mobile ? 1 : 3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('reports.type')}>
              {t(`reports.type.${report.type}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.status')}>
              <Tag color={report.status === 'issued' ? 'green' : 'blue'} data-testid="report-status">
                {t(`reports.status.${report.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.issue')}>{report.issueLabel ?? '—'}</Descriptions.Item>
          </Descriptions>
          {report.reviewNote && (
            <Alert
              type="warning"
              title={`${t('reports.reviewNote')}: ${report.reviewNote}`}
              style={{ marginBottom: 12 }}
            />
          )}
          <div className="fx-report-bar">
            <ReviewActions report={report} onChange={update} />
            <Downloads report={report} />
          </div>
          <Tabs
            items={[
              {
                key: 'preview',
                label: t('reports.preview'),
                children: <ReportPreview id={report.id} version={report.updatedAt} />,
              },
              {
                key: 'narrative',
                label: t('reports.narrative'),
                children: <NarrativeForm report={report} onChange={update} />,
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
