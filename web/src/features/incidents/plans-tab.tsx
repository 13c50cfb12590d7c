/**
 * 预案任务: the emergency plans activated on an incident with their task checklists (owners, time limits,
 * overdue ones marked) and each task's allowed actions; while none is active, the unit's plans to start.
 */
import { Button, Card, Empty, Input, List, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSession } from '../../session/context.js';
import { useUserNames, when } from '../alerts/display.js';
import {
  type ActivationView,
  type IncidentDetailView,
  type PlanTaskView,
  type PlanView,
  useIncidentsApi,
} from './api.js';

const TASK_COLORS: Record<PlanTaskView['state'], string> = {
  open: 'processing',
  done: 'success',
  skipped: 'default',
};

function TaskActions({ task, onDone }: { task: PlanTaskView; onDone: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const api = useIncidentsApi();
  const showError = useShowError();
  const [reason, setReason] = useState('');
  const act = async (action: PlanTaskView['actions'][number], text?: string): Promise<void> => {
    try {
      await api.taskAction(task.id, action, text);
      onDone();
    } catch (error) {
      showError(error);
    }
  };
  if (!can('incidents:write')) return null;
  return (
    <Space size={4} wrap>
      {task.actions.includes('complete') && (
        <Button size="small" type="primary" onClick={() => void act('complete')}>
          {t('incidents.task.complete')}
        </Button>
      )}
      {task.actions.includes('skip') && (
        <Popconfirm
          title={t('incidents.task.skip')}
          description={
            <Input
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              placeholder={t('incidents.task.skipReason')}
              maxLength={2000}
            />
          }
          okButtonProps={{ disabled: !reason.trim() }}
          cancelText={t('common.cancel')}
          onConfirm={() => act('skip', reason.trim())}
        >
          <Button size="small">{t('incidents.task.skip')}</Button>
        </Popconfirm>
      )}
      {task.actions.includes('reopen') && (
        <Button size="small" onClick={() => void act('reopen')}>
          {t('incidents.task.reopen')}
        </Button>
      )}
    </Space>
  );
}

function Checklist({ activation, onDone }: { activation: ActivationView; onDone: () => void }) {
  const { t, language } = useI18n();
  const name = useUserNames();
  return (
    <Card
      size="small"
      title={t('incidents.plan.activated', {
        name: activation.planName,
        version: activation.planVersion,
        time: when(activation.activatedAt, language),
      })}
    >
      <List
        size="small"
        dataSource={activation.tasks}
        renderItem={(task) => (
          <List.Item data-testid="plan-task" data-id={task.id} data-state={task.state}>
            <List.Item.Meta
              title={
                <Space wrap size={6}>
                  <Typography.Text>{`${task.seq}. ${task.title}`}</Typography.Text>
                  <Tag color={TASK_COLORS[task.state]}>{t(`incidents.task.${task.state}`)}</Tag>
                  {task.overdue && <Tag color="red">{t('incidents.overdue')}</Tag>}
                </Space>
              }
              description={[
                t('incidents.task.due', { time: when(task.dueAt, language) }),
                task.ownerUserIds.map(name).join('、'),
                task.note,
              ]
                .filter(Boolean)
                .join(' · ')}
            />
            <TaskActions task={task} onDone={onDone} />
          </List.Item>
        )}
      />
    </Card>
  );
}

function Activate({ incidentId, onDone }: { incidentId: string; onDone: () => void }) {
  const { t } = useI18n();
  const api = useIncidentsApi();
  const showError = useShowError();
  const [plans, setPlans] = useState<PlanView[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.plans().then(
      (page) => setPlans(page.items),
      (error: unknown) => {
        setPlans([]);
        showError(error);
      },
    );
  }, [api, showError]);
  if (plans === null) return null;
  if (plans.length === 0)
    return <Typography.Text type="secondary">{t('incidents.plan.noPlans')}</Typography.Text>;
  const activate = async (): Promise<void> => {
    if (chosen === null) return;
    setBusy(true);
    try {
      await api.activatePlan(chosen, incidentId);
      onDone();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <Select
        placeholder={t('incidents.plan.choose')}
        style={{ minWidth: 240 }}
        value={chosen}
        onChange={setChosen}
        options={plans.map((plan) => ({ value: plan.id, label: plan.name }))}
      />
      <Button type="primary" disabled={chosen === null} loading={busy} onClick={() => void activate()}>
        {t('incidents.plan.activate')}
      </Button>
    </Space>
  );
}

/** The plan tab of `incident`; `onChange` hears of every task action (the incident's timeline grows). */
export function PlansTab({ incident, onChange }: { incident: IncidentDetailView; onChange: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const api = useIncidentsApi();
  const showError = useShowError();
  const [activations, setActivations] = useState<ActivationView[] | null>(null);
  const load = useCallback(async () => {
    try {
      const page = await api.activations(incident.id);
      setActivations(await Promise.all(page.items.map((activation) => api.activation(activation.id))));
    } catch (error) {
      setActivations([]);
      showError(error);
    }
  }, [api, incident.id, showError]);
  useEffect(() => {
    void load();
  }, [load]);
  const changed = (): void => {
    void load();
    onChange();
  };
  if (activations === null) return <Spin className="fx-center" />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="plans-tab">
      {activations.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.plan.none')} />
      )}
      {activations.map((activation) => (
        <Checklist key={activation.id} activation={activation} onDone={changed} />
      ))}
      {activations.length === 0 && can('incidents:write') && incident.state !== 'closed' && (
        <Activate incidentId={incident.id} onDone={changed} />
      )}
    </Space>
  );
}
