// Coverage of a subtree against the targets of domain.md §7 for one year. Pure: the repository
// supplies the facts (facts.ts) and the rule configuration (targets.ts).
import { type CoverageFacts, type CoverageOrg, neededFor, type Subtree, subtreeOf, type WorkItem } from './facts.ts';
import { formatNumberVi, formatPercentVi, formatShareVi } from './format.ts';
import type { CoverageTargets, Target, TargetId } from './targets.ts';

export interface Indicator {
  targetId: TargetId;
  label: string;
  legalBasis: string;
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when nothing is there to count. */
  share: number | null;
  /** Target share in per cent. */
  target: number;
  /** False when the denominator is empty: the rule has nothing to apply to, which is not 0 %. */
  applicable: boolean;
  /** null when not applicable. */
  met: boolean | null;
  /** How many more subjects (or cells) must be covered to meet the target; 0 when met or not applicable. */
  missing: number;
  /** One Vietnamese line for lists and reports. */
  text: string;
}

export interface CellShortfall {
  orgId: string;
  name: string;
  parentId: string | null;
  members: number;
  covered: number;
  /** Covered count the cell must reach. */
  needed: number;
}

/** A rule every cell must meet: numerator and denominator count cells, `failingCells` names the others. */
export interface CellIndicator extends Indicator {
  /** The share each cell must reach (cellMembersInspected) or 100 (the cell is inspected at least once). */
  perCell: number;
  failingCells: CellShortfall[];
}

export interface PlanIndicator extends Indicator {
  planned: number;
  done: number;
  /** Planned items not yet done, by id. */
  notDone: string[];
  /** Work done outside the programme (e.g. on signs of violation): reported, never counted as planned. */
  unplannedDone: number;
}

export interface CoverageReport {
  year: number;
  rootOrgId: string;
  targetsVersion: number;
  orgsCovered: Indicator;
  membersCovered: Indicator;
  leadersThematic: Indicator;
  cellMembersInspected: CellIndicator;
  cellKtgsDuty: CellIndicator;
  cellFinance: CellIndicator;
  planDone: PlanIndicator;
}

const UNITS: Record<TargetId, string> = {
  orgsCovered: 'tổ chức đảng',
  membersCovered: 'đảng viên',
  leadersThematic: 'bí thư, phó bí thư chi bộ',
  cellMembersInspected: 'chi bộ',
  cellKtgsDuty: 'chi bộ trực thuộc đảng ủy cơ sở',
  cellFinance: 'chi bộ trực thuộc đảng ủy cơ sở',
  planDone: 'cuộc kiểm tra, giám sát theo kế hoạch',
};

function indicator(t: Target, numerator: number, denominator: number, targetPercent = t.percent): Indicator {
  const applicable = denominator > 0;
  const share = applicable ? numerator / denominator : null;
  // Compared in integers (numerator × 100 ≥ percent × denominator) so 2/20 meets 10 % exactly.
  const missing = applicable ? Math.max(0, neededFor(targetPercent, denominator) - numerator) : 0;
  const unit = UNITS[t.id];
  const text =
    share === null
      ? `${t.label}: không áp dụng (không có ${unit} nào trong phạm vi)`
      : `${t.label}: ${formatNumberVi(numerator)}/${formatNumberVi(denominator)} ${unit} (${formatShareVi(share)}; chỉ tiêu ${formatPercentVi(targetPercent)})`;
  return {
    targetId: t.id,
    label: t.label,
    legalBasis: t.legalBasis,
    numerator,
    denominator,
    share,
    target: targetPercent,
    applicable,
    met: applicable ? missing === 0 : null,
    missing,
    text,
  };
}

/** Done items of the target's kinds. Planned items never count as coverage. */
function doneOf(items: readonly WorkItem[], t: Target): WorkItem[] {
  const kinds = new Set(t.kinds);
  return items.filter((i) => i.status === 'done' && kinds.has(i.kind));
}

/** Ids of the organisations and members covered by done items of the target's kinds. */
export function coveredIds(items: readonly WorkItem[], t: Target): Set<string> {
  return new Set(doneOf(items, t).flatMap((i) => [i.subjectOrgId, i.subjectMemberId].filter((id) => id !== null)));
}

/** Distinct subjects: a member or organisation counts once however many items name it. */
function coveredMembers(items: readonly WorkItem[]): Set<string> {
  return new Set(items.flatMap((i) => (i.subjectMemberId === null ? [] : [i.subjectMemberId])));
}

function cellIndicator(t: Target, perCell: number, cells: CellShortfall[], aggregatePercent: number): CellIndicator {
  const failingCells = cells.filter((c) => c.covered < c.needed);
  const base = indicator(t, cells.length - failingCells.length, cells.length, aggregatePercent);
  const text =
    base.applicable && failingCells.length > 0 ? `${base.text}; chưa đạt: ${failingCells.map((c) => c.name).join('; ')}` : base.text;
  return { ...base, text, perCell, failingCells };
}

function cellsMembersInspected(sub: Subtree, items: readonly WorkItem[], t: Target): CellIndicator {
  // Grouped by body once: a province has thousands of cells and of items.
  const byBody = groupBy(doneOf(items, t), (i) => i.bodyOrgId);
  const cells: CellShortfall[] = [];
  for (const cell of sub.sorted().filter((o) => o.isCell)) {
    const members = sub.membersByOrg.get(cell.id) ?? [];
    const count = sub.memberCount(cell.id);
    // A cell without members has nothing to inspect: left out rather than counted as failing.
    if (count === 0) continue;
    const ids = new Set(members.map((m) => m.id));
    const own = coveredMembers((byBody.get(cell.id) ?? []).filter((i) => i.subjectMemberId !== null && ids.has(i.subjectMemberId)));
    cells.push({
      orgId: cell.id,
      name: cell.name,
      parentId: cell.parentId,
      members: count,
      covered: own.size,
      needed: neededFor(t.percent, count),
    });
  }
  return cellIndicator(t, t.percent, cells, 100);
}

export function groupBy<T>(list: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const g = out.get(k);
    if (g) g.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** Cells directly under a đảng ủy cơ sở: the ones its UBKT must inspect every year (Điều lệ Đảng, Điều 32). */
export function subordinateCells(sub: Subtree): CoverageOrg[] {
  return sub.sorted().filter((o) => {
    const parent = o.parentId === null ? undefined : sub.all.get(o.parentId);
    return o.isCell && parent !== undefined && parent.kind === 'grassroots' && !parent.isCell;
  });
}

function cellsInspectedByParent(sub: Subtree, items: readonly WorkItem[], t: Target): CellIndicator {
  const bySubject = groupBy(doneOf(items, t), (i) => i.subjectOrgId ?? '');
  const cells = subordinateCells(sub).map((cell): CellShortfall => {
    // Only the cell's own đảng ủy cơ sở fulfils its UBKT's duty; a higher level's inspection does not.
    const covered = (bySubject.get(cell.id) ?? []).some((i) => i.bodyOrgId === cell.parentId) ? 1 : 0;
    return {
      orgId: cell.id,
      name: cell.name,
      parentId: cell.parentId,
      members: sub.memberCount(cell.id),
      covered,
      needed: 1,
    };
  });
  return cellIndicator(t, 100, cells, t.percent);
}

function planDone(sub: Subtree, items: readonly WorkItem[], t: Target): PlanIndicator {
  const kinds = new Set(t.kinds);
  // The plan of the subtree is the work its own bodies committed to; a higher level's plan is its own.
  const ours = items.filter((i) => kinds.has(i.kind) && sub.orgs.has(i.bodyOrgId));
  const planned = ours.filter((i) => i.inPlan !== false);
  const done = planned.filter((i) => i.status === 'done');
  const notDone = planned
    .filter((i) => i.status !== 'done')
    .map((i) => i.id)
    .sort();
  const unplannedDone = ours.filter((i) => i.inPlan === false && i.status === 'done').length;
  return { ...indicator(t, done.length, planned.length), planned: planned.length, done: done.length, notDone, unplannedDone };
}

export function computeCoverage(facts: CoverageFacts, config: CoverageTargets): CoverageReport {
  const sub = subtreeOf(facts);
  const t = config.targets;
  const memberIds = new Set(sub.members.map((m) => m.id));
  const inSubtree = (items: WorkItem[]) =>
    coveredMembers(items.filter((i) => i.subjectMemberId !== null && memberIds.has(i.subjectMemberId)));

  const orgsDone = new Set(doneOf(facts.items, t.orgsCovered).flatMap((i) => (i.subjectOrgId === null ? [] : [i.subjectOrgId])));
  const orgsCovered = sub.below.filter((o) => orgsDone.has(o.id)).length;
  const membersCovered = inSubtree(doneOf(facts.items, t.membersCovered)).size;
  const leaders = sub.members.filter((m) => m.isSecretaryOrDeputy);
  const leadersDone = inSubtree(doneOf(facts.items, t.leadersThematic));
  const leadersCovered = leaders.filter((m) => leadersDone.has(m.id)).length;

  return {
    year: facts.year,
    rootOrgId: facts.rootOrgId,
    targetsVersion: config.version,
    orgsCovered: indicator(t.orgsCovered, orgsCovered, sub.below.length),
    membersCovered: indicator(t.membersCovered, membersCovered, sub.totals.members),
    leadersThematic: indicator(t.leadersThematic, leadersCovered, sub.totals.leaders),
    cellMembersInspected: cellsMembersInspected(sub, facts.items, t.cellMembersInspected),
    cellKtgsDuty: cellsInspectedByParent(sub, facts.items, t.cellKtgsDuty),
    cellFinance: cellsInspectedByParent(sub, facts.items, t.cellFinance),
    planDone: planDone(sub, facts.items, t.planDone),
  };
}
