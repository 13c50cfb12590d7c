/** One clue: what it says, the four criteria, its transfer and outcome, the actions allowed, its timeline. */
import { Checkbox, Descriptions, Divider, Drawer, Grid, List, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { CaseTimeline, StateTag, useLabel, useRunner, when } from '../publications/case-kit.js';
import { type Clue, type ClueCriterion, type ClueDetail, CRITERIA, clueApi } from './api.js';
import { ClueActions } from './clue-actions.js';

function Checklist({ clue, onChange }: { clue: ClueDetail; onChange: (next: Clue) => void }) {
  const { t } = useI18n();
  const label = useLabel();
  const { api, can } = useSignedIn();
  const { busy, run } = useRunner();
  const editable = clue.actions.includes('edit') && can('clues:write');
  const toggle = (criterion: ClueCriterion, checked: boolean) =>
    void run(() => clueApi(api.http).update(clue.id, { checklist: { [criterion]: { checked } } }), onChange);
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('clues.checklist')}</Typography.Text>}
      dataSource={[...CRITERIA]}
      data-testid="clue-checklist"
      renderItem={(criterion) => (
        <List.Item>
          <Checkbox
            checked={clue.checklist[criterion].checked}
            disabled={!editable || busy}
            onChange={(e) => toggle(criterion, e.target.checked)}
          >
            {label('clues.criterion', criterion)}
          </Checkbox>
          {clue.checklist[criterion].note && (
            <Typography.Text type="secondary">{clue.checklist[criterion].note}</Typography.Text>
          )}
        </List.Item>
      )}
    />
  );
}

function Facts({ clue, mobile }: { clue: ClueDetail; mobile: boolean }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <Descriptions size="small" column={mobile ? 1 : 2} bordered>
      <Descriptions.Item label={t('cases.state')}>
        <span data-testid="clue-state">
          <StateTag prefix="clues.state" state={clue.state} />
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('clues.origin')}>{label('clues.origin', clue.origin)}</Descriptions.Item>
      <Descriptions.Item label={t('cases.createdAt')}>{when(clue.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('clues.items')}>{clue.itemIds.length}</Descriptions.Item>
      {clue.transfer && (
        <>
          <Descriptions.Item label={t('clues.transfer.to')}>{clue.transfer.toUnitName}</Descriptions.Item>
          <Descriptions.Item label={t('clues.transfer.contact')}>{clue.transfer.contact}</Descriptions.Item>
          <Descriptions.Item label={t('clues.transfer.at')}>{when(clue.transfer.at)}</Descriptions.Item>
          <Descriptions.Item label={t('clues.transfer.evidence')}>
            {clue.transfer.evidenceIds.length}
          </Descriptions.Item>
        </>
      )}
      {clue.outcome && (
        <Descriptions.Item label={t('clues.outcome')} span={mobile ? 1 : 2}>
          {label('clues.state', clue.outcome)}
          {clue.outcomeNote ? ` · ${clue.outcomeNote}` : ''} ({when(clue.outcomeAt)})
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The drawer of clue `id` (closed when null); `onChange` hears of every new state. */
export function ClueDrawer({
  id,
  onClose,
  onChange,
}: {
  id: string | null;
  onClose: () => void;
  onChange: (clue: Clue) => void;
}) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const showError = useShowError();
  const mobile = Grid.useBreakpoint().md === false;
  const [clue, setClue] = useState<ClueDetail | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (id === null) {
      setClue(null);
      return;
    }
    clueApi(api.http).get(id).then(setClue, showError);
  }, [api, id, showError, version]);
  const changed = (next: Clue): void => {
    onChange(next);
    setVersion((n) => n + 1);
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={mobile ? '100%' : 760}
      title={clue?.title ?? t('common.loading')}
      destroyOnHidden
    >
      {clue === null ? (
        <Spin className="fx-center" />
      ) : (
        <div data-testid="clue-detail">
          <ClueActions clue={clue} onChange={changed} />
          <Facts clue={clue} mobile={mobile} />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>
            {clue.summary}
          </Typography.Paragraph>
          <Checklist clue={clue} onChange={changed} />
          <Divider titlePlacement="start">{t('cases.timeline')}</Divider>
          <CaseTimeline entries={clue.timeline} actionPrefix="clues.action" statePrefix="clues.state" />
        </div>
      )}
    </Drawer>
  );
}
