/** The console: language and antd locale, the session gate, and the routes of every area. */
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AlertsPage } from './features/alerts/alerts-page.js';
import { DashboardPage } from './features/dashboard/dashboard-page.js';
import { BigScreenPage } from './features/bigscreen/screen-page.js';
import { EventsPage } from './features/events/events-page.js';
import { ItemsPage } from './features/items/items-page.js';
import { SchemesPage } from './features/schemes/schemes-page.js';
import { IncidentsPage } from './features/incidents/incidents-page.js';
import { CluesPage } from './features/clues/clues-page.js';
import { AppealsPage } from './features/appeals/appeals-page.js';
import { PublicationsPage } from './features/publications/publications-page.js';
import { BulletinsPage } from './features/bulletins/bulletins-page.js';
import { LoginPage } from './features/login/login-page.js';
import { ReportsPage } from './features/reports/reports-page.js';
import { SourcesPage } from './features/sources/sources-page.js';
import { SystemPage } from './features/system/system-page.js';
import { I18nProvider, useI18n } from './i18n/context.js';
import { SessionProvider, useSession } from './session/context.js';
import { AREAS } from './shell/areas.js';
import { ComingSoon } from './shell/coming-soon.js';
import { Shell } from './shell/layout.js';

function SignedInRoutes() {
  return (
    <Shell>
      <Routes>
        <Route path="/" element={<DashboardPage />} />
        <Route path="/reports/*" element={<ReportsPage />} />
        <Route path="/items/*" element={<ItemsPage />} />
        <Route path="/schemes/*" element={<SchemesPage />} />
        <Route path="/events/*" element={<EventsPage />} />
        <Route path="/alerts/*" element={<AlertsPage />} />
        <Route path="/incidents/*" element={<IncidentsPage />} />
        <Route path="/clues/*" element={<CluesPage />} />
        <Route path="/appeals/*" element={<AppealsPage />} />
        <Route path="/publications/*" element={<PublicationsPage />} />
        <Route path="/bulletins/*" element={<BulletinsPage />} />
        <Route path="/sources/*" element={<SourcesPage />} />
        <Route path="/system/*" element={<SystemPage />} />
        {AREAS.filter((area) => !area.built).map((area) => (
          <Route key={area.path} path={`${area.path}/*`} element={<ComingSoon area={area} />} />
        ))}
        <Route path="*" element={<DashboardPage />} />
      </Routes>
    </Shell>
  );
}

function Gate() {
  const { session } = useSession();
  if (session === undefined) return <Spin size="large" className="fx-center" />;
  return session === null ? <LoginPage /> : <SignedInRoutes />;
}

function Localised() {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/screen" element={<BigScreenPage />} />
              <Route path="*" element={<Gate />} />
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** The whole console. */
export function ConsoleApp() {
  return (
    <I18nProvider>
      <Localised />
    </I18nProvider>
  );
}
