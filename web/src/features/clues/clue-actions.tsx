/**
 * The buttons of a clue, from the actions its state allows and only for `clues:write`: mark ready, take
 * back to draft, transfer to a case-handling unit, and record the outcome the unit reports.
 */
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { useLabel, useRunner } from '../publications/case-kit.js';
import { type Clue, type ClueDetail, type ClueOutcome, clueApi } from './api.js';

const OUTCOMES: readonly ClueOutcome[] = ['filed', 'closed_after_check', 'not_filed', 'in_progress'];

/** The outcomes the clue's actions allow (`record_<outcome>`). */
export function allowedOutcomes(actions: readonly string[]): ClueOutcome[] {
  return OUTCOMES.filter((outcome) => actions.includes(`record_${outcome}`));
}

function TransferModal({
  open,
  busy,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (values: { toUnitName: string; contact: string; note?: string }) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ toUnitName: string; contact: string; note?: string }>();
  return (
    <Modal
      open={open}
      title={t('clues.action.transfer')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then(onSubmit, () => undefined)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="toUnitName"
          label={t('clues.transfer.to')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input placeholder={t('clues.transfer.toHint')} data-testid="clue-transfer-to" />
        </Form.Item>
        <Form.Item
          name="contact"
          label={t('clues.transfer.contact')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input data-testid="clue-transfer-contact" />
        </Form.Item>
        <Form.Item name="note" label={t('cases.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OutcomeModal({
  open,
  busy,
  outcomes,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  outcomes: ClueOutcome[];
  onCancel: () => void;
  onSubmit: (values: { outcome: ClueOutcome; note?: string }) => void;
}) {
  const { t } = useI18n();
  const label = useLabel();
  const [form] = Form.useForm<{ outcome: ClueOutcome; note?: string }>();
  return (
    <Modal
      open={open}
      title={t('clues.recordOutcome')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then(onSubmit, () => undefined)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="outcome" label={t('clues.outcome')} rules={[{ required: true }]}>
          <Select
            data-testid="clue-outcome-select"
            options={outcomes.map((value) => ({ value, label: label('clues.state', value) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('cases.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The action bar of a clue. */
export function ClueActions({ clue, onChange }: { clue: ClueDetail; onChange: (next: Clue) => void }) {
  const { t } = useI18n();
  const { api, can } = useSignedIn();
  const { busy, run } = useRunner();
  const [dialog, setDialog] = useState<'transfer' | 'outcome' | null>(null);
  if (!can('clues:write')) return null;
  const clues = clueApi(api.http);
  const has = (action: string) => clue.actions.includes(action);
  const outcomes = allowedOutcomes(clue.actions);
  const close = (ok: boolean) => ok && setDialog(null);
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="clue-actions">
      {has('mark_ready') && (
        <Button type="primary" loading={busy} onClick={() => void run(() => clues.ready(clue.id), onChange)}>
          {t('clues.action.mark_ready')}
        </Button>
      )}
      {has('reopen') && (
        <Button loading={busy} onClick={() => void run(() => clues.reopen(clue.id), onChange)}>
          {t('clues.action.reopen')}
        </Button>
      )}
      {has('transfer') && (
        <Button type="primary" onClick={() => setDialog('transfer')} data-testid="clue-transfer">
          {t('clues.action.transfer')}
        </Button>
      )}
      {outcomes.length > 0 && (
        <Button type="primary" onClick={() => setDialog('outcome')} data-testid="clue-outcome">
          {t('clues.recordOutcome')}
        </Button>
      )}
      <TransferModal
        open={dialog === 'transfer'}
        busy={busy}
        onCancel={() => setDialog(null)}
        onSubmit={(values) =>
          void run(
            () =>
              clues.transfer(clue.id, {
                toUnitName: values.toUnitName,
                contact: values.contact,
                ...(values.note ? { note: values.note } : {}),
              }),
            onChange,
          ).then(close)
        }
      />
      <OutcomeModal
        open={dialog === 'outcome'}
        busy={busy}
        outcomes={outcomes}
        onCancel={() => setDialog(null)}
        onSubmit={(values) =>
          void run(() => clues.outcome(clue.id, values.outcome, values.note), onChange).then(close)
        }
      />
    </Space>
  );
}
