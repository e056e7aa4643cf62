// Fills the domain's CoverageFacts (server/src/domain/coverage/facts.ts) from SQL for one subtree and
// year: organisations listed, members only as per-organisation totals plus those the items name.
import type { SensitiveArea } from '../../../../common/posts.ts';
import type { Tx } from '../../db/context.ts';
import type { CoverageFacts, CoverageMember, CoverageOrg, OrgMemberTotals, WorkItem } from '../../domain/coverage/facts.ts';
import { DEFAULT_TARGETS } from '../../domain/coverage/targets.ts';
import * as repo from './coverage.repository.ts';

export interface LoadedFacts {
  facts: CoverageFacts;
  /** Plan items by id, for naming the ones not done. */
  planItems: Map<string, repo.PlanItemRow>;
  /** True when the planner's candidates were capped (the subtree has more members than the cap). */
  partial: boolean;
}

export function yearBounds(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function toMember(m: repo.MemberRow): CoverageMember {
  return {
    id: m.id,
    name: m.full_name,
    orgId: m.org_id,
    isSecretaryOrDeputy: m.leader,
    sensitiveAreas: (m.areas ?? []) as SensitiveArea[],
  };
}

/**
 * `candidates`: how many of the subtree's members the planner may consider (0 for coverage alone).
 * Organisations: those existing in the year; a chi bộ is a `cell` or a grassroots organisation without
 * cells under it (chi bộ cơ sở).
 */
export async function loadFacts(tx: Tx, root: repo.OrgRow, year: number, candidates = 0): Promise<LoadedFacts> {
  const { from, to } = yearBounds(year);
  // The root is measured even for a year before it was formed (communes of 1/7/2025 asked about 2024).
  const found = await repo.subtreeOrgs(tx, root.path, from, to);
  const rows = [found.find((o) => o.id === root.id) ?? { ...root, members: 0, leaders: 0 }, ...found.filter((o) => o.id !== root.id)];
  const parent = root.parent_id ? await repo.findOrg(tx, root.parent_id) : undefined;
  const hasChildren = new Set(rows.map((o) => o.parent_id));
  const orgs: CoverageOrg[] = [...rows, ...(parent ? [parent] : [])].map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind as CoverageOrg['kind'],
    parentId: o.parent_id,
    isCell: o.kind === 'cell' || (o.kind === 'grassroots' && !hasChildren.has(o.id)),
  }));
  const isCell = new Map(orgs.map((o) => [o.id, o.isCell]));
  // Secretaries and deputies of a đảng ủy or a commune are not cell leaders: only cells' count.
  const totals = new Map<string, OrgMemberTotals>(
    rows.map((o) => [o.id, { members: o.members, leaders: isCell.get(o.id) ? o.leaders : 0 }]),
  );

  const done = await repo.doneCases(tx, root.path, from, to);
  const plan = await repo.planItems(tx, root.path, year);
  const doneByItem = new Set(done.flatMap((c) => (c.programme_item_id ? [c.programme_item_id] : [])));
  const planIds = new Set(plan.map((i) => i.id));
  const items: WorkItem[] = [
    ...plan.map(
      (i): WorkItem => ({
        id: i.id,
        kind: i.kind,
        status: doneByItem.has(i.id) ? 'done' : 'planned',
        subjectOrgId: i.subject_org_id,
        subjectMemberId: i.subject_member_id,
        bodyOrgId: i.body_org_id,
        inPlan: true,
      }),
    ),
    // Work done outside this year's plan (on signs of violation, or planned another year).
    ...done
      .filter((c) => !(c.programme_item_id && planIds.has(c.programme_item_id)))
      .map(
        (c): WorkItem => ({
          id: c.id,
          kind: c.kind,
          status: 'done',
          subjectOrgId: c.subject_org_id,
          subjectMemberId: c.subject_member_id,
          bodyOrgId: c.body_org_id,
          inPlan: false,
        }),
      ),
  ];
  // A member named by an item is placed in the organisation the item recorded (subject_path): no
  // lookup of thousands of members. Only thematic work needs to know who is a cell secretary or deputy.
  const orgByPath = new Map(rows.map((o) => [o.path, o.id]));
  const paths = new Map<string, string>();
  for (const r of [...done, ...plan]) if (r.subject_member_id) paths.set(r.subject_member_id, r.subject_path);
  const thematic = new Set<string>(DEFAULT_TARGETS.targets.leadersThematic.kinds);
  const leaders = new Set(
    await repo.leadersAmong(tx, [...new Set(items.flatMap((i) => (i.subjectMemberId && thematic.has(i.kind) ? [i.subjectMemberId] : [])))]),
  );
  const members = new Map<string, CoverageMember>();
  for (const [id, path] of paths) {
    const orgId = orgByPath.get(path);
    if (orgId) members.set(id, { id, name: '', orgId, isSecretaryOrDeputy: leaders.has(id) });
  }
  let partial = false;
  if (candidates > 0) {
    const cands = await repo.candidateMembers(tx, root, to, candidates);
    for (const m of cands) members.set(m.id, toMember(m));
    const total = [...totals.values()].reduce((n, t) => n + t.members, 0);
    partial = total > cands.length;
  }
  return {
    facts: { year, rootOrgId: root.id, orgs, members: [...members.values()], items, memberTotals: totals },
    planItems: new Map(plan.map((i) => [i.id, i])),
    partial,
  };
}

export async function coverageHistory(tx: Tx, root: repo.OrgRow, year: number): Promise<Map<string, string>> {
  return new Map((await repo.lastCovered(tx, root.path, yearBounds(year).to)).map((r) => [r.id, r.last]));
}
