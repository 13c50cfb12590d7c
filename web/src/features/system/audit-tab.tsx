/** 审计日志: who did what and when in the units in scope, newest first, with filters and paging. */
import { Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { when, MONO } from '../sources/shared.js';
import { type AuditEntry, type AuditFilters, type User, useSystemApi } from './api.js';

interface Values {
  actor?: string;
  action?: string;
  targetType?: string;
  from?: string;
  to?: string;
}

function filtersOf(values: Values): AuditFilters {
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const day = (value: string | undefined, end: boolean) =>
    value ? new Date(`${value}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString() : undefined;
  return {
    actor: values.actor,
    action: text(values.action),
    targetType: text(values.targetType),
    from: day(values.from, false),
    to: day(values.to, true),
  };
}

/** The audit tab (audit:read). */
export function AuditTab() {
  const { t } = useI18n();
  const { api: sessionApi, can } = useSignedIn();
  const api = useSystemApi();
  const showError = useShowError();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [users, setUsers] = useState<User[]>([]);
  useEffect(() => {
    if (!can('users:read')) return;
    sessionApi.users().then(
      (page) => setUsers(page.items),
      () => setUsers([]),
    );
  }, [sessionApi, can]);
  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await api.audit(filters, after);
        setEntries((current) => (after === undefined ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
      } catch (error) {
        showError(error);
      } finally {
        setLoading(false);
      }
    },
    [api, filters, showError],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const names = new Map(users.map((user) => [user.id, `${user.displayName} (${user.username})`]));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Form<Values>
        name="audit"
        layout="inline"
        onFinish={(values) => setFilters(filtersOf(values))}
        data-testid="audit-filters"
      >
        <Form.Item name="actor">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('system.audit.actor')}
            style={{ width: 180 }}
            options={users.map((user) => ({ value: user.id, label: user.displayName }))}
          />
        </Form.Item>
        <Form.Item name="action">
          <Input placeholder={t('system.audit.actionPlaceholder')} style={{ width: 160 }} allowClear />
        </Form.Item>
        <Form.Item name="targetType">
          <Input placeholder={t('system.audit.targetType')} style={{ width: 140 }} allowClear />
        </Form.Item>
        <Form.Item name="from" label={t('system.audit.from')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="to" label={t('system.audit.to')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('system.audit.search')}
          </Button>
        </Form.Item>
      </Form>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={entries}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="audit-table"
        expandable={{
          rowExpandable: (entry) => Object.keys(entry.detail).length > 0,
          expandedRowRender: (entry) => (
            <Typography.Paragraph style={{ ...MONO, whiteSpace: 'pre-wrap', margin: 0 }}>
              {JSON.stringify(entry.detail, null, 2)}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: t('system.audit.at'), dataIndex: 'at', width: 200, render: when },
          {
            title: t('system.audit.actor'),
            dataIndex: 'actorUserId',
            width: 180,
            render: (actor: string | null) =>
              actor ? (names.get(actor) ?? actor) : t('system.audit.system'),
          },
          { title: t('system.audit.action'), dataIndex: 'action', width: 180 },
          {
            title: t('system.audit.target'),
            key: 'target',
            render: (_: unknown, entry) =>
              entry.targetType ? `${entry.targetType}${entry.targetId ? ` · ${entry.targetId}` : ''}` : '—',
          },
          { title: 'IP', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
        ]}
      />
      {cursor !== null && (
        <Button onClick={() => void load(cursor)} loading={loading} data-testid="audit-more">
          {t('system.audit.more')}
        </Button>
      )}
    </Space>
  );
}
