// Which body may decide which form of discipline on whom (Điều lệ Đảng, Điều 36–37; Quy định 296-QĐ/TW;
// domain.md §4 "Authority"). Pure: no I/O. Paths are ltree paths ('TW.T40.X17662…').
import type { BodyType } from '../../../../common/cases.ts';
import { type DisciplineForm, FORM_LABELS } from '../../../../common/discipline.ts';
import type { OrgKind } from '../../../../common/orgs.ts';

export type DecidingBody = {
  type: BodyType;
  orgKind: OrgKind;
  orgPath: string;
  /** The body belongs to a grassroots party organisation (đảng ủy cơ sở); defaults to orgKind === 'grassroots'. */
  isGrassrootsCommittee?: boolean;
  /** The grassroots committee is authorised to admit members (được ủy quyền kết nạp đảng viên). */
  canAdmitMembers?: boolean;
};
export type DisciplineSubject =
  | {
      kind: 'member';
      /** Path of the organisation the member belongs to (sinh hoạt). */
      memberOrgPath: string;
      /** Committees (cấp ủy) the member sits on: the organisation's path and its level (nlevel). */
      committeeOf?: readonly { orgPath: string; level: number }[];
      /** The committee that manages the member as a cadre (diện … quản lý), when above the member's own. */
      managedByOrgPath?: string | null;
      /** Some violation concerns a duty assigned by a higher level: a chi bộ proposes upwards. */
      assignedByHigherLevel?: boolean;
    }
  | { kind: 'org'; orgPath: string; parentPath: string };
export type DisciplineAuthority = { allowed: true } | { allowed: false; reason: string };

/** Figures and readings not confirmed from the full text (domain.md: configurable). */
export type DisciplineAuthorityConfig = {
  /** Organisation kinds whose committee, standing committee and UBKT decide every form for members they manage. */
  allFormsKinds: readonly OrgKind[];
  /** How many levels above the organisation the body deciding dissolution sits (2: the level above the direct superior). */
  dissolutionLevelsUp: number;
};
/**
 * Defaults: provincial level and equivalent (tỉnh, đảng bộ khối/cơ quan) and Trung ương; since 2025 the commune
 * committee is the level directly above grassroots and holds the former district level's powers.
 */
export const DISCIPLINE_AUTHORITY_DEFAULTS: DisciplineAuthorityConfig = {
  allFormsKinds: ['central', 'province', 'agency', 'commune'],
  dissolutionLevelsUp: 2,
};

const ok: DisciplineAuthority = { allowed: true };
const no = (reason: string): DisciplineAuthority => ({ allowed: false, reason });
const within = (path: string, ancestor: string) => path === ancestor || path.startsWith(`${ancestor}.`);
const strictlyBelow = (path: string, ancestor: string) => path.startsWith(`${ancestor}.`);
const upBy = (path: string, n: number) => path.split('.').slice(0, -n).join('.');
const MEMBER_RULE = 'Điều lệ Đảng, Điều 36';
const ORG_RULE = 'Điều lệ Đảng, Điều 37';

export function mayDecide(
  form: DisciplineForm,
  body: DecidingBody,
  subject: DisciplineSubject,
  config: DisciplineAuthorityConfig = DISCIPLINE_AUTHORITY_DEFAULTS,
): DisciplineAuthority {
  const label = FORM_LABELS[form].toLowerCase();
  return subject.kind === 'org' ? forOrg(form, label, body, subject, config) : forMember(form, label, body, subject, config);
}

function forOrg(
  form: DisciplineForm,
  label: string,
  body: DecidingBody,
  subject: { orgPath: string; parentPath: string },
  config: DisciplineAuthorityConfig,
): DisciplineAuthority {
  if (form === 'removal' || form === 'expulsion') return no(`Hình thức ${label} không áp dụng với tổ chức đảng (${ORG_RULE}).`);
  if (body.type !== 'committee' && body.type !== 'standing_committee')
    return no(
      `Kỷ luật tổ chức đảng do cấp ủy hoặc ban thường vụ cấp ủy cấp trên quyết định, không do ${body.type === 'ubkt' ? 'ủy ban kiểm tra' : 'chi bộ'} (${ORG_RULE}).`,
    );
  if (form === 'dissolution') {
    const above = upBy(subject.orgPath, config.dissolutionLevelsUp);
    if (body.orgPath === above) return ok;
    return no(
      `Giải tán tổ chức đảng do cấp ủy cấp trên trực tiếp đề nghị và cấp ủy cấp trên cách một cấp quyết định (${ORG_RULE}); cấp này không có thẩm quyền.`,
    );
  }
  if (body.orgPath === subject.parentPath) return ok;
  return no(
    `Khiển trách, cảnh cáo tổ chức đảng do cấp ủy (ban thường vụ) cấp trên trực tiếp quyết định (${ORG_RULE}); cấp này không phải cấp trên trực tiếp.`,
  );
}

function forMember(
  form: DisciplineForm,
  label: string,
  body: DecidingBody,
  m: Extract<DisciplineSubject, { kind: 'member' }>,
  config: DisciplineAuthorityConfig,
): DisciplineAuthority {
  if (form === 'dissolution') return no(`Hình thức giải tán chỉ áp dụng với tổ chức đảng (${ORG_RULE}).`);
  if (!within(m.memberOrgPath, body.orgPath))
    return no(`Đảng viên không thuộc đảng bộ, chi bộ của cấp quyết định kỷ luật (${MEMBER_RULE}).`);
  const committees = m.committeeOf ?? [];
  const light = form === 'reprimand' || form === 'warning';

  // Chi bộ: reprimand or warning of its own members (also committee members of higher levels who belong to it).
  if (body.type === 'cell') {
    if (m.memberOrgPath !== body.orgPath) return no(`Chi bộ chỉ kỷ luật đảng viên sinh hoạt trong chi bộ (${MEMBER_RULE}).`);
    if (!light)
      return no(`Chi bộ chỉ được khiển trách, cảnh cáo đảng viên; hình thức ${label} phải đề nghị cấp trên quyết định (${MEMBER_RULE}).`);
    if (m.assignedByHigherLevel)
      return no(
        `Vi phạm trong thực hiện nhiệm vụ do cấp trên giao: chi bộ không quyết định mà đề nghị cấp ủy cấp trên xem xét, quyết định (${MEMBER_RULE}).`,
      );
    return ok;
  }

  // A committee member of a level above the body, or a cadre managed above it, is not within its management.
  const above = committees.find((c) => strictlyBelow(body.orgPath, c.orgPath));
  const managedAbove = m.managedByOrgPath && strictlyBelow(body.orgPath, m.managedByOrgPath);
  const grassroots = body.isGrassrootsCommittee ?? body.orgKind === 'grassroots';

  if (grassroots) {
    if (above || managedAbove) {
      return no(
        `Đảng viên là cấp ủy viên hoặc cán bộ thuộc diện cấp ủy cấp trên quản lý: cấp cơ sở không quyết định hình thức ${label} (${MEMBER_RULE}).`,
      );
    }
    const sameLevel = committees.some((c) => c.orgPath === body.orgPath);
    if (body.type === 'ubkt' && (!light || sameLevel))
      return no(
        `Ủy ban Kiểm tra đảng ủy cơ sở chỉ khiển trách, cảnh cáo đảng viên trong đảng bộ, trừ cấp ủy viên cùng cấp (${MEMBER_RULE}).`,
      );
    if (light) return ok;
    if (form === 'removal') {
      if (committees.some((c) => strictlyBelow(c.orgPath, body.orgPath))) return ok;
      return no(
        `Đảng ủy cơ sở chỉ cách chức cấp ủy viên cấp dưới (chi ủy viên); cách chức cấp ủy viên cùng cấp hoặc chức vụ khác do cấp trên quyết định (${MEMBER_RULE}).`,
      );
    }
    // Expulsion.
    if (!body.canAdmitMembers) return no(`Đảng ủy cơ sở chỉ được khai trừ đảng viên khi được ủy quyền kết nạp đảng viên (${MEMBER_RULE}).`);
    if (sameLevel) return no(`Đảng ủy cơ sở không khai trừ cấp ủy viên cùng cấp: đề nghị cấp trên quyết định (${MEMBER_RULE}).`);
    return ok;
  }

  if (config.allFormsKinds.includes(body.orgKind)) {
    if (above) return no(`Đảng viên là cấp ủy viên cấp trên: do cấp trên xem xét, quyết định kỷ luật (${MEMBER_RULE}).`);
    if (managedAbove) return no(`Đảng viên là cán bộ thuộc diện cấp ủy cấp trên quản lý: do cấp trên quyết định kỷ luật (${MEMBER_RULE}).`);
    if (body.type === 'ubkt' && committees.some((c) => c.orgPath === body.orgPath))
      return no(
        `Ủy ban Kiểm tra không quyết định kỷ luật cấp ủy viên cùng cấp: do cấp ủy, ban thường vụ cùng cấp quyết định (${MEMBER_RULE}).`,
      );
    return ok;
  }
  return no(`Cấp này không có thẩm quyền quyết định hình thức ${label} đối với đảng viên (${MEMBER_RULE}).`);
}
