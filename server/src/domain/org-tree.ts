// Rules of the organisation tree (domain.md §1). Pure: no I/O.
import { ALLOWED_CHILDREN, type OrgKind } from '../../../common/orgs.ts';

export { ALLOWED_CHILDREN };

/** Returns a Vietnamese reason the placement is wrong, or null. */
export function placementProblem(parentKind: OrgKind, childKind: OrgKind): string | null {
  return ALLOWED_CHILDREN[parentKind].includes(childKind) ? null : 'Loại tổ chức này không thể trực thuộc tổ chức cấp trên đã chọn.';
}

/** An inspection committee exists at đảng ủy cơ sở level and above, never in a chi bộ (domain.md §1). */
export function inspectionCommitteeProblem(kind: OrgKind, hasInspectionCommittee: boolean, hasCommittee: boolean): string | null {
  if (!hasInspectionCommittee) return null;
  if (kind === 'cell') return 'Chi bộ không có Ủy ban Kiểm tra (Điều lệ Đảng, Điều 32).';
  if (!hasCommittee) return 'Chỉ tổ chức có cấp ủy (đảng ủy) mới có Ủy ban Kiểm tra.';
  return null;
}
