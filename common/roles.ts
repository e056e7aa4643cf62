// Roles, permissions and clearance levels: the one catalogue both server and web read.

export const ROLES = [
  'admin',
  'ubkt_leader',
  'ubkt_officer',
  'committee_member',
  'cell_secretary',
  'viewer',
  'auditor',
  'petition_custodian',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  ubkt_leader: 'Lãnh đạo Ủy ban Kiểm tra',
  ubkt_officer: 'Cán bộ Ủy ban Kiểm tra',
  committee_member: 'Cấp ủy viên',
  cell_secretary: 'Bí thư chi bộ',
  viewer: 'Người xem',
  auditor: 'Kiểm toán nhật ký',
  petition_custodian: 'Người quản lý đơn thư mật',
};

export const PERMISSIONS = [
  'org.read',
  'org.write',
  'user.manage',
  'audit.read',
  'petition.identity.read',
  'member.read',
  'member.write',
  'member.import',
  'member.identity.read',
  'calendar.write',
  // Inspection and supervision (issue #4): read programmes, cases and their documents; run them;
  // approve programmes and conclusions (the body's leadership); submit one's own supervision report.
  'inspection.read',
  'inspection.write',
  'inspection.approve',
  'supervision.report',
  // Discipline (issue #5): read matters and decisions; prepare matters, record meetings and handle
  // complaints; record the deciding body's vote and decision.
  'discipline.read',
  'discipline.write',
  'discipline.decide',
  // Petitions (issue #6): read letters (never the sender's identity: petition.identity.read), register,
  // screen, answer and message the sender.
  'petition.read',
  'petition.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['org.read', 'org.write', 'user.manage', 'member.read', 'member.write', 'member.import', 'calendar.write'],
  ubkt_leader: [
    'org.read',
    'member.read',
    'member.identity.read',
    'inspection.read',
    'inspection.write',
    'inspection.approve',
    'discipline.read',
    'discipline.write',
    'discipline.decide',
    'petition.read',
    'petition.write',
  ],
  ubkt_officer: [
    'org.read',
    'member.read',
    'member.write',
    'member.import',
    'member.identity.read',
    'inspection.read',
    'inspection.write',
    'discipline.read',
    'discipline.write',
    'petition.read',
    'petition.write',
  ],
  committee_member: [
    'org.read',
    'member.read',
    'inspection.read',
    'inspection.approve',
    'supervision.report',
    'discipline.read',
    'discipline.decide',
  ],
  cell_secretary: [
    'org.read',
    'member.read',
    'member.write',
    'inspection.read',
    'inspection.write',
    'inspection.approve',
    'discipline.read',
    'discipline.write',
    'discipline.decide',
    'petition.read',
    'petition.write',
  ],
  viewer: ['org.read', 'member.read', 'inspection.read'],
  auditor: ['org.read', 'audit.read'],
  petition_custodian: ['org.read', 'petition.read', 'petition.identity.read'],
};

/** Roles that can reach confidential data must sign in with a second factor (design.md, security model). */
export const DEFAULT_TOTP_REQUIRED_ROLES: readonly Role[] = ['admin', 'ubkt_leader', 'ubkt_officer', 'auditor', 'petition_custodian'];

/** Secrecy levels (Luật Bảo vệ bí mật nhà nước 2018, Điều 8): 0 = không mật. */
export const CLEARANCES = [0, 1, 2, 3] as const;
export type Clearance = (typeof CLEARANCES)[number];
export const CLEARANCE_LABELS: Record<Clearance, string> = {
  0: 'Không mật',
  1: 'Mật',
  2: 'Tối mật',
  3: 'Tuyệt mật',
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r]) out.add(p);
  return out;
}
