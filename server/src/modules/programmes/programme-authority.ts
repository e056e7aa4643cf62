// The facts the authority rule (domain/cases/authority.ts) needs, read from the registry: the deciding
// body as registered, and the subject (an organisation, or a member with the committees they sit on).
import type { BodyType } from '../../../../common/cases.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import type { Tx } from '../../db/context.ts';
import type { BodyOrg, DecidingBody } from '../../domain/cases/authority.ts';
import * as repo from './programmes.repository.ts';

/**
 * Whether this body can exist in this organisation (Điều lệ Đảng, Điều 24, 30, 32), as mayRun judges it:
 * a chi bộ cơ sở is registered as a tổ chức cơ sở without an inspection committee.
 */
export function bodyProblem(type: BodyType, org: repo.OrgRow): string | null {
  if (type === 'ubkt' && (!org.has_inspection_committee || org.kind === 'cell'))
    return 'Tổ chức đảng này không có Ủy ban Kiểm tra (Điều lệ Đảng, Điều 32: Ủy ban Kiểm tra được lập từ đảng ủy cơ sở trở lên).';
  if ((type === 'committee' || type === 'standing_committee') && (!org.has_committee || org.kind === 'cell'))
    return 'Tổ chức đảng này không có cấp ủy, ban thường vụ để ra quyết định.';
  if (type === 'cell' && org.kind !== 'cell' && !(org.kind === 'grassroots' && !org.has_inspection_committee))
    return 'Chỉ chi bộ mới ra chương trình với tư cách chi bộ.';
  return null;
}

export async function decidingBody(tx: Tx, type: BodyType, org: repo.OrgRow): Promise<DecidingBody> {
  const base: BodyOrg = {
    kind: org.kind as OrgKind,
    level: org.level,
    path: org.path,
    hasCommittee: org.has_committee,
    hasInspectionCommittee: org.has_inspection_committee,
  };
  // Only a chi bộ's size and chi ủy matter to the rule (thematic supervision by a chi bộ).
  if (type !== 'cell') return { type, org: base };
  return { type, org: { ...base, ...(await repo.cellFacts(tx, org.id)) } };
}
