/**
 * 节假日: the working-day calendar deadlines count on, per unit or the installation default — statutory
 * holidays (法定节假日) and weekend days worked (调休上班), one date per line.
 */
import { Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { useLoaded, MONO } from '../sources/shared.js';
import { useSystemApi, type WorkCalendar } from './api.js';

const DEFAULT = 'default';

interface Values {
  timeZone: string;
  holidays?: string;
  workdays?: string;
}

function dates(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(/[\s,，;]+/).filter(Boolean))].sort();
}

/** The calendar tab. */
export function CalendarTab() {
  const { t } = useI18n();
  const { can, units, session } = useSignedIn();
  const api = useSystemApi();
  const showError = useShowError();
  const [target, setTarget] = useState<string>(session.user.unitId);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => api.workCalendar(target), [api, target]);
  const { data, loading, reload } = useLoaded<WorkCalendar | null>(load, null);
  const writer = can('calendar:write');
  useEffect(() => {
    if (!data) return;
    form.setFieldsValue({
      timeZone: data.timeZone,
      holidays: data.holidays.join('\n'),
      workdays: data.workdays.join('\n'),
    });
  }, [data, form]);
  const save = async (values: Values): Promise<void> => {
    setBusy(true);
    try {
      await api.putWorkCalendar(target, {
        timeZone: values.timeZone,
        holidays: dates(values.holidays),
        workdays: dates(values.workdays),
      });
      await reload();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  const reset = async (): Promise<void> => {
    try {
      await api.resetWorkCalendar(target);
      await reload();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Card size="small" loading={loading && !data}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 240 }}
          value={target}
          onChange={setTarget}
          options={[
            { value: DEFAULT, label: t('system.calendar.installation') },
            ...units.map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
        />
        {data && <Tag color="blue">{t(`system.calendar.origin.${data.origin}`)}</Tag>}
      </Space>
      {data && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('system.calendar.counts')}>
            {t('system.calendar.countsValue', {
              holidays: data.holidays.length,
              workdays: data.workdays.length,
            })}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form<Values>
        name="calendar"
        form={form}
        layout="vertical"
        disabled={!writer}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="timeZone" label={t('system.calendar.timeZone')} rules={[{ required: true }]}>
          <Input placeholder="Asia/Shanghai" style={{ maxWidth: 240 }} />
        </Form.Item>
        <Space wrap align="start" size={16}>
          <Form.Item
            name="holidays"
            label={t('system.calendar.holidays')}
            extra={t('system.calendar.datesHelp')}
          >
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} style={{ ...MONO, width: 220 }} />
          </Form.Item>
          <Form.Item
            name="workdays"
            label={t('system.calendar.workdays')}
            extra={t('system.calendar.datesHelp')}
          >
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} style={{ ...MONO, width: 220 }} />
          </Form.Item>
        </Space>
        {writer && (
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
            {data?.origin === 'own' && (
              <Popconfirm title={t('system.calendar.confirmReset')} onConfirm={() => void reset()}>
                <Button>{t('system.calendar.reset')}</Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Form>
    </Card>
  );
}
