/** One bulletin: its text, where it went, adoptions, instructions with feedback, the score and its timeline. */
import { Button, Descriptions, Drawer, Grid, Input, List, Modal, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { CaseTimeline, StateTag, useLabel, useRunner, when } from '../publications/case-kit.js';
import { type Bulletin, type BulletinDetail, type BulletinTimelineEntry, bulletinApi } from './api.js';
import { BulletinActions } from './bulletin-actions.js';

type Instruction = BulletinDetail['instructions'][number];

function FeedbackButton({
  bulletin,
  instruction,
  onChange,
}: {
  bulletin: BulletinDetail;
  instruction: Instruction;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const { api, can } = useSignedIn();
  const { busy, run } = useRunner();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  if (!can('bulletins:write') || !bulletin.actions.includes('record_feedback')) return null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('bulletins.action.record_feedback')}
      </Button>
      <Modal
        open={open}
        title={t('bulletins.action.record_feedback')}
        confirmLoading={busy}
        okButtonProps={{ disabled: !text.trim() }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          void run(
            () => bulletinApi(api.http).feedback(bulletin.id, instruction.id, text.trim()),
            onChange,
          ).then((ok) => ok && setOpen(false))
        }
      >
        <Input.TextArea rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </Modal>
    </>
  );
}

function Records({ bulletin, onChange }: { bulletin: BulletinDetail; onChange: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <List
        size="small"
        header={<Typography.Text strong>{t('bulletins.adoptions')}</Typography.Text>}
        dataSource={bulletin.adoptions}
        locale={{ emptyText: t('common.empty') }}
        data-testid="bulletin-adoptions"
        renderItem={(adoption) => (
          <List.Item>
            <span>
              <Tag color="green">{adoption.levelName}</Tag>
              {adoption.adoptedBy}
              {adoption.note ? ` · ${adoption.note}` : ''}
            </span>
            <Typography.Text type="secondary">{when(adoption.adoptedAt)}</Typography.Text>
          </List.Item>
        )}
      />
      <List
        size="small"
        header={<Typography.Text strong>{t('bulletins.instructions')}</Typography.Text>}
        dataSource={bulletin.instructions}
        locale={{ emptyText: t('common.empty') }}
        renderItem={(instruction) => (
          <List.Item
            actions={[
              <FeedbackButton
                key="feedback"
                bulletin={bulletin}
                instruction={instruction}
                onChange={onChange}
              />,
            ]}
          >
            <div style={{ minWidth: 0 }}>
              <Tag color="gold">{instruction.levelName}</Tag>
              <Typography.Text strong>{instruction.leader}</Typography.Text>{' '}
              <Typography.Text type="secondary">{when(instruction.instructedAt)}</Typography.Text>
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {instruction.text}
              </Typography.Paragraph>
              {instruction.feedbackText && (
                <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {t('bulletins.feedback')}: {instruction.feedbackText}
                </Typography.Paragraph>
              )}
            </div>
          </List.Item>
        )}
      />
    </>
  );
}

function TimelineTab({ bulletin }: { bulletin: BulletinDetail }) {
  const { api } = useSignedIn();
  const showError = useShowError();
  const [entries, setEntries] = useState<BulletinTimelineEntry[] | null>(null);
  useEffect(() => {
    bulletinApi(api.http)
      .timeline(bulletin.id)
      .then((answer) => setEntries(answer.items), showError);
  }, [
    api,
    bulletin.id,
    bulletin.updatedAt,
    bulletin.adoptions.length,
    bulletin.instructions.length,
    showError,
  ]);
  if (entries === null) return <Spin />;
  return <CaseTimeline entries={entries} actionPrefix="bulletins.action" statePrefix="bulletins.state" />;
}

function Facts({ bulletin, mobile }: { bulletin: BulletinDetail; mobile: boolean }) {
  const { t } = useI18n();
  const label = useLabel();
  return (
    <Descriptions size="small" column={mobile ? 1 : 3} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('cases.state')}>
        <span data-testid="bulletin-state">
          <StateTag prefix="bulletins.state" state={bulletin.state} />
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('bulletins.kind')}>
        {label('bulletins.kind', bulletin.kind)}
      </Descriptions.Item>
      <Descriptions.Item label={t('bulletins.score')}>
        <span data-testid="bulletin-score">{bulletin.score}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('bulletins.recipients')}>
        {bulletin.recipients.length > 0 ? bulletin.recipients.join('、') : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('bulletins.submittedAt')}>{when(bulletin.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('bulletins.sources')}>
        {t('bulletins.sourceCount', { items: bulletin.itemIds.length, events: bulletin.eventIds.length })}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The drawer of bulletin `id` (closed when null); `onChange` hears of every new state. */
export function BulletinDrawer({
  id,
  onClose,
  onChange,
}: {
  id: string | null;
  onClose: () => void;
  onChange: (bulletin: Bulletin) => void;
}) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const showError = useShowError();
  const mobile = Grid.useBreakpoint().md === false;
  const [bulletin, setBulletin] = useState<BulletinDetail | null>(null);
  // The page's handler changes with every render of the page; the latest one is called.
  const notify = useRef(onChange);
  notify.current = onChange;
  const reload = useCallback(
    (changed: boolean) => {
      if (id === null) return;
      bulletinApi(api.http)
        .get(id)
        .then((next) => {
          setBulletin(next);
          if (changed) notify.current(next);
        }, showError);
    },
    [api, id, showError],
  );
  useEffect(() => {
    setBulletin(null);
    reload(false);
  }, [reload]);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={mobile ? '100%' : 820}
      title={bulletin?.title ?? t('common.loading')}
      destroyOnHidden
    >
      {bulletin === null ? (
        <Spin className="fx-center" />
      ) : (
        <div data-testid="bulletin-detail">
          <BulletinActions bulletin={bulletin} onChange={() => reload(true)} />
          <Facts bulletin={bulletin} mobile={mobile} />
          <Tabs
            items={[
              {
                key: 'body',
                label: t('bulletins.body'),
                children: (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                    {bulletin.body}
                  </Typography.Paragraph>
                ),
              },
              {
                key: 'records',
                label: t('bulletins.records', {
                  count: bulletin.adoptions.length + bulletin.instructions.length,
                }),
                children: <Records bulletin={bulletin} onChange={() => reload(true)} />,
              },
              { key: 'timeline', label: t('cases.timeline'), children: <TimelineTab bulletin={bulletin} /> },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
