/**
 * What may be done to an alert now: acknowledge a new one, open an incident from one not yet linked, view
 * its incident, close it. Only the actions its status and the user's permissions allow are shown.
 */
import { App, Button, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSession } from '../../session/context.js';
import { type AlertView, useAlertsApi } from './api.js';

/** The actions of `alert`; `onChange` hears of its new state. */
export function AlertActions({
  alert,
  onChange,
  size = 'small',
}: {
  alert: AlertView;
  onChange: (alert: AlertView) => void;
  size?: 'small' | 'middle';
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const api = useAlertsApi();
  const showError = useShowError();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const run = async (name: string, action: () => Promise<void>): Promise<void> => {
    setBusy(name);
    try {
      await action();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };
  const handle = can('alerts:handle');
  const open = alert.status !== 'closed';
  return (
    <Space wrap size={4} onClick={(event) => event.stopPropagation()}>
      {handle && alert.status === 'new' && (
        <Button
          size={size}
          type="primary"
          data-testid="alert-acknowledge"
          loading={busy === 'ack'}
          onClick={() =>
            void run('ack', async () => {
              onChange(await api.acknowledge(alert.id));
              void message.success(t('alerts.acknowledged'));
            })
          }
        >
          {t('alerts.acknowledge')}
        </Button>
      )}
      {open && alert.incidentId === null && can('incidents:write') && (
        <Button
          size={size}
          data-testid="alert-open-incident"
          loading={busy === 'incident'}
          onClick={() =>
            void run('incident', async () => {
              const incident = await api.openIncident(alert.id);
              void message.success(t('alerts.incidentOpened'));
              navigate(`/incidents/${encodeURIComponent(incident.id)}`);
            })
          }
        >
          {t('alerts.openIncident')}
        </Button>
      )}
      {alert.incidentId !== null && can('incidents:read') && (
        <Button
          size={size}
          type="link"
          data-testid="alert-view-incident"
          onClick={() => navigate(`/incidents/${encodeURIComponent(alert.incidentId ?? '')}`)}
        >
          {t('alerts.viewIncident')}
        </Button>
      )}
      {handle && open && (
        <Popconfirm
          title={t('alerts.closeConfirm')}
          description={
            <Input.TextArea
              value={note}
              onChange={(event) => setNote(event.target.value)}
              placeholder={t('alerts.closeNote')}
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={2000}
            />
          }
          okText={t('alerts.close')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            run('close', async () => {
              onChange(await api.close(alert.id, note.trim() || undefined));
              setNote('');
              void message.success(t('alerts.closed'));
            })
          }
        >
          <Button size={size} danger data-testid="alert-close" loading={busy === 'close'}>
            {t('alerts.close')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
