/** 单位: the unit tree in scope; administrators add units below, rename them and delete empty ones. */
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { useLoaded } from '../sources/shared.js';
import { type Unit, useSystemApi } from './api.js';

/** The tree of `units`: roots are units whose parent is not in the list. */
export function unitTree(units: readonly Unit[]): TreeDataNode[] {
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const build = (parent: string | null): TreeDataNode[] =>
    (children.get(parent) ?? [])
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
      .map((unit) => ({
        key: unit.id,
        title: unit.code ? `${unit.name}（${unit.code}）` : unit.name,
        children: build(unit.id),
      }));
  return build(null);
}

interface Values {
  name: string;
  code?: string;
  parentId?: string;
}

function UnitForm({
  editing,
  units,
  onDone,
}: {
  editing: Unit | { parentId: string } | null;
  units: Unit[];
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const api = useSystemApi();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const creating = editing !== null && !('id' in editing);
  useEffect(() => {
    if (editing === null) return;
    form.resetFields();
    form.setFieldsValue(
      'id' in editing
        ? { name: editing.name, code: editing.code ?? undefined }
        : { parentId: editing.parentId, name: '' },
    );
  }, [editing, form]);
  const save = async (values: Values): Promise<void> => {
    if (editing === null) return;
    setBusy(true);
    try {
      const code = values.code?.trim() ? values.code.trim() : null;
      if ('id' in editing) await api.updateUnit(editing.id, { name: values.name, code });
      else await api.createUnit({ name: values.name, code, parentId: values.parentId ?? editing.parentId });
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
      title={t(creating ? 'system.units.add' : 'common.edit')}
      confirmLoading={busy}
      onCancel={() => onDone(false)}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<Values> name="unit" form={form} layout="vertical" onFinish={(values) => void save(values)}>
        {creating && (
          <Form.Item name="parentId" label={t('system.units.parent')} rules={[{ required: true }]}>
            <Select options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('system.units.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="code" label={t('system.units.code')}>
          <Input maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The units tab. */
export function UnitsTab() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const { modal } = App.useApp();
  const api = useSystemApi();
  const showError = useShowError();
  const load = useCallback(async () => (await api.units()).items, [api]);
  const { data, loading, reload } = useLoaded(load, [] as Unit[]);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Unit | { parentId: string } | null>(null);
  const tree = useMemo(() => unitTree(data), [data]);
  const writer = can('units:write');
  const chosen = data.find((unit) => unit.id === selected) ?? null;
  const remove = async (unit: Unit): Promise<void> => {
    if (!(await modal.confirm({ title: t('system.units.confirmDelete', { name: unit.name }) }))) return;
    try {
      await api.deleteUnit(unit.id);
      setSelected(null);
      await reload();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Card size="small" loading={loading && data.length === 0} data-testid="unit-tree">
      {writer && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={data.length === 0}
            onClick={() => setEditing({ parentId: chosen?.id ?? data[0]?.id ?? '' })}
          >
            {t('system.units.add')}
          </Button>
          <Button disabled={!chosen} onClick={() => chosen && setEditing(chosen)}>
            {t('common.edit')}
          </Button>
          <Button
            danger
            disabled={!chosen || chosen.parentId === null}
            onClick={() => chosen && void remove(chosen)}
          >
            {t('common.delete')}
          </Button>
        </Space>
      )}
      {tree.length === 0 ? (
        <Empty />
      ) : (
        <Tree
          treeData={tree}
          defaultExpandAll
          showLine
          selectedKeys={selected ? [selected] : []}
          onSelect={(keys) => setSelected(keys[0] === undefined ? null : String(keys[0]))}
        />
      )}
      {chosen && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          ID: {chosen.id}
        </Typography.Paragraph>
      )}
      <UnitForm
        editing={editing}
        units={data}
        onDone={(saved) => {
          setEditing(null);
          if (saved) void reload();
        }}
      />
    </Card>
  );
}
