/** 信息发布: publications by state (idea, draft, review, signed off, published), a new draft, a drawer per record. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Segmented, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { type Publication, PUBLICATION_STATE_LIST, type PublicationState, publicationApi } from './api.js';
import { SCROLL_ROW, StateTag, useLabel, useRunner, useTableScroll, when } from './case-kit.js';
import { PublicationDrawer } from './publication-drawer.js';

type Tab = PublicationState | 'all';

function NewPublication({ onCreated }: { onCreated: (publication: Publication) => void }) {
  const { t } = useI18n();
  const { api, unitId } = useSignedIn();
  const { busy, run } = useRunner();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ title: string; body?: string; channel?: string }>();
  const create = (values: { title: string; body?: string; channel?: string }) =>
    void run(
      () =>
        publicationApi(api.http).create({
          title: values.title,
          body: values.body ?? '',
          asDraft: true,
          ...(values.channel ? { channel: values.channel } : {}),
          ...(unitId !== null && { unitId }),
        }),
      onCreated,
    ).then((ok) => ok && setOpen(false));
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => {
          form.resetFields();
          setOpen(true);
        }}
        data-testid="publication-new"
      >
        {t('pubs.new')}
      </Button>
      <Modal
        open={open}
        title={t('pubs.new')}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => void form.validateFields().then(create, () => undefined)}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="title" label={t('pubs.title')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="channel" label={t('pubs.channel')}>
            <Input placeholder={t('pubs.channelHint')} />
          </Form.Item>
          <Form.Item name="body" label={t('pubs.body')}>
            <Input.TextArea rows={8} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function usePublicationList(tab: Tab, q: string) {
  const { api } = useSignedIn();
  const showError = useShowError();
  const [rows, setRows] = useState<Publication[]>([]);
  const [counts, setCounts] = useState<Partial<Record<PublicationState, number>>>({});
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await publicationApi(api.http).list({
          ...(tab !== 'all' && { state: [tab] }),
          ...(q.trim() && { q: q.trim() }),
          limit: 50,
          ...(after !== undefined && { cursor: after }),
        });
        setRows((current) => (after === undefined ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
        setCounts(page.counts);
      } catch (error) {
        showError(error);
      } finally {
        setLoading(false);
      }
    },
    [api, showError, tab, q],
  );
  return { rows, setRows, counts, cursor, loading, load };
}

/** The publications page. */
export function PublicationsPage() {
  const { t } = useI18n();
  const label = useLabel();
  const tableScroll = useTableScroll(760);
  const { can, unitId } = useSignedIn();
  const [tab, setTab] = useState<Tab>('all');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const { rows, setRows, counts, cursor, loading, load } = usePublicationList(tab, q);
  useEffect(() => {
    void load();
  }, [load]);
  const visible = unitId === null ? rows : rows.filter((row) => row.unitId === unitId);
  const replace = (next: Publication) =>
    setRows((current) => [next, ...current.filter((row) => row.id !== next.id)]);
  return (
    <div className="fx-page" data-testid="publications">
      <div className="fx-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.publications')}
        </Typography.Title>
        {can('publications:write') && (
          <NewPublication
            onCreated={(created) => {
              replace(created);
              setOpen(created.id);
            }}
          />
        )}
      </div>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <div style={SCROLL_ROW}>
          <Segmented<Tab>
            value={tab}
            onChange={setTab}
            options={[
              { value: 'all', label: t('cases.all') },
              ...PUBLICATION_STATE_LIST.map((state) => ({
                value: state,
                label: `${label('pubs.state', state)} ${counts[state] ?? 0}`,
              })),
            ]}
          />
        </div>
        <Input.Search allowClear style={{ maxWidth: 360 }} placeholder={t('cases.search')} onSearch={setQ} />
        <Table<Publication>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={visible}
          pagination={false}
          scroll={tableScroll}
          data-testid="publication-table"
          onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('pubs.title'), dataIndex: 'title', ellipsis: true },
            {
              title: t('cases.state'),
              dataIndex: 'state',
              width: 100,
              render: (state: PublicationState) => <StateTag prefix="pubs.state" state={state} />,
            },
            { responsive: ['md'], title: t('pubs.version'), dataIndex: 'version', width: 70 },
            {
              responsive: ['md'],
              title: t('pubs.channel'),
              dataIndex: 'channel',
              width: 130,
              ellipsis: true,
              render: (channel: string | null) => channel ?? '—',
            },
            {
              responsive: ['md'],
              title: t('cases.updatedAt'),
              dataIndex: 'updatedAt',
              width: 170,
              render: when,
            },
          ]}
        />
        {cursor !== null && (
          <Button onClick={() => void load(cursor)} loading={loading}>
            {t('cases.more')}
          </Button>
        )}
      </Space>
      <PublicationDrawer id={open} onClose={() => setOpen(null)} onChange={replace} />
    </div>
  );
}
