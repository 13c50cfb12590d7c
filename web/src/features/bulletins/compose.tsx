/**
 * Composing a bulletin (舆情信息 / 专报) from recent items and events: the server writes the body from them
 * when none is given. Item and event titles are collected text and shown as text only.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { EventRecord, Item } from '../../api/types.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { useLabel, useRunner } from '../publications/case-kit.js';
import { BULLETIN_KIND_LIST, type BulletinDetail, type BulletinKind, bulletinApi } from './api.js';

interface Values {
  kind: BulletinKind;
  title: string;
  itemIds?: string[];
  eventIds?: string[];
  body?: string;
}

const WEEK_MS = 7 * 86_400_000;

function useSources(open: boolean): { items: Item[]; events: EventRecord[] } {
  const { api, can } = useSignedIn();
  const [items, setItems] = useState<Item[]>([]);
  const [events, setEvents] = useState<EventRecord[]>([]);
  useEffect(() => {
    if (!open) return;
    const from = new Date(Date.now() - WEEK_MS).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    if (can('items:read')) {
      api.items({ from, to, limit: 100 }).then(
        (page) => setItems(page.items),
        () => setItems([]),
      );
    }
    if (can('events:read')) {
      api.events({ from, limit: 50 }).then(
        (page) => setEvents(page.items),
        () => setEvents([]),
      );
    }
  }, [api, can, open]);
  return { items, events };
}

/** The compose button and its dialog; `onCreated` gets the new draft. */
export function ComposeBulletin({ onCreated }: { onCreated: (bulletin: BulletinDetail) => void }) {
  const { t } = useI18n();
  const label = useLabel();
  const { api, unitId } = useSignedIn();
  const { busy, run } = useRunner();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { items, events } = useSources(open);
  const create = (values: Values) =>
    void run(
      () =>
        bulletinApi(api.http).create({
          kind: values.kind,
          title: values.title,
          itemIds: values.itemIds ?? [],
          eventIds: values.eventIds ?? [],
          ...(values.body?.trim() ? { body: values.body } : {}),
          ...(unitId !== null && { unitId }),
        }),
      onCreated,
    ).then((ok) => ok && setOpen(false));
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        data-testid="bulletin-new"
        onClick={() => {
          form.resetFields();
          setOpen(true);
        }}
      >
        {t('bulletins.compose')}
      </Button>
      <Modal
        open={open}
        title={t('bulletins.compose')}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => void form.validateFields().then(create, () => undefined)}
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'opinion_info' }}>
          <Form.Item name="kind" label={t('bulletins.kind')} rules={[{ required: true }]}>
            <Select
              options={BULLETIN_KIND_LIST.map((value) => ({ value, label: label('bulletins.kind', value) }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('bulletins.title')} rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="bulletin-title-input" />
          </Form.Item>
          <Form.Item name="itemIds" label={t('bulletins.items')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              data-testid="bulletin-items-select"
              options={items.map((item) => ({
                value: item.id,
                label: item.title ?? item.content.slice(0, 60),
              }))}
            />
          </Form.Item>
          <Form.Item name="eventIds" label={t('bulletins.events')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={events.map((event) => ({ value: event.id, label: event.title }))}
            />
          </Form.Item>
          <Form.Item name="body" label={t('bulletins.body')} extra={t('bulletins.bodyHint')}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
