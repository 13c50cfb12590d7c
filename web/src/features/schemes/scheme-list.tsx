/** The list of schemes in scope: name, expression, target, on/off, and opening, creating or deleting. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Switch, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { type Scheme, schemeApi } from './api.js';

/** The schemes list page. */
export function SchemeList() {
  const { t } = useI18n();
  const { api, can, unitId } = useSignedIn();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [schemes, setSchemes] = useState<Scheme[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      try {
        const page = await schemeApi(api).list({ limit: 100, ...(after !== undefined && { cursor: after }) });
        setSchemes((current) => (after === undefined ? page.items : [...current, ...page.items]));
        setCursor(page.nextCursor);
      } catch (error) {
        showError(error);
      } finally {
        setLoading(false);
      }
    },
    [api, showError],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const replace = (next: Scheme): void =>
    setSchemes((current) => current.map((row) => (row.id === next.id ? next : row)));
  const toggle = (row: Scheme, enabled: boolean): void => {
    schemeApi(api).update(row.id, { enabled }).then(replace, showError);
  };
  const remove = async (row: Scheme): Promise<void> => {
    try {
      await schemeApi(api).remove(row.id);
      setSchemes((current) => current.filter((other) => other.id !== row.id));
      void message.success(t('schemes.deleted'));
    } catch (error) {
      showError(error);
    }
  };
  const writable = can('schemes:write');
  const visible = unitId === null ? schemes : schemes.filter((scheme) => scheme.unitId === unitId);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div className="fx-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.schemes')}
        </Typography.Title>
        {writable && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/schemes/new')}
            data-testid="scheme-new"
          >
            {t('schemes.new')}
          </Button>
        )}
      </div>
      <Table<Scheme>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={visible}
        pagination={false}
        scroll={{ x: 760 }}
        data-testid="scheme-table"
        locale={{ emptyText: t('common.empty') }}
        columns={[
          {
            title: t('schemes.name'),
            dataIndex: 'name',
            width: 180,
            fixed: 'left',
            render: (name: string, row) => (
              <Typography.Link onClick={() => navigate(`/schemes/${encodeURIComponent(row.id)}`)}>
                {name}
              </Typography.Link>
            ),
          },
          {
            title: t('schemes.expression'),
            dataIndex: 'expression',
            ellipsis: true,
            render: (expression: string) => <code className="fx-expression">{expression}</code>,
          },
          {
            title: t('schemes.target'),
            dataIndex: 'target',
            width: 120,
            render: (target: Scheme['target']) => t(`schemes.target.${target}`),
          },
          {
            title: t('schemes.enabled'),
            dataIndex: 'enabled',
            width: 80,
            render: (enabled: boolean, row) => (
              <Switch
                size="small"
                checked={enabled}
                disabled={!writable}
                onChange={(next) => toggle(row, next)}
              />
            ),
          },
          {
            title: t('schemes.updated'),
            dataIndex: 'updatedAt',
            width: 170,
            render: (at: string) => new Date(at).toLocaleString(),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, row) => (
              <Space size={0}>
                <Button type="link" onClick={() => navigate(`/schemes/${encodeURIComponent(row.id)}`)}>
                  {t('common.edit')}
                </Button>
                {writable && (
                  <Popconfirm title={t('schemes.confirmDelete')} onConfirm={() => remove(row)}>
                    <Button type="link" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {cursor !== null && (
        <Button onClick={() => void load(cursor)} loading={loading}>
          …
        </Button>
      )}
    </Space>
  );
}
