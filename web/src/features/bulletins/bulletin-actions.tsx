/**
 * The buttons of a bulletin, from the actions its state allows and only for `bulletins:write`: submit to
 * the unit's higher bodies, recall, cancel, and record an adoption (采用) or a leader's instruction (批示).
 */
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { useLabel, useRunner } from '../publications/case-kit.js';
import { BULLETIN_LEVEL_LIST, type BulletinDetail, type BulletinLevel, bulletinApi } from './api.js';

type Dialog = 'submit' | 'record_adoption' | 'record_instruction';

interface Values {
  recipients?: string[];
  adoptedBy?: string;
  leader?: string;
  level?: BulletinLevel;
  text?: string;
  date?: string;
  note?: string;
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The ISO time of a chosen day: now for today, local noon for another day. */
export function dayToIso(value: string | undefined, now = new Date()): string {
  if (!value || value === today(now)) return now.toISOString();
  return new Date(`${value}T12:00:00`).toISOString();
}

function useRecipients(enabled: boolean, unitId: string): string[] {
  const { api } = useSignedIn();
  const [recipients, setRecipients] = useState<string[]>([]);
  useEffect(() => {
    if (!enabled) return;
    bulletinApi(api.http)
      .settings(unitId)
      .then(
        (settings) => setRecipients(settings.recipients),
        () => setRecipients([]),
      );
  }, [api, enabled, unitId]);
  return recipients;
}

function Fields({ dialog, recipients }: { dialog: Dialog; recipients: string[] }) {
  const { t } = useI18n();
  const label = useLabel();
  const required = [{ required: true, whitespace: true }];
  const levels = BULLETIN_LEVEL_LIST.map((value) => ({ value, label: label('bulletins.level', value) }));
  if (dialog === 'submit') {
    return (
      <Form.Item
        name="recipients"
        label={t('bulletins.recipients')}
        rules={[{ required: true }]}
        extra={recipients.length === 0 ? t('bulletins.noRecipients') : undefined}
      >
        <Select
          mode="multiple"
          data-testid="bulletin-recipients"
          options={recipients.map((value) => ({ value, label: value }))}
        />
      </Form.Item>
    );
  }
  const adoption = dialog === 'record_adoption';
  return (
    <>
      <Form.Item
        name={adoption ? 'adoptedBy' : 'leader'}
        label={adoption ? t('bulletins.adoptedBy') : t('bulletins.leader')}
        rules={required}
      >
        <Input data-testid={adoption ? 'bulletin-adopted-by' : 'bulletin-leader'} />
      </Form.Item>
      <Form.Item name="level" label={t('bulletins.level')} rules={[{ required: true }]}>
        <Select options={levels} data-testid="bulletin-level" />
      </Form.Item>
      {!adoption && (
        <Form.Item name="text" label={t('bulletins.instructionText')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
      <Form.Item name="date" label={t('bulletins.date')}>
        <Input type="date" max={today()} />
      </Form.Item>
      {adoption && (
        <Form.Item name="note" label={t('cases.note')}>
          <Input />
        </Form.Item>
      )}
    </>
  );
}

/** The action bar of a bulletin; `onChange` is called after a change so the drawer reloads. */
export function BulletinActions({ bulletin, onChange }: { bulletin: BulletinDetail; onChange: () => void }) {
  const { t } = useI18n();
  const { api, can } = useSignedIn();
  const { busy, run } = useRunner();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<Values>();
  const writable = can('bulletins:write');
  const recipients = useRecipients(writable && bulletin.actions.includes('submit'), bulletin.unitId);
  if (!writable) return null;
  const bulletins = bulletinApi(api.http);
  const perform = (which: Dialog, values: Values): Promise<unknown> => {
    if (which === 'submit') return bulletins.submit(bulletin.id, values.recipients ?? []);
    if (which === 'record_adoption') {
      return bulletins.adopt(bulletin.id, {
        adoptedBy: values.adoptedBy ?? '',
        level: values.level ?? 'municipal',
        adoptedAt: dayToIso(values.date),
        ...(values.note ? { note: values.note } : {}),
      });
    }
    return bulletins.instruct(bulletin.id, {
      leader: values.leader ?? '',
      level: values.level ?? 'municipal',
      text: values.text ?? '',
      instructedAt: dayToIso(values.date),
    });
  };
  const open = (which: Dialog) => {
    form.resetFields();
    form.setFieldsValue({ date: today() });
    setDialog(which);
  };
  const dialogs: Dialog[] = ['submit', 'record_adoption', 'record_instruction'];
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="bulletin-actions">
      {dialogs
        .filter((action) => bulletin.actions.includes(action))
        .map((action) => (
          <Button
            key={action}
            type="primary"
            data-testid={`bulletin-action-${action}`}
            onClick={() => open(action)}
          >
            {t(`bulletins.action.${action}`)}
          </Button>
        ))}
      {bulletin.actions.includes('recall') && (
        <Button loading={busy} onClick={() => void run(() => bulletins.recall(bulletin.id), onChange)}>
          {t('bulletins.action.recall')}
        </Button>
      )}
      {bulletin.actions.includes('cancel') && (
        <Button danger loading={busy} onClick={() => void run(() => bulletins.cancel(bulletin.id), onChange)}>
          {t('bulletins.action.cancel')}
        </Button>
      )}
      <Modal
        open={dialog !== null}
        title={dialog ? t(`bulletins.action.${dialog}`) : ''}
        confirmLoading={busy}
        onCancel={() => setDialog(null)}
        onOk={() =>
          void form.validateFields().then(
            (values) =>
              dialog && void run(() => perform(dialog, values), onChange).then((ok) => ok && setDialog(null)),
            () => undefined,
          )
        }
        forceRender
      >
        <Form form={form} layout="vertical">
          {dialog && <Fields dialog={dialog} recipients={recipients} />}
        </Form>
      </Modal>
    </Space>
  );
}
