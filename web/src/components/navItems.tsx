// The sider menu: overview, one entry per module (common/modules.ts), then administration.
import {
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  HomeOutlined,
  MailOutlined,
  SettingOutlined,
  TeamOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { Me } from '../../../common/auth.ts';
import { MODULES } from '../../../common/modules.ts';
import { hasPermission } from './session.tsx';

const MODULE_ICONS: Record<string, ReactNode> = {
  registry: <ApartmentOutlined />,
  inspection: <FileSearchOutlined />,
  discipline: <AuditOutlined />,
  petitions: <MailOutlined />,
  declarations: <WalletOutlined />,
  warnings: <AlertOutlined />,
  reports: <BarChartOutlined />,
};

export const USERS_PATH = '/quan-tri/nguoi-dung';
export const AUDIT_PATH = '/quan-tri/nhat-ky';

export function navItems(me: Me): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = [
    { key: '/', icon: <HomeOutlined />, label: 'Tổng quan' },
    ...MODULES.map((m) => ({ key: m.path, icon: MODULE_ICONS[m.key] ?? <AppstoreOutlined />, label: m.label })),
  ];
  const admin: NonNullable<MenuProps['items']> = [];
  if (hasPermission(me, 'user.manage')) admin.push({ key: USERS_PATH, icon: <TeamOutlined />, label: 'Người dùng' });
  if (hasPermission(me, 'audit.read')) admin.push({ key: AUDIT_PATH, icon: <FileProtectOutlined />, label: 'Nhật ký kiểm toán' });
  if (admin.length > 0) items.push({ key: 'admin', icon: <SettingOutlined />, label: 'Quản trị', children: admin });
  return items;
}

/** The menu key of the page at `pathname` (the longest matching entry); '' for pages outside the menu. */
export function selectedKey(pathname: string): string {
  if (pathname === '/') return '/';
  const keys = [...MODULES.map((m) => m.path), USERS_PATH, AUDIT_PATH];
  let best = '';
  for (const k of keys) if ((pathname === k || pathname.startsWith(`${k}/`)) && k.length > best.length) best = k;
  return best;
}
