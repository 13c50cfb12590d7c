/** The areas of the console (issue 8) in navigation order, with their paths, icons and whether they exist yet. */
import {
  AlertOutlined,
  ApartmentOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FireOutlined,
  FlagOutlined,
  MessageOutlined,
  NotificationOutlined,
  SafetyOutlined,
  SendOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/i18n.js';

/** One area of the navigation. */
export interface Area {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** False while the page shows the "coming soon" placeholder. */
  built: boolean;
  /** The permission the area needs; without it the navigation leaves the area out (e.g. confidential clues). */
  permission?: string;
}

/** Every area, in the order the navigation shows them. */
export const AREAS: readonly Area[] = [
  { path: '/', label: 'nav.dashboard', icon: <DashboardOutlined />, built: true },
  { path: '/items', label: 'nav.items', icon: <FileSearchOutlined />, built: true },
  { path: '/schemes', label: 'nav.schemes', icon: <ApartmentOutlined />, built: true },
  { path: '/events', label: 'nav.events', icon: <FireOutlined />, built: true },
  { path: '/alerts', label: 'nav.alerts', icon: <AlertOutlined />, built: true },
  { path: '/incidents', label: 'nav.incidents', icon: <SafetyOutlined />, built: true },
  { path: '/clues', label: 'nav.clues', icon: <FlagOutlined />, built: true, permission: 'clues:read' },
  { path: '/appeals', label: 'nav.appeals', icon: <MessageOutlined />, built: true },
  { path: '/publications', label: 'nav.publications', icon: <NotificationOutlined />, built: true },
  { path: '/bulletins', label: 'nav.bulletins', icon: <SendOutlined />, built: true },
  { path: '/reports', label: 'nav.reports', icon: <FileTextOutlined />, built: true },
  { path: '/sources', label: 'nav.sources', icon: <CloudServerOutlined />, built: true },
  { path: '/system', label: 'nav.system', icon: <SettingOutlined />, built: true },
];

/** The area a location belongs to (the overview for `/`). */
export function areaOf(pathname: string): Area | undefined {
  if (pathname === '/') return AREAS[0];
  return AREAS.find((area) => area.path !== '/' && pathname.startsWith(area.path));
}
