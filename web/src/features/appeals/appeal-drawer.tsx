/** One appeal: the citizen's text, where it is and by when, the reply, the actions allowed, the timeline. */
import { Card, Descriptions, Divider, Drawer, Grid, List, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { CaseTimeline, StateTag, useLabel, when } from '../publications/case-kit.js';
import { type Appeal, type AppealDepartment, type AppealDetail, appealApi } from './api.js';
import { AppealActions } from './appeal-actions.js';
import { appealCategoryLabel } from './category.js';
import { DeadlineBadge } from './deadline.js';

function Facts({
  appeal,
  departments,
  mobile,
}: {
  appeal: AppealDetail;
  departments: AppealDepartment[];
  mobile: boolean;
}) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <Descriptions size="small" column={mobile ? 1 : 2} bordered>
      <Descriptions.Item label={t('cases.state')}>
        <span data-testid="appeal-state">
          <StateTag prefix="appeals.state" state={appeal.state} />
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('appeals.deadline')}>
        <DeadlineBadge appeal={appeal} />
      </Descriptions.Item>
      <Descriptions.Item label={t('appeals.channel')}>
        {label('appeals.channel', appeal.channel)}
      </Descriptions.Item>
      <Descriptions.Item label={t('appeals.receivedAt')}>{when(appeal.receivedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('appeals.department')}>
        {departments.find((d) => d.id === appeal.departmentId)?.name ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('appeals.category')}>
        {appeal.category ? appealCategoryLabel(label, appeal.category) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('appeals.citizen')}>
        {[appeal.citizenName, appeal.citizenContact].filter(Boolean).join(' · ') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('appeals.satisfaction')}>
        {appeal.satisfaction ? label('appeals.satisfaction', appeal.satisfaction) : '—'}
      </Descriptions.Item>
      {appeal.extensionDays !== null && (
        <Descriptions.Item label={t('appeals.action.extend')} span={mobile ? 1 : 2}>
          {appeal.extensionDays} · {appeal.extensionReason}
        </Descriptions.Item>
      )}
      {(appeal.rejectReason ?? appeal.returnReason) && (
        <Descriptions.Item label={t('cases.reason')} span={mobile ? 1 : 2}>
          {appeal.rejectReason ?? appeal.returnReason}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The drawer of appeal `id` (closed when null); `onChange` hears of every new state. */
export function AppealDrawer({
  id,
  departments,
  onClose,
  onChange,
}: {
  id: string | null;
  departments: AppealDepartment[];
  onClose: () => void;
  onChange: (appeal: Appeal) => void;
}) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const showError = useShowError();
  const mobile = Grid.useBreakpoint().md === false;
  const [appeal, setAppeal] = useState<AppealDetail | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (id === null) {
      setAppeal(null);
      return;
    }
    appealApi(api.http).get(id).then(setAppeal, showError);
  }, [api, id, showError, version]);
  const changed = (next: Appeal): void => {
    onChange(next);
    setVersion((n) => n + 1);
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={mobile ? '100%' : 760}
      title={appeal?.title ?? t('common.loading')}
      destroyOnHidden
    >
      {appeal === null ? (
        <Spin className="fx-center" />
      ) : (
        <div data-testid="appeal-detail">
          <AppealActions appeal={appeal} departments={departments} onChange={changed} />
          <Facts appeal={appeal} departments={departments} mobile={mobile} />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>
            {appeal.content}
          </Typography.Paragraph>
          {appeal.url && (
            <Typography.Paragraph type="secondary" copyable={{ text: appeal.url }} ellipsis>
              {appeal.url}
            </Typography.Paragraph>
          )}
          {appeal.reply && (
            <Card
              size="small"
              title={`${t('appeals.reply')} · ${when(appeal.repliedAt)}`}
              data-testid="appeal-reply"
            >
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {appeal.reply}
              </Typography.Paragraph>
            </Card>
          )}
          {appeal.duplicates.length > 0 && (
            <List
              size="small"
              header={t('appeals.duplicates')}
              dataSource={appeal.duplicates}
              renderItem={(duplicate) => <List.Item>{duplicate.title}</List.Item>}
            />
          )}
          <Divider titlePlacement="start">{t('cases.timeline')}</Divider>
          <CaseTimeline entries={appeal.timeline} actionPrefix="appeals.action" statePrefix="appeals.state" />
        </div>
      )}
    </Drawer>
  );
}
