// Which body is competent for a petition (domain.md §2, §5): a denunciation goes to the body that manages the
// denounced member, or to the level directly above the denounced organisation; a discipline complaint to the
// level above the one that disciplined. Pure: the organisation chain is passed in as data.

import type { OrgKind } from '../../../../common/orgs.ts';
import type { CompetentBodyType } from '../../../../common/petitions.ts';

export type OrgNode = {
  path: string;
  kind: OrgKind;
  name: string;
  hasInspectionCommittee: boolean;
};

export type PetitionSubject =
  | { type: 'org'; path: string }
  | {
      type: 'member';
      /** The organisation the member belongs to (sinh hoạt). */
      orgPath: string;
      /** Organisations whose party committee the member sits on (cấp ủy viên). */
      committeeMemberOf?: readonly string[];
      /** The organisation whose committee manages the member as a cadre (cán bộ diện … quản lý). */
      managedByPath?: string | null;
    };

export type CompetentBody = {
  path: string;
  name: string;
  type: CompetentBodyType;
  /** Why this body, in Vietnamese, citing the rule. */
  reason: string;
};

function parentPath(path: string): string | null {
  const i = path.lastIndexOf('.');
  return i < 0 ? null : path.slice(0, i);
}

/** A chi bộ cơ sở is registered as 'grassroots' without an inspection committee: it resolves as a chi bộ. */
function resolverType(org: OrgNode): CompetentBodyType {
  if (org.kind === 'cell' || (org.kind === 'grassroots' && !org.hasInspectionCommittee)) return 'cell';
  return org.hasInspectionCommittee ? 'ubkt' : 'committee';
}

function body(org: OrgNode, reason: string): CompetentBody {
  return { path: org.path, name: org.name, type: resolverType(org), reason };
}

/** The shallowest of the given paths: the highest level wins (cấp ủy viên cấp trên do cấp trên giải quyết). */
function highest(paths: readonly string[]): string | null {
  let best: string | null = null;
  for (const p of paths) if (best === null || p.split('.').length < best.split('.').length) best = p;
  return best;
}

/**
 * The body competent to resolve a denunciation about `subject`, or null when the chain given does not hold it
 * (then an officer decides). Quy định 296-QĐ/TW and Điều lệ Đảng, Điều 32: a chi bộ resolves denunciations
 * about its own members; the UBKT of a level resolves them about the organisations and members its committee
 * manages; a committee member or a cadre managed by a higher committee is a matter for that higher level.
 */
export function competentBody(subject: PetitionSubject, orgs: readonly OrgNode[]): CompetentBody | null {
  const byPath = new Map(orgs.map((o) => [o.path, o]));
  if (subject.type === 'org') {
    const parent = parentPath(subject.path);
    const org = parent ? byPath.get(parent) : undefined;
    // Nothing is above the top of the tree: an officer decides.
    if (!parent) return null;
    return org
      ? body(org, 'Tố cáo đối với tổ chức đảng do cấp ủy, ủy ban kiểm tra cấp trên trực tiếp giải quyết (Quy định 296-QĐ/TW).')
      : null;
  }
  const upper = highest([...(subject.committeeMemberOf ?? []), ...(subject.managedByPath ? [subject.managedByPath] : [])]);
  if (upper) {
    const org = byPath.get(upper);
    return org
      ? body(
          org,
          'Đảng viên là cấp ủy viên hoặc cán bộ thuộc diện cấp ủy này quản lý: tố cáo do cấp quản lý giải quyết (Quy định 296-QĐ/TW; Điều lệ Đảng, Điều 32).',
        )
      : null;
  }
  const own = byPath.get(subject.orgPath);
  if (!own) return null;
  if (resolverType(own) === 'cell')
    return body(own, 'Chi bộ giải quyết tố cáo đối với đảng viên sinh hoạt tại chi bộ (Quy định 296-QĐ/TW).');
  return body(own, 'Tố cáo đối với đảng viên do ủy ban kiểm tra của tổ chức đảng quản lý đảng viên giải quyết (Điều lệ Đảng, Điều 32).');
}

/**
 * The body competent for a complaint about a discipline decision: the level directly above the one that
 * decided (Điều lệ Đảng, Điều 39; domain.md §5: no skipping levels). Null when that level is not in the chain.
 */
export function competentForComplaint(decidedByPath: string, orgs: readonly OrgNode[]): CompetentBody | null {
  const parent = parentPath(decidedByPath);
  const org = parent ? orgs.find((o) => o.path === parent) : undefined;
  if (!org) return null;
  return {
    path: org.path,
    name: org.name,
    // A chi bộ has no level below it, so the level above a decider is never resolved "as a cell".
    type: org.hasInspectionCommittee ? 'ubkt' : 'committee',
    reason:
      'Khiếu nại kỷ luật do cấp ủy, ủy ban kiểm tra cấp trên trực tiếp của tổ chức đã quyết định kỷ luật giải quyết (Điều lệ Đảng, Điều 39).',
  };
}

/** Whether `ancestor` is strictly above `path` in the tree. */
export function isAbove(ancestor: string, path: string): boolean {
  return path.startsWith(`${ancestor}.`);
}
