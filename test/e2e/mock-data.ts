// In-memory stand-in for the KTGS API (docs/api.md), used only to look at the web UI before or
// without the real server. It is not a specification of server behaviour.
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../common/audit.ts';
import type { Org, OrgKind } from '../../common/orgs.ts';
import type { User } from '../../common/users.ts';

export const orgs = new Map<string, Org>();

function addOrg(parent: Org | null, code: string, name: string, kind: OrgKind, extra: Partial<Org> = {}): Org {
  const id = randomUUID();
  const org: Org = {
    id,
    parentId: parent?.id ?? null,
    code,
    name,
    kind,
    path: parent ? `${parent.path}.${code}` : code,
    level: parent ? parent.level + 1 : 0,
    provinceCode: kind === 'central' ? null : (parent?.provinceCode ?? '01'),
    hasCommittee: kind !== 'cell',
    hasInspectionCommittee: kind === 'province' || kind === 'commune',
    secrecy: 0,
    validFrom: '2025-07-01',
    validTo: null,
    childCount: 0,
    version: 1,
    ...extra,
  };
  orgs.set(id, org);
  if (parent) parent.childCount += 1;
  return org;
}

const root = addOrg(null, 'TW', 'Trung ương', 'central');
const province = addOrg(root, 'T01', 'Đảng bộ thành phố Hà Nội', 'province', { provinceCode: '01' });
for (let i = 1; i <= 120; i++) {
  const c = addOrg(
    province,
    `X01_${String(i).padStart(3, '0')}`,
    `Đảng bộ phường ${['Ba Đình', 'Hoàn Kiếm', 'Tây Hồ', 'Đống Đa', 'Cầu Giấy'][i % 5]} ${i}`,
    'commune',
  );
  if (i <= 3) for (let j = 1; j <= 4; j++) addOrg(c, `${c.code}_CB${j}`, `Chi bộ khu dân cư số ${j}`, 'cell');
}
addOrg(province, 'T01_CQ', 'Đảng bộ các cơ quan Đảng thành phố', 'agency', { secrecy: 1 });
export const rootOrg = root;

export function children(parentId: string): Org[] {
  return [...orgs.values()].filter((o) => o.parentId === parentId);
}
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();
export function search(q: string): Org[] {
  const f = fold(q);
  return [...orgs.values()].filter((o) => fold(o.name).includes(f) || fold(o.code).includes(f)).slice(0, 50);
}
export function newOrg(parentId: string, body: Partial<Org>): Org {
  const parent = orgs.get(parentId);
  if (!parent) throw new Error('no parent');
  return addOrg(parent, String(body.code), String(body.name), body.kind ?? 'cell', body);
}

export const users = new Map<string, User & { password: string }>();
export function addUser(username: string, fullName: string, password: string, extra: Partial<User> = {}) {
  const u = {
    id: randomUUID(),
    username,
    fullName,
    email: null,
    clearance: 0,
    disabled: false,
    totpEnabled: false,
    mustChangePassword: true,
    lastLoginAt: null,
    createdAt: new Date().toISOString(),
    version: 1,
    roles: [{ role: 'admin' as const, orgId: province.id, orgName: province.name, orgPath: province.path }],
    password,
    ...extra,
  };
  users.set(u.id, u);
  return u;
}
addUser('admin', 'Nguyễn Văn Quản Trị', 'MotLan-123456', { clearance: 3 });
addUser('thanh.tra', 'Trần Thị Thanh', 'x'.repeat(12), { totpEnabled: true, mustChangePassword: false });

export const audit: AuditEntry[] = [];
export function log(action: string, actor: string | null, entityType: string | null = null, entityId: string | null = null) {
  const seq = audit.length + 1;
  audit.push({
    seq,
    at: new Date().toISOString(),
    actorId: null,
    actorName: actor,
    scopePath: null,
    action,
    entityType,
    entityId,
    beforeDigest: null,
    afterDigest: null,
    requestId: `req-${randomUUID().slice(0, 8)}`,
    detail: null,
    hash: randomUUID().replaceAll('-', '') + randomUUID().replaceAll('-', ''),
  });
}
log('system.bootstrap', null);
