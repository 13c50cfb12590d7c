/** The review buttons of a report, shown by its status and the caller's permissions, and its downloads. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { ReportDetail, User } from '../../api/types.js';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { actionsOf } from './narrative.js';

const FORMATS = ['docx', 'pdf'] as const;

/** Downloads of the report in DOCX and PDF (plain links; the cookie authenticates them). */
export function Downloads({ report }: { report: ReportDetail }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  return (
    <Space wrap>
      {FORMATS.map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          href={api.reportFileUrl(report.id, format)}
          download
          data-testid={`download-${format}`}
        >
          {t('reports.download')} {format.toUpperCase()}
        </Button>
      ))}
    </Space>
  );
}

function useReviewers(enabled: boolean): User[] {
  const { api } = useSignedIn();
  const [users, setUsers] = useState<User[]>([]);
  useEffect(() => {
    if (!enabled) return;
    api.users().then(
      (page) => setUsers(page.items.filter((user) => !user.disabled)),
      () => setUsers([]),
    );
  }, [api, enabled]);
  return users;
}

/** Submit, approve, return and issue, as the status allows. */
export function ReviewActions({
  report,
  onChange,
}: {
  report: ReportDetail;
  onChange: (next: ReportDetail) => void;
}) {
  const { t } = useI18n();
  const { api, can } = useSignedIn();
  const showError = useShowError();
  const actions = actionsOf(report, can);
  const reviewers = useReviewers(actions.includes('submit') && can('users:read'));
  const [reviewerId, setReviewerId] = useState<string>('');
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (step: () => Promise<ReportDetail>): Promise<void> => {
    setBusy(true);
    try {
      onChange(await step());
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      {actions.includes('submit') && (
        <Space.Compact>
          {reviewers.length > 0 ? (
            <Select
              style={{ width: 160 }}
              placeholder={t('reports.reviewer')}
              value={reviewerId || undefined}
              onChange={setReviewerId}
              options={reviewers.map((user) => ({ value: user.id, label: user.displayName }))}
            />
          ) : (
            <Input
              style={{ width: 160 }}
              placeholder={t('reports.reviewer')}
              value={reviewerId}
              onChange={(e) => setReviewerId(e.target.value)}
            />
          )}
          <Button
            type="primary"
            disabled={!reviewerId}
            loading={busy}
            onClick={() => void run(() => api.submitReport(report.id, reviewerId))}
          >
            {t('reports.submit')}
          </Button>
        </Space.Compact>
      )}
      {actions.includes('approve') && (
        <Button type="primary" loading={busy} onClick={() => void run(() => api.approveReport(report.id))}>
          {t('reports.approve')}
        </Button>
      )}
      {actions.includes('return') && (
        <Button danger loading={busy} onClick={() => setReturning(true)}>
          {t('reports.return')}
        </Button>
      )}
      {actions.includes('issue') && (
        <Button type="primary" loading={busy} onClick={() => void run(() => api.issueReport(report.id))}>
          {t('reports.doIssue')}
        </Button>
      )}
      <Modal
        open={returning}
        title={t('reports.return')}
        okButtonProps={{ disabled: !note.trim() }}
        onCancel={() => setReturning(false)}
        onOk={() => {
          setReturning(false);
          void run(() => api.returnReport(report.id, note.trim()));
        }}
      >
        <Input.TextArea
          rows={3}
          placeholder={t('reports.returnNote')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
