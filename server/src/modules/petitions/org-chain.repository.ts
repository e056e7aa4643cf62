// The organisation chain screening looks the competent body up in (domain/petitions/competence.ts): the
// subject's ancestors, the committees the member sits on, the body that manages them as a cadre, and the
// body that took the last discipline decision about the subject. Read in a SYSTEM transaction of its own,
// before the officer's: the levels above the officer's scope are hidden from them by row-level security,
// yet which body is competent (names, paths, kinds) is no secret.
import type { OrgKind } from '../../../../common/orgs.ts';
import type { Tx } from '../../db/context.ts';
import type { OrgNode, PetitionSubject } from '../../domain/petitions/competence.ts';

const COMMITTEE_POSTS = ['secretary', 'deputy_secretary', 'standing_member', 'committee_member'];

export interface ChainOrg extends OrgNode {
  id: string;
}

export interface SubjectChain {
  orgs: ChainOrg[];
  subject: PetitionSubject | null;
  /** The organisation that took the last discipline decision about the subject, for a complaint. */
  disciplineDecidedByPath: string | null;
}

function ancestorsOf(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

export async function subjectChain(
  tx: Tx,
  p: { subject_member_id: string | null; subject_org_id: string | null; subject_path: string | null; scope_path: string },
): Promise<SubjectChain> {
  const paths = new Set<string>(ancestorsOf(p.scope_path));
  let subject: PetitionSubject | null = null;
  let decided: { scope_path: string } | undefined;
  if (p.subject_member_id && p.subject_path) {
    const posts = await tx
      .selectFrom('post as ps')
      .leftJoin('org_unit as o', 'o.id', 'ps.org_id')
      .leftJoin('org_unit as mo', 'mo.id', 'ps.managed_by_org_id')
      .select(['ps.code', 'o.path as org_path', 'mo.path as managed_by_path'])
      .where('ps.member_id', '=', p.subject_member_id)
      .where('ps.to_date', 'is', null)
      .execute();
    const committeeMemberOf = posts.filter((x) => COMMITTEE_POSTS.includes(x.code) && x.org_path).map((x) => x.org_path as string);
    const managedByPath = posts.find((x) => x.managed_by_path)?.managed_by_path ?? null;
    subject = { type: 'member', orgPath: p.subject_path, committeeMemberOf, managedByPath };
    for (const c of [p.subject_path, ...committeeMemberOf, ...(managedByPath ? [managedByPath] : [])])
      for (const a of ancestorsOf(c)) paths.add(a);
    decided = await tx
      .selectFrom('discipline_decision')
      .select('scope_path')
      .where('subject_member_id', '=', p.subject_member_id)
      .orderBy('decided_on', 'desc')
      .executeTakeFirst();
  } else if (p.subject_org_id && p.subject_path) {
    subject = { type: 'org', path: p.subject_path };
    for (const a of ancestorsOf(p.subject_path)) paths.add(a);
    decided = await tx
      .selectFrom('discipline_decision')
      .select('scope_path')
      .where('subject_org_id', '=', p.subject_org_id)
      .orderBy('decided_on', 'desc')
      .executeTakeFirst();
  }
  if (decided) for (const a of ancestorsOf(decided.scope_path)) paths.add(a);
  const rows = await tx
    .selectFrom('org_unit')
    .select(['id', 'path', 'kind', 'name', 'has_inspection_committee'])
    .where('path', 'in', [...paths])
    .execute();
  const orgs = rows.map((r) => ({
    id: r.id,
    path: r.path,
    kind: r.kind as OrgKind,
    name: r.name,
    hasInspectionCommittee: r.has_inspection_committee,
  }));
  // Without a recorded decision, a complaint about an organisation is taken as about that organisation's own
  // decision; for a member the officer must establish who decided (then the rule answers `undetermined`).
  const decidedBy = decided?.scope_path ?? (subject?.type === 'org' ? subject.path : null);
  return { orgs, subject, disciplineDecidedByPath: decidedBy };
}
