/** 信息源: the sources with their health and history, the key periods, and the key accounts with media tiers. */
import { Tabs, Typography } from 'antd';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { KeyAccountsTab } from './key-accounts-tab.js';
import { KeyPeriodsTab } from './key-periods-tab.js';
import { SourceList } from './source-list.js';

/** The sources page; each tab shows only when the session may read it. */
export function SourcesPage() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const tabs = [
    can('sources:read') && { key: 'sources', label: t('sources.tab.sources'), children: <SourceList /> },
    can('sources:read') && { key: 'periods', label: t('sources.tab.periods'), children: <KeyPeriodsTab /> },
    can('events:read') && { key: 'accounts', label: t('sources.tab.accounts'), children: <KeyAccountsTab /> },
  ].filter((tab) => tab !== false);
  return (
    <div className="fx-page" data-testid="sources">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('nav.sources')}
      </Typography.Title>
      {tabs.length === 0 ? (
        <Typography.Text type="secondary">{t('sources.noAccess')}</Typography.Text>
      ) : (
        <Tabs items={tabs} />
      )}
    </div>
  );
}
