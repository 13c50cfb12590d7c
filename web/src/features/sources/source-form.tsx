/**
 * Adding or changing a source: the common fields, the kind's config as JSON (checked here for syntax and by
 * the server for meaning), and "test fetch" that fetches the definition once without saving it.
 */
import { ExperimentOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { type Source, type SourceBody, type SourcePreview, useSourcesApi } from './api.js';
import {
  KIND_CONFIG_TEMPLATES,
  MEDIA_TIERS,
  type MediaTier,
  SOURCE_KINDS,
  type SourceKind,
} from './kinds.js';
import { jsonText, parseJsonObject } from './shared.js';
import { PreviewResult } from './source-preview.js';
import { JsonObjectField } from './json-field.js';

type Kind = SourceKind;

interface Values {
  name: string;
  kind: Kind;
  url?: string;
  platform?: string;
  tier?: MediaTier | null;
  region?: string;
  intervalSeconds?: number;
  timeZone?: string;
  expectedPeriodSeconds?: number | null;
  enabled: boolean;
  config?: string;
}

function initialValues(editing: Source | 'new'): Values {
  if (editing === 'new')
    return {
      name: '',
      kind: 'feed',
      enabled: true,
      intervalSeconds: 600,
      config: KIND_CONFIG_TEMPLATES.feed,
    };
  return {
    name: editing.name,
    kind: editing.kind,
    url: editing.url ?? undefined,
    platform: editing.platform ?? undefined,
    tier: editing.tier,
    region: editing.region ?? undefined,
    intervalSeconds: editing.intervalSeconds,
    timeZone: editing.timeZone ?? undefined,
    expectedPeriodSeconds: editing.expectedPeriodSeconds,
    enabled: editing.enabled,
    config: jsonText(editing.config),
  };
}

/** The request body of the form's values; null values clear a field when editing. */
function bodyOf(values: Values): SourceBody {
  const config = parseJsonObject(values.config);
  return {
    name: values.name,
    kind: values.kind,
    url: values.url?.trim() ? values.url.trim() : null,
    platform: values.platform?.trim() ? values.platform.trim() : null,
    tier: values.tier ?? null,
    region: values.region?.trim() ? values.region.trim() : null,
    timeZone: values.timeZone?.trim() ? values.timeZone.trim() : null,
    expectedPeriodSeconds: values.expectedPeriodSeconds ?? null,
    enabled: values.enabled,
    config: config instanceof Error ? {} : config,
    ...(values.intervalSeconds !== undefined && { intervalSeconds: values.intervalSeconds }),
  };
}

/** The add/edit dialog of a source; `onDone(true)` after a save. */
export function SourceForm({
  editing,
  onDone,
}: {
  editing: Source | 'new' | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const { unitId } = useSignedIn();
  const sources = useSourcesApi();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [preview, setPreview] = useState<SourcePreview | null>(null);
  useEffect(() => {
    setPreview(null);
    if (editing === null) return;
    form.resetFields();
    form.setFieldsValue(initialValues(editing));
  }, [editing, form]);
  const kindChanged = (kind: Kind): void => {
    const current = form.getFieldValue('config') as string | undefined;
    const untouched = !current?.trim() || Object.values(KIND_CONFIG_TEMPLATES).includes(current);
    if (untouched) form.setFieldValue('config', KIND_CONFIG_TEMPLATES[kind]);
  };
  const save = async (values: Values): Promise<void> => {
    setBusy('save');
    try {
      const body = bodyOf(values);
      if (editing === 'new') await sources.createSource({ ...body, ...(unitId !== null && { unitId }) });
      else if (editing !== null) {
        const { kind: _kind, ...patch } = body;
        await sources.updateSource(editing.id, patch);
      }
      onDone(true);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };
  const test = async (): Promise<void> => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy('test');
    setPreview(null);
    try {
      setPreview(await sources.testDefinition({ ...bodyOf(values), ...(unitId !== null && { unitId }) }));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Modal
      open={editing !== null}
      width={840}
      title={t(editing === 'new' ? 'sources.add' : 'sources.edit')}
      onCancel={() => onDone(false)}
      forceRender
      footer={[
        <Button
          key="test"
          icon={<ExperimentOutlined />}
          loading={busy === 'test'}
          onClick={() => void test()}
          data-testid="source-test"
        >
          {t('sources.test')}
        </Button>,
        <Button key="cancel" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={busy === 'save'}
          onClick={() => form.submit()}
          data-testid="source-save"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form<Values>
        name="source"
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        data-testid="source-form"
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('sources.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('sources.kind')}>
              <Select
                disabled={editing !== 'new'}
                onChange={kindChanged}
                options={SOURCE_KINDS.map((value) => ({ value, label: t(`sources.kind.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="url" label={t('sources.url')} rules={[{ type: 'url', warningOnly: false }]}>
              <Input placeholder="https://" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="platform" label={t('sources.platform')}>
              <Input placeholder="news" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="tier" label={t('sources.tier')}>
              <Select
                allowClear
                options={MEDIA_TIERS.map((value) => ({ value, label: t(`sources.tier.${value}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="region" label={t('sources.region')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="timeZone" label={t('sources.timeZone')}>
              <Input placeholder="Asia/Shanghai" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="intervalSeconds" label={t('sources.interval')}>
              <InputNumber min={30} max={7 * 86_400} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="expectedPeriodSeconds" label={t('sources.expectedPeriod')}>
              <InputNumber min={60} max={90 * 86_400} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="enabled" label={t('sources.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={24}>
            <JsonObjectField
              name="config"
              label={t('sources.config')}
              extra={t('sources.configHelp')}
              minRows={3}
              maxRows={14}
            />
          </Col>
        </Row>
      </Form>
      {busy === 'test' && <Typography.Text type="secondary">{t('sources.testing')}</Typography.Text>}
      {preview && <PreviewResult preview={preview} />}
    </Modal>
  );
}
