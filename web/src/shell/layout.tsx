/**
 * The signed-in frame: the navigation (a sider on wide screens, a drawer under 768 px), the header with the
 * unit switcher, live-alert badge, language switch and logout, and the page below.
 */
import { BellOutlined, LogoutOutlined, MenuOutlined, TranslationOutlined } from '@ant-design/icons';
import { App, Badge, Button, Drawer, Grid, Layout, Menu, Select, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/context.js';
import { useSignedIn } from '../session/context.js';
import { AREAS, areaOf } from './areas.js';
import { LiveAlertsProvider, useLiveAlertCount, useOnLiveAlert } from './live-alerts-context.js';

function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const { can } = useSignedIn();
  const current = areaOf(location.pathname)?.path ?? '/';
  return (
    <Menu
      mode="inline"
      theme="dark"
      selectedKeys={[current]}
      items={AREAS.filter((area) => area.permission === undefined || can(area.permission)).map((area) => ({
        key: area.path,
        icon: area.icon,
        label: t(area.label),
      }))}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}

function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useI18n();
  return (
    <div className="fx-brand" data-testid="brand">
      <span className="fx-brand-mark">风</span>
      {!collapsed && <span className="fx-brand-name">{t('app.name')}</span>}
    </div>
  );
}

function UnitSwitcher() {
  const { t } = useI18n();
  const { units, unitId, setUnitId } = useSignedIn();
  if (units.length < 2) return null;
  return (
    <Select
      aria-label={t('shell.unit')}
      size="small"
      style={{ minWidth: 140, maxWidth: 220 }}
      value={unitId ?? ''}
      onChange={(value: string) => setUnitId(value || null)}
      options={[
        { value: '', label: t('shell.allUnits') },
        ...units.map((unit) => ({ value: unit.id, label: unit.name })),
      ]}
    />
  );
}

function HeaderBar({ onMenu, mobile }: { onMenu: () => void; mobile: boolean }) {
  const { t, language, setLanguage } = useI18n();
  const { notification } = App.useApp();
  const { session, logout } = useSignedIn();
  const navigate = useNavigate();
  const live = useLiveAlertCount();
  useOnLiveAlert((alert) => {
    notification.warning({
      title: t('shell.newAlert', { title: alert.title }),
      description: `${t(`level.${alert.level}`)} · ${alert.category}`,
      placement: 'topRight',
    });
  });
  return (
    <Layout.Header className="fx-header">
      <Space size={mobile ? 4 : 12}>
        {mobile && (
          <Button type="text" icon={<MenuOutlined />} aria-label={t('shell.menu')} onClick={onMenu} />
        )}
        {mobile && <Typography.Text strong>{t('app.name')}</Typography.Text>}
      </Space>
      <Space size={mobile ? 4 : 12} wrap={false}>
        <UnitSwitcher />
        <Badge count={live.unseen} size="small" data-testid="alert-badge">
          <Button
            type="text"
            icon={<BellOutlined />}
            aria-label={t('shell.newAlerts')}
            onClick={() => {
              live.clear();
              navigate('/alerts');
            }}
          />
        </Badge>
        <Button
          type="text"
          icon={<TranslationOutlined />}
          data-testid="language-switch"
          onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
        >
          {!mobile && t('shell.language')}
        </Button>
        {!mobile && <Typography.Text type="secondary">{session.user.displayName}</Typography.Text>}
        <Button
          type="text"
          icon={<LogoutOutlined />}
          onClick={() => void logout()}
          aria-label={t('shell.logout')}
        >
          {!mobile && t('shell.logout')}
        </Button>
      </Space>
    </Layout.Header>
  );
}

/** The frame around every signed-in page, with the one live-alert stream its pages share. */
export function Shell({ children }: { children: ReactNode }) {
  const { can } = useSignedIn();
  return (
    <LiveAlertsProvider enabled={can('alerts:read')}>
      <Frame>{children}</Frame>
    </LiveAlertsProvider>
  );
}

function Frame({ children }: { children: ReactNode }) {
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  return (
    <Layout className="fx-shell">
      {!mobile && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={200}
          className="fx-sider"
        >
          <Brand collapsed={collapsed} />
          <Navigation />
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={220}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
        >
          <Brand collapsed={false} />
          <Navigation onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <HeaderBar mobile={mobile} onMenu={() => setDrawerOpen(true)} />
        <Layout.Content className="fx-content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
