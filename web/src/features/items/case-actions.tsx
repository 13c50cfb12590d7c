/**
 * The case actions on the checked items: open an incident, create a clue, or compose a bulletin draft —
 * each through its own create endpoint with the items' ids, after a short form (title, summary or kind).
 */
import { App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { type ItemView, useItemsApi } from './api.js';

/** The case kinds an item can be added to. */
type CaseKind = 'incident' | 'clue' | 'bulletin';

const PERMISSIONS: Record<CaseKind, string> = {
  incident: 'incidents:write',
  clue: 'clues:write',
  bulletin: 'bulletins:write',
};

/** Incident levels, most severe first. */
const LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;

interface CaseForm {
  title: string;
  summary?: string;
  kind?: 'opinion_info' | 'special_report';
  level?: (typeof LEVELS)[number];
}

function useCreate(items: ItemView[]) {
  const api = useItemsApi();
  const { unitId } = useSignedIn();
  const itemIds = items.map((item) => item.id);
  // A case belongs to one unit: the chosen one, or else the unit of the first checked item.
  const owner = unitId ?? items[0]?.unitId;
  const unit = owner === undefined ? {} : { unitId: owner };
  return async (kind: CaseKind, form: CaseForm): Promise<void> => {
    if (kind === 'incident') {
      const level = form.level ?? 'blue';
      await api.createIncident({
        ...unit,
        title: form.title,
        description: form.summary ?? '',
        level,
        itemIds,
      });
    } else if (kind === 'clue') {
      const summary = form.summary?.trim() || form.title;
      await api.createClue({ ...unit, title: form.title, summary, origin: 'item', itemIds });
    } else {
      await api.createBulletin({ ...unit, kind: form.kind ?? 'opinion_info', title: form.title, itemIds });
    }
  };
}

/** The action buttons and their form. */
export function CaseActions({ items, onDone }: { items: ItemView[]; onDone: () => void }) {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const showError = useShowError();
  const create = useCreate(items);
  const [kind, setKind] = useState<CaseKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<CaseForm>();
  const kinds = (['incident', 'clue', 'bulletin'] as const).filter((value) => can(PERMISSIONS[value]));
  if (kinds.length === 0) return null;
  const open = (next: CaseKind): void => {
    if (items.length === 0) {
      void message.info(t('items.action.needSelection'));
      return;
    }
    const first = items[0];
    form.setFieldsValue({
      title: first?.title ?? first?.content.slice(0, 60) ?? '',
      summary: '',
      kind: 'opinion_info',
      level: 'blue',
    });
    setKind(next);
  };
  const submit = async (values: CaseForm): Promise<void> => {
    if (kind === null) return;
    setBusy(true);
    try {
      await create(kind, values);
      void message.success(t(`items.action.created.${kind}`, { title: values.title }));
      setKind(null);
      onDone();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Space wrap>
        {kinds.map((value) => (
          <Button key={value} onClick={() => open(value)} data-testid={`items-action-${value}`}>
            {t(`items.action.${value}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={kind !== null}
        title={kind ? t(`items.action.${kind}`) : ''}
        onCancel={() => setKind(null)}
        onOk={() => form.submit()}
        okText={t('items.action.submit')}
        confirmLoading={busy}
        forceRender
      >
        <Typography.Paragraph type="secondary">
          {t('items.action.items', { count: items.length })}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item name="title" label={t('items.action.title')} rules={[{ required: true, max: 200 }]}>
            <Input data-testid="items-action-title" />
          </Form.Item>
          {kind === 'incident' && (
            <Form.Item name="level" label={t('items.action.level')}>
              <Select options={LEVELS.map((value) => ({ value, label: t(`level.${value}`) }))} />
            </Form.Item>
          )}
          {kind === 'bulletin' ? (
            <Form.Item name="kind" label={t('items.action.kind')}>
              <Select
                options={(['opinion_info', 'special_report'] as const).map((value) => ({
                  value,
                  label: t(`items.bulletin.${value}`),
                }))}
              />
            </Form.Item>
          ) : (
            <Form.Item name="summary" label={t('items.action.summary')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
