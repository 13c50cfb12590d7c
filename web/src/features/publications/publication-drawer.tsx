/** One publication: its text (editable while an idea or draft), the confidentiality check, versions, timeline. */
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  List,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import {
  type ConfidentialityReport,
  type Publication,
  type PublicationTimelineEntry,
  publicationApi,
} from './api.js';
import { CaseTimeline, StateTag, useRunner, when } from './case-kit.js';
import { PublicationActions } from './publication-actions.js';
import { PublicationVersions } from './publication-versions.js';

function TextTab({
  publication,
  onChange,
}: {
  publication: Publication;
  onChange: (next: Publication) => void;
}) {
  const { t } = useI18n();
  const { api, can } = useSignedIn();
  const { busy, run } = useRunner();
  const editable = publication.actions.includes('edit') && can('publications:write');
  if (!editable) {
    return (
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="publication-body">
        {publication.body || t('common.empty')}
      </Typography.Paragraph>
    );
  }
  const save = (values: { title: string; body: string; note?: string }) =>
    void run(
      () =>
        publicationApi(api.http).update(publication.id, {
          title: values.title,
          body: values.body,
          ...(values.note ? { note: values.note } : {}),
        }),
      onChange,
    );
  return (
    <Form
      layout="vertical"
      key={publication.version}
      initialValues={{ title: publication.title, body: publication.body }}
      onFinish={save}
    >
      <Form.Item name="title" label={t('pubs.title')} rules={[{ required: true, whitespace: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="body" label={t('pubs.body')}>
        <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} data-testid="publication-body-input" />
      </Form.Item>
      <Form.Item name="note" label={t('pubs.editNote')}>
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="publication-save">
        {t('pubs.saveVersion')}
      </Button>
    </Form>
  );
}

function CheckTab({ publication }: { publication: Publication }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const showError = useShowError();
  const [report, setReport] = useState<ConfidentialityReport | null>(null);
  useEffect(() => {
    publicationApi(api.http).check(publication.id).then(setReport, showError);
  }, [api, publication.id, publication.version, showError]);
  if (report === null) return <Spin />;
  if (report.clean) return <Alert type="success" showIcon title={t('pubs.check.clean')} />;
  return (
    <List
      header={<Alert type="error" showIcon title={t('pubs.check.hits', { count: report.hits.length })} />}
      dataSource={report.hits}
      renderItem={(hit) => (
        <List.Item>
          <Tag color="red">{t(`pubs.check.${hit.kind}`)}</Tag>
          <Typography.Text code>{hit.text}</Typography.Text>
          <Typography.Text type="secondary">
            {t(`pubs.${hit.field}`)} · {t('pubs.check.position', { position: hit.position + 1 })}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

function TimelineTab({ publication }: { publication: Publication }) {
  const { api } = useSignedIn();
  const showError = useShowError();
  const [entries, setEntries] = useState<PublicationTimelineEntry[] | null>(null);
  useEffect(() => {
    publicationApi(api.http)
      .timeline(publication.id)
      .then((answer) => setEntries(answer.items), showError);
  }, [api, publication.id, publication.updatedAt, showError]);
  if (entries === null) return <Spin />;
  return <CaseTimeline entries={entries} actionPrefix="pubs.action" statePrefix="pubs.state" />;
}

/** The drawer of publication `id` (closed when null); `onChange` hears of every new state. */
export function PublicationDrawer({
  id,
  onClose,
  onChange,
}: {
  id: string | null;
  onClose: () => void;
  onChange: (publication: Publication) => void;
}) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const showError = useShowError();
  const mobile = Grid.useBreakpoint().md === false;
  const [publication, setPublication] = useState<Publication | null>(null);
  useEffect(() => {
    setPublication(null);
    if (id === null) return;
    publicationApi(api.http).get(id).then(setPublication, showError);
  }, [api, id, showError]);
  const update = (next: Publication): void => {
    setPublication(next);
    onChange(next);
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={mobile ? '100%' : 820}
      title={publication?.title ?? t('common.loading')}
      destroyOnHidden
    >
      {publication === null ? (
        <Spin className="fx-center" />
      ) : (
        <div data-testid="publication-detail">
          <Descriptions size="small" column={mobile ? 1 : 3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('cases.state')}>
              <span data-testid="publication-state">
                <StateTag prefix="pubs.state" state={publication.state} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('pubs.version')}>v{publication.version}</Descriptions.Item>
            <Descriptions.Item label={t('pubs.channel')}>{publication.channel ?? '—'}</Descriptions.Item>
            {publication.signedOffAt && (
              <Descriptions.Item label={t('pubs.signedOffAt')}>
                {when(publication.signedOffAt)}
              </Descriptions.Item>
            )}
            {publication.publishedAt && (
              <Descriptions.Item label={t('pubs.publishedAt')}>
                {when(publication.publishedAt)}
              </Descriptions.Item>
            )}
            {publication.publishedUrl && (
              <Descriptions.Item label={t('pubs.url')}>
                <Typography.Text copyable ellipsis style={{ maxWidth: 260 }}>
                  {publication.publishedUrl}
                </Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
          {(publication.rejectReason ?? publication.withdrawReason) && (
            <Alert
              type="warning"
              title={`${t('cases.reason')}: ${publication.rejectReason ?? publication.withdrawReason}`}
              style={{ marginBottom: 12 }}
            />
          )}
          <PublicationActions publication={publication} onChange={update} />
          <Tabs
            items={[
              {
                key: 'text',
                label: t('pubs.body'),
                children: <TextTab publication={publication} onChange={update} />,
              },
              { key: 'check', label: t('pubs.check'), children: <CheckTab publication={publication} /> },
              {
                key: 'versions',
                label: t('pubs.versions'),
                children: <PublicationVersions publication={publication} />,
              },
              {
                key: 'timeline',
                label: t('cases.timeline'),
                children: <TimelineTab publication={publication} />,
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
