/**
 * 系统: units, users and roles, alert channels, alert rules, the holiday calendar, the duty roster and the
 * audit log. Each tab shows only when the session holds the permission its API needs; a tab loads when it
 * is first opened.
 */
import { Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/i18n.js';
import { useSignedIn } from '../../session/context.js';
import { AlertRulesTab } from './alert-rules-tab.js';
import { AuditTab } from './audit-tab.js';
import { CalendarTab } from './calendar-tab.js';
import { ChannelsTab } from './channels-tab.js';
import { DutyTab } from './duty-tab.js';
import { UnitsTab } from './units-tab.js';
import { UsersTab } from './users-tab.js';

interface SystemTab {
  key: string;
  label: MessageKey;
  permission: string;
  render: () => ReactNode;
}

const TABS: SystemTab[] = [
  { key: 'units', label: 'system.tab.units', permission: 'units:read', render: () => <UnitsTab /> },
  { key: 'users', label: 'system.tab.users', permission: 'users:read', render: () => <UsersTab /> },
  {
    key: 'channels',
    label: 'system.tab.channels',
    permission: 'alerts:admin',
    render: () => <ChannelsTab />,
  },
  { key: 'rules', label: 'system.tab.rules', permission: 'alerts:read', render: () => <AlertRulesTab /> },
  { key: 'calendar', label: 'system.tab.calendar', permission: 'units:read', render: () => <CalendarTab /> },
  { key: 'duty', label: 'system.tab.duty', permission: 'alerts:read', render: () => <DutyTab /> },
  { key: 'audit', label: 'system.tab.audit', permission: 'audit:read', render: () => <AuditTab /> },
];

/** The system page. */
export function SystemPage() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const tabs = TABS.filter((tab) => can(tab.permission));
  return (
    <div className="fx-page" data-testid="system">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('nav.system')}
      </Typography.Title>
      {tabs.length === 0 ? (
        <Typography.Text type="secondary">{t('system.noAccess')}</Typography.Text>
      ) : (
        <Tabs items={tabs.map((tab) => ({ key: tab.key, label: t(tab.label), children: tab.render() }))} />
      )}
    </div>
  );
}
