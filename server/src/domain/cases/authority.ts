// Who may run which kind of work on whom (domain.md §2). Pure: no I/O.
import type { BodyType, CaseKind } from '../../../../common/cases.ts';
import type { OrgKind } from '../../../../common/orgs.ts';

export interface BodyOrg {
  kind: OrgKind;
  /** nlevel(path): 1 for Trung ương. */
  level: number;
  path: string;
  hasCommittee: boolean;
  hasInspectionCommittee: boolean;
  memberCount?: number;
  /** A chi bộ with a chi ủy. */
  hasCellCommittee?: boolean;
  /** Number of tổ đảng in a chi bộ. */
  partyGroups?: number;
}
export interface DecidingBody {
  type: BodyType;
  org: BodyOrg;
}
export type Subject =
  | { type: 'org'; org: { kind: OrgKind; path: string } }
  | {
      type: 'member';
      /** Path of the organisation the member belongs to (sinh hoạt). */
      orgPath: string;
      /** Paths of the organisations whose committee (cấp ủy) the member sits on. */
      isCommitteeMemberOf?: readonly string[];
    };
export type Authority = { allowed: true; note?: string } | { allowed: false; reason: string };

/** Figures not confirmed from the full text (domain.md: configurable). */
export interface AuthorityConfig {
  /** A chi bộ may run thematic supervision with more than this many members. */
  thematicCellMembersOver: number;
  /** …or with at least this many tổ đảng. */
  thematicCellMinPartyGroups: number;
  /** A committee member of a higher level is inspected and supervised by that level, not by a lower one. */
  upperCommitteeMembersReserved: boolean;
}
export const AUTHORITY_DEFAULTS: AuthorityConfig = {
  thematicCellMembersOver: 30,
  thematicCellMinPartyGroups: 2,
  upperCommitteeMembersReserved: true,
};

const ok: Authority = { allowed: true };
const no = (reason: string): Authority => ({ allowed: false, reason });

export function isBelow(path: string, ancestor: string): boolean {
  return path.startsWith(`${ancestor}.`);
}
function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || isBelow(path, ancestor);
}

/** Whether the body can exist at all in that organisation (Điều lệ Đảng, Điều 24, 31). */
function bodyProblem(body: DecidingBody): string | null {
  const { type, org } = body;
  if (type === 'ubkt' && (!org.hasInspectionCommittee || org.kind === 'cell'))
    return 'Tổ chức đảng này không có Ủy ban Kiểm tra (Điều lệ Đảng, Điều 31: Ủy ban Kiểm tra do cấp ủy cùng cấp bầu, từ đảng ủy cơ sở trở lên).';
  if ((type === 'committee' || type === 'standing_committee') && (!org.hasCommittee || org.kind === 'cell'))
    return 'Tổ chức đảng này không có cấp ủy, ban thường vụ để ra quyết định.';
  // A chi bộ cơ sở is registered as 'grassroots' without an inspection committee (configurable reading).
  if (type === 'cell' && org.kind !== 'cell' && !(org.kind === 'grassroots' && !org.hasInspectionCommittee))
    return 'Chỉ chi bộ mới ra quyết định với tư cách chi bộ.';
  return null;
}

const WHO: Record<CaseKind, readonly BodyType[]> = {
  // Điều lệ Đảng, Điều 32, khoản 1–2; Quy định 296-QĐ/TW (kiểm tra của chi bộ).
  'inspection.signs': ['ubkt', 'cell'],
  // Điều lệ Đảng, Điều 32 (kiểm tra tổ chức đảng cấp dưới thực hiện nhiệm vụ kiểm tra, giám sát, thi hành kỷ luật).
  'inspection.ktgs_duty': ['ubkt'],
  // Điều lệ Đảng, Điều 32, khoản 6.
  'inspection.finance': ['ubkt'],
  // Điều lệ Đảng, Điều 30, khoản 2; Quy định 296-QĐ/TW (kiểm tra của cấp ủy, ban thường vụ, chi bộ).
  'inspection.compliance': ['committee', 'standing_committee', 'cell'],
  // Điều lệ Đảng, Điều 30, 32; Quy định 296-QĐ/TW: giám sát phải mở rộng.
  'supervision.regular': ['ubkt', 'committee', 'standing_committee', 'cell'],
  'supervision.thematic': ['ubkt', 'committee', 'standing_committee', 'cell'],
};
const WHO_REASON: Record<CaseKind, string> = {
  'inspection.signs':
    'Kiểm tra khi có dấu hiệu vi phạm do Ủy ban Kiểm tra tiến hành (Điều lệ Đảng, Điều 32, khoản 1, 2), chi bộ kiểm tra đảng viên của chi bộ (Quy định 296-QĐ/TW).',
  'inspection.ktgs_duty':
    'Kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật là nhiệm vụ của Ủy ban Kiểm tra (Điều lệ Đảng, Điều 32).',
  'inspection.finance': 'Kiểm tra tài chính đảng là nhiệm vụ của Ủy ban Kiểm tra (Điều lệ Đảng, Điều 32, khoản 6).',
  'inspection.compliance':
    'Kiểm tra việc chấp hành do cấp ủy, ban thường vụ, chi bộ quyết định (Điều lệ Đảng, Điều 30); Ủy ban Kiểm tra chỉ tiến hành khi được cấp ủy giao, khi đó cơ quan quyết định là cấp ủy.',
  'supervision.regular': '',
  'supervision.thematic': '',
};

/** May this body run this kind of work on this subject? The refusal cites the rule. */
export function mayRun(kind: CaseKind, body: DecidingBody, subject: Subject, config: AuthorityConfig = AUTHORITY_DEFAULTS): Authority {
  const bp = bodyProblem(body);
  if (bp) return no(bp);
  if (!WHO[kind].includes(body.type)) return no(WHO_REASON[kind]);
  if (kind === 'supervision.thematic' && body.type === 'cell') {
    const o = body.org;
    const big = (o.memberCount ?? 0) > config.thematicCellMembersOver || (o.partyGroups ?? 0) >= config.thematicCellMinPartyGroups;
    if (!o.hasCellCommittee && !big)
      return no(
        `Chi bộ chỉ giám sát chuyên đề khi có chi ủy, có trên ${config.thematicCellMembersOver} đảng viên hoặc có nhiều tổ đảng (Quy định 296-QĐ/TW).`,
      );
  }
  return body.type === 'cell' ? cellSubject(kind, body, subject) : levelSubject(kind, body, subject, config);
}

/** A chi bộ works on its own members only: it has no organisation below it (Điều lệ Đảng, Điều 24). */
function cellSubject(kind: CaseKind, body: DecidingBody, subject: Subject): Authority {
  if (subject.type === 'org') return no('Chi bộ không có tổ chức đảng cấp dưới; chi bộ chỉ kiểm tra, giám sát đảng viên của chi bộ.');
  if (subject.orgPath !== body.org.path) return no('Chi bộ chỉ kiểm tra, giám sát đảng viên sinh hoạt tại chi bộ.');
  if (kind === 'inspection.signs')
    return { allowed: true, note: 'Chi bộ chỉ kiểm tra việc thực hiện nhiệm vụ đảng viên (Quy định 296-QĐ/TW).' };
  return ok;
}

function levelSubject(kind: CaseKind, body: DecidingBody, subject: Subject, config: AuthorityConfig): Authority {
  const here = body.org.path;
  if (subject.type === 'org') {
    // Điều lệ Đảng, Điều 32, khoản 6: also the finance office (cơ quan tài chính) of the committee of the same level.
    if (kind === 'inspection.finance' && subject.org.path === here) return ok;
    if (subject.org.path === here) return no('Tổ chức đảng không tự kiểm tra, giám sát chính mình; việc này thuộc cấp trên.');
    if (!isBelow(subject.org.path, here)) return no('Tổ chức đảng này không phải là cấp dưới của cơ quan ra quyết định.');
    return ok;
  }
  if (kind === 'inspection.ktgs_duty' || kind === 'inspection.finance')
    return no('Loại kiểm tra này tiến hành đối với tổ chức đảng, không đối với đảng viên (Điều lệ Đảng, Điều 32).');
  const committees = subject.isCommitteeMemberOf ?? [];
  // Checked first: sitting also on this level's committee does not bring a higher level's member down to it.
  if (config.upperCommitteeMembersReserved && committees.some((p) => isBelow(here, p)))
    return no('Đảng viên là cấp ủy viên cấp trên do cấp ủy, Ủy ban Kiểm tra cấp trên kiểm tra, giám sát (Điều lệ Đảng, Điều 32).');
  // Điều lệ Đảng, Điều 32, khoản 1: đảng viên, kể cả cấp ủy viên cùng cấp.
  if (committees.includes(here)) return ok;
  if (!isWithin(subject.orgPath, here)) return no('Đảng viên không thuộc đảng bộ của cơ quan ra quyết định.');
  return ok;
}
