/** 用户与角色: the users in scope; administrators create users, change roles, disable them and reset passwords. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { useLoaded, when } from '../sources/shared.js';
import { type Role, type Unit, type User, useSystemApi } from './api.js';

const ROLE_RECORD: Record<Role, string> = {
  admin: 'red',
  monitor: 'blue',
  handler: 'green',
  leader: 'gold',
  viewer: 'default',
};
const ROLES = Object.keys(ROLE_RECORD) as Role[];

/** The shortest password the server accepts. */
const MIN_PASSWORD = 10;

interface Values {
  username: string;
  displayName?: string;
  password?: string;
  roles: Role[];
  unitId?: string;
}

type Editing = User | 'new' | null;

/**
 * The roles a new user starts with: viewer when the caller may grant it. The server lets a caller grant
 * only roles they hold themselves (requireGrantableRoles), so the form offers only those.
 */

function UserForm({
  editing,
  units,
  onDone,
}: {
  editing: Editing;
  units: Unit[];
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const api = useSystemApi();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (editing === null) return;
    form.resetFields();
    form.setFieldsValue(
      editing === 'new'
        ? { username: '', roles: ['viewer'], unitId: session.user.unitId }
        : {
            username: editing.username,
            displayName: editing.displayName,
            roles: editing.roles,
            unitId: editing.unitId,
          },
    );
  }, [editing, form, session.user.unitId]);
  const save = async (values: Values): Promise<void> => {
    setBusy(true);
    try {
      const displayName = values.displayName?.trim() ? values.displayName.trim() : undefined;
      if (editing === 'new')
        await api.createUser({
          username: values.username,
          password: values.password ?? '',
          roles: values.roles,
          ...(displayName !== undefined && { displayName }),
          ...(values.unitId !== undefined && { unitId: values.unitId }),
        });
      else if (editing !== null)
        await api.updateUser(editing.id, {
          roles: values.roles,
          ...(displayName !== undefined && { displayName }),
          ...(values.unitId !== undefined && values.unitId !== editing.unitId && { unitId: values.unitId }),
        });
      onDone(true);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={editing !== null}
      title={t(editing === 'new' ? 'system.users.add' : 'common.edit')}
      confirmLoading={busy}
      onCancel={() => onDone(false)}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<Values>
        name="user"
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        data-testid="user-form"
      >
        <Form.Item
          name="username"
          label={t('system.users.username')}
          rules={[{ required: true, pattern: /^\S+$/ }]}
        >
          <Input maxLength={64} disabled={editing !== 'new'} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('system.users.displayName')}>
          <Input maxLength={200} />
        </Form.Item>
        {editing === 'new' && (
          <Form.Item
            name="password"
            label={t('system.users.password')}
            rules={[
              {
                required: true,
                min: MIN_PASSWORD,
                message: t('system.users.passwordRule', { min: MIN_PASSWORD }),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('system.users.roles')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={ROLES.map((role) => ({
              value: role,
              label: t(`system.role.${role}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="unitId" label={t('system.users.unit')}>
          <Select options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PasswordForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const api = useSystemApi();
  const showError = useShowError();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => form.resetFields(), [user, form]);
  const save = async ({ password }: { password: string }): Promise<void> => {
    if (!user) return;
    setBusy(true);
    try {
      await api.setPassword(user.id, password);
      void message.success(t('system.users.passwordReset'));
      onDone();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={user !== null}
      title={user ? `${t('system.users.resetPassword')} · ${user.username}` : ''}
      confirmLoading={busy}
      onCancel={onDone}
      onOk={() => form.submit()}
      forceRender
    >
      <Form name="passwordReset" form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="password"
          label={t('system.users.newPassword')}
          rules={[
            {
              required: true,
              min: MIN_PASSWORD,
              message: t('system.users.passwordRule', { min: MIN_PASSWORD }),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The users tab. */
export function UsersTab() {
  const { t } = useI18n();
  const { can, session } = useSignedIn();
  const api = useSystemApi();
  const showError = useShowError();
  const load = useCallback(async () => {
    const [users, units] = await Promise.all([api.users(), can('units:read') ? api.units() : { items: [] }]);
    return { users: users.items, units: units.items };
  }, [api, can]);
  const { data, loading, reload } = useLoaded(load, { users: [] as User[], units: [] as Unit[] });
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const writer = can('users:write');
  const unitNames = new Map(data.units.map((unit) => [unit.id, unit.name]));
  const toggle = async (user: User): Promise<void> => {
    try {
      await api.updateUser(user.id, { disabled: !user.disabled });
      await reload();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {writer && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="user-add"
        >
          {t('system.users.add')}
        </Button>
      )}
      <Table<User>
        rowKey="id"
        loading={loading}
        dataSource={data.users}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        data-testid="user-table"
        columns={[
          { title: t('system.users.username'), dataIndex: 'username', width: 140 },
          { title: t('system.users.displayName'), dataIndex: 'displayName', width: 140 },
          {
            title: t('system.users.unit'),
            dataIndex: 'unitId',
            render: (unitId: string) => unitNames.get(unitId) ?? unitId,
          },
          {
            title: t('system.users.roles'),
            dataIndex: 'roles',
            render: (roles: Role[]) =>
              roles.map((role) => (
                <Tag key={role} color={ROLE_RECORD[role]}>
                  {t(`system.role.${role}`)}
                </Tag>
              )),
          },
          {
            title: t('system.users.state'),
            dataIndex: 'disabled',
            width: 90,
            render: (disabled: boolean) => (
              <Tag color={disabled ? 'default' : 'success'}>
                {t(disabled ? 'system.users.disabled' : 'system.users.active')}
              </Tag>
            ),
          },
          { title: t('system.users.lastLogin'), dataIndex: 'lastLoginAt', width: 170, render: when },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 230,
            render: (_: unknown, user) =>
              writer && (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing(user)}>
                    {t('common.edit')}
                  </Button>
                  {user.id !== session.user.id && (
                    <Button
                      type="link"
                      size="small"
                      danger={!user.disabled}
                      onClick={() => void toggle(user)}
                    >
                      {t(user.disabled ? 'system.users.enable' : 'system.users.disable')}
                    </Button>
                  )}
                  <Button type="link" size="small" onClick={() => setResetting(user)}>
                    {t('system.users.resetPassword')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <UserForm
        editing={editing}
        units={data.units}
        onDone={(saved) => {
          setEditing(null);
          if (saved) void reload();
        }}
      />
      <PasswordForm user={resetting} onDone={() => setResetting(null)} />
    </Space>
  );
}
