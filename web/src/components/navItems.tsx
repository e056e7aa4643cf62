// The sider menu: overview, one entry per module (common/modules.ts), then administration.
import {
  AlertOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  DashboardOutlined,
  EyeOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  HomeOutlined,
  MailOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { Me } from '../../../common/auth.ts';
import { MODULES } from '../../../common/modules.ts';
import type { Permission } from '../../../common/roles.ts';
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
export const ORG_TREE_PATH = '/to-chuc';
export const MEMBERS_PATH = '/dang-vien';
export const IMPORT_PATH = '/nhap-du-lieu';
export const QUALITY_PATH = '/chat-luong-du-lieu';
export const CALENDAR_PATH = '/lich-lam-viec';

/** The registry's pages, each shown to those who may use it. */
const REGISTRY_PAGES: { path: string; label: string; permission: Permission; icon: ReactNode }[] = [
  { path: ORG_TREE_PATH, label: 'Cây tổ chức', permission: 'org.read', icon: <ClusterOutlined /> },
  { path: MEMBERS_PATH, label: 'Đảng viên', permission: 'member.read', icon: <UserOutlined /> },
  { path: IMPORT_PATH, label: 'Nhập dữ liệu', permission: 'member.import', icon: <UploadOutlined /> },
  { path: QUALITY_PATH, label: 'Chất lượng dữ liệu', permission: 'member.read', icon: <SafetyCertificateOutlined /> },
];
export const REGISTRY_MENU_KEY = 'registry';

export const INSPECTION_PATH = '/kiem-tra-giam-sat';
export const PROGRAMMES_PATH = '/kiem-tra-giam-sat/chuong-trinh';
export const CASES_PATH = '/kiem-tra-giam-sat/cuoc';
export const REMEDIATION_PATH = '/kiem-tra-giam-sat/khac-phuc';
export const SUPERVISION_REPORTS_PATH = '/kiem-tra-giam-sat/giam-sat-thuong-xuyen';
export const NOTIFICATIONS_PATH = '/thong-bao';

/** Inspection and supervision (issue #4): the dashboard, then the work itself. */
const INSPECTION_PAGES: { path: string; label: string; permission: Permission | null; icon: ReactNode }[] = [
  { path: INSPECTION_PATH, label: 'Bảng điều hành', permission: 'inspection.read', icon: <DashboardOutlined /> },
  { path: PROGRAMMES_PATH, label: 'Chương trình, kế hoạch', permission: 'inspection.read', icon: <ScheduleOutlined /> },
  { path: CASES_PATH, label: 'Cuộc kiểm tra, giám sát', permission: 'inspection.read', icon: <FileSearchOutlined /> },
  { path: REMEDIATION_PATH, label: 'Theo dõi khắc phục', permission: 'inspection.read', icon: <CheckSquareOutlined /> },
  { path: SUPERVISION_REPORTS_PATH, label: 'Giám sát thường xuyên', permission: null, icon: <EyeOutlined /> },
];
export const INSPECTION_MENU_KEY = 'inspection';

export const DISCIPLINE_PATH = '/ky-luat';
export const DISCIPLINE_COMPLAINTS_PATH = '/ky-luat/khieu-nai';
/** Discipline (issue #5): matters and decisions, then complaints about them. */
const DISCIPLINE_PAGES: { path: string; label: string; permission: Permission; icon: ReactNode }[] = [
  { path: DISCIPLINE_PATH, label: 'Xem xét, thi hành kỷ luật', permission: 'discipline.read', icon: <AuditOutlined /> },
  { path: DISCIPLINE_COMPLAINTS_PATH, label: 'Khiếu nại kỷ luật', permission: 'discipline.read', icon: <MailOutlined /> },
];
export const DISCIPLINE_MENU_KEY = 'discipline';

/** Modules shown only to those who may read them (the rest show their page, or say they are not built yet). */
const MODULE_PERMISSIONS: Record<string, Permission> = { petitions: 'petition.read' };

export function navItems(me: Me): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = [
    { key: '/', icon: <HomeOutlined />, label: 'Tổng quan' },
    ...MODULES.filter((m) => {
      const needs = MODULE_PERMISSIONS[m.key];
      return !needs || hasPermission(me, needs);
    }).map((m) => {
      const icon = MODULE_ICONS[m.key] ?? <AppstoreOutlined />;
      if (m.key === 'inspection') {
        const children = INSPECTION_PAGES.filter((p) => p.permission === null || hasPermission(me, p.permission)).map((p) => ({
          key: p.path,
          icon: p.icon,
          label: p.label,
        }));
        return { key: INSPECTION_MENU_KEY, icon, label: m.label, children };
      }
      if (m.key === 'discipline') {
        const children = DISCIPLINE_PAGES.filter((p) => hasPermission(me, p.permission)).map((p) => ({
          key: p.path,
          icon: p.icon,
          label: p.label,
        }));
        return { key: DISCIPLINE_MENU_KEY, icon, label: m.label, children };
      }
      if (m.key !== 'registry') return { key: m.path, icon, label: m.label };
      const children = REGISTRY_PAGES.filter((p) => hasPermission(me, p.permission)).map((p) => ({
        key: p.path,
        icon: p.icon,
        label: p.label,
      }));
      return { key: REGISTRY_MENU_KEY, icon, label: m.label, children };
    }),
  ];
  // Everyone counts deadlines in working days: the calendar is for all; recording it is for administrators.
  items.push({ key: CALENDAR_PATH, icon: <CalendarOutlined />, label: 'Lịch làm việc' });
  const admin: NonNullable<MenuProps['items']> = [];
  if (hasPermission(me, 'user.manage')) admin.push({ key: USERS_PATH, icon: <TeamOutlined />, label: 'Người dùng' });
  if (hasPermission(me, 'audit.read')) admin.push({ key: AUDIT_PATH, icon: <FileProtectOutlined />, label: 'Nhật ký kiểm toán' });
  if (admin.length > 0) items.push({ key: 'admin', icon: <SettingOutlined />, label: 'Quản trị', children: admin });
  return items;
}

/** The menu key of the page at `pathname` (the longest matching entry); '' for pages outside the menu. */
export function selectedKey(pathname: string): string {
  if (pathname === '/') return '/';
  const keys = [
    ...MODULES.map((m) => m.path),
    ...REGISTRY_PAGES.map((p) => p.path),
    ...INSPECTION_PAGES.map((p) => p.path),
    ...DISCIPLINE_PAGES.map((p) => p.path),
    USERS_PATH,
    AUDIT_PATH,
    CALENDAR_PATH,
    NOTIFICATIONS_PATH,
  ];
  let best = '';
  for (const k of keys) if ((pathname === k || pathname.startsWith(`${k}/`)) && k.length > best.length) best = k;
  return best;
}
