// Proposes the subjects that would close each coverage gap (issue 4, point 2): first those longest
// without any inspection or supervision, then those in sensitive posts, each with a Vietnamese reason.
// Pure and deterministic: the same facts, targets and history always give the same list.
import { SENSITIVE_AREA_LABELS, SENSITIVE_AREAS, type SensitiveArea } from '../../../../common/posts.ts';
import { compareVietnameseNames } from '../../../../common/vn-name.ts';
import { type CellIndicator, computeCoverage, coveredIds, groupBy, type Indicator } from './coverage.ts';
import { type CoverageFacts, type CoverageMember, type CoverageOrg, compareOrgs, subtreeOf } from './facts.ts';
import { formatNumberVi, formatPercentVi } from './format.ts';
import type { CoverageTargets, TargetId } from './targets.ts';

/** Last done inspection or supervision of any kind (ISO date) per organisation or member id; absent = never. */
export type CoverageHistory = ReadonlyMap<string, string>;

export interface PlannerOptions {
  /** Only these gaps; default all subject gaps. */
  only?: readonly TargetId[];
}

export interface Proposal {
  targetId: TargetId;
  subjectType: 'org' | 'member';
  subjectId: string;
  name: string;
  /** The body expected to do the work: the cell for its members, the đảng ủy cơ sở for its cells; null = the measuring level chooses. */
  bodyOrgId: string | null;
  kinds: readonly string[];
  lastCovered: string | null;
  sensitiveAreas: SensitiveArea[];
  reason: string;
}

export interface GapProposal {
  targetId: TargetId;
  label: string;
  /** Subjects still needed (cells: summed over the failing cells). */
  missing: number;
  proposals: Proposal[];
  /** Part of the gap no remaining subject can close (0 normally). */
  shortfall: number;
}

/** Planned-item completion is closed by doing the plan, not by new subjects: it has no proposals. */
export const SUBJECT_GAPS = [
  'orgsCovered',
  'membersCovered',
  'leadersThematic',
  'cellMembersInspected',
  'cellKtgsDuty',
  'cellFinance',
] as const;

type Candidate = { type: 'org'; org: CoverageOrg } | { type: 'member'; member: CoverageMember };

function areasOf(c: Candidate): SensitiveArea[] {
  const own = new Set(c.type === 'member' ? (c.member.sensitiveAreas ?? []) : []);
  return SENSITIVE_AREAS.filter((a) => own.has(a));
}

/** Never covered first, then the oldest year; in a year, sensitive posts first; then date, name, id. */
function comparator(history: CoverageHistory): (a: Candidate, b: Candidate) => number {
  const key = (c: Candidate) => {
    const id = c.type === 'org' ? c.org.id : c.member.id;
    const last = history.get(id) ?? null;
    return { id, last, year: last === null ? -Infinity : Number(last.slice(0, 4)), sensitive: areasOf(c).length > 0 };
  };
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka.year !== kb.year) return ka.year < kb.year ? -1 : 1;
    if (ka.sensitive !== kb.sensitive) return ka.sensitive ? -1 : 1;
    if (ka.last !== kb.last && ka.last !== null && kb.last !== null) return ka.last < kb.last ? -1 : 1;
    const byName =
      a.type === 'member' && b.type === 'member'
        ? compareVietnameseNames(a.member.name, b.member.name)
        : a.type === 'org' && b.type === 'org'
          ? compareOrgs(a.org, b.org)
          : 0;
    return byName || (ka.id < kb.id ? -1 : ka.id > kb.id ? 1 : 0);
  };
}

function areasText(areas: SensitiveArea[]): string | null {
  if (areas.length === 0) return null;
  const labels = areas.map((a) => SENSITIVE_AREA_LABELS[a].toLocaleLowerCase('vi'));
  return areas.length === 1 ? `giữ chức vụ trong lĩnh vực ${labels[0]}` : `giữ chức vụ trong các lĩnh vực ${labels.join('; ')}`;
}

function historyText(last: string | null): string {
  return last === null ? 'Chưa từng được kiểm tra, giám sát' : `Chưa được kiểm tra, giám sát từ năm ${last.slice(0, 4)}`;
}

function gapText(targetId: TargetId, year: number, percent: number, cellName: string | null): string | null {
  switch (targetId) {
    case 'leadersThematic':
      return `là bí thư, phó bí thư chi bộ chưa được kiểm tra, giám sát chuyên đề trong năm ${year}`;
    case 'cellMembersInspected':
      return `${cellName ?? 'chi bộ'} chưa kiểm tra đủ ${formatPercentVi(percent)} đảng viên trong năm ${year}`;
    case 'cellKtgsDuty':
      return `chưa được kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong năm ${year}`;
    case 'cellFinance':
      return `chưa được kiểm tra tài chính đảng trong năm ${year}`;
    default:
      return null;
  }
}

export function proposeSubjects(
  facts: CoverageFacts,
  config: CoverageTargets,
  history: CoverageHistory,
  options: PlannerOptions = {},
): GapProposal[] {
  const sub = subtreeOf(facts);
  const report = computeCoverage(facts, config);
  const order = comparator(history);
  const wanted = new Set<TargetId>(options.only ?? SUBJECT_GAPS);

  const propose = (
    targetId: TargetId,
    candidates: Candidate[],
    take: number,
    bodyOrgId: string | null,
    cellName: string | null,
  ): Proposal[] => {
    const t = config.targets[targetId];
    return [...candidates]
      .sort(order)
      .slice(0, Math.max(0, take))
      .map((c) => {
        const subjectId = c.type === 'org' ? c.org.id : c.member.id;
        const last = history.get(subjectId) ?? null;
        const areas = areasOf(c);
        const parts = [historyText(last), areasText(areas), gapText(targetId, facts.year, t.percent, cellName)];
        const name = c.type === 'org' ? c.org.name : c.member.name;
        return {
          targetId,
          subjectType: c.type,
          subjectId,
          name,
          bodyOrgId,
          kinds: t.kinds,
          lastCovered: last,
          sensitiveAreas: areas,
          reason: parts.filter((p) => p !== null).join('; '),
        };
      });
  };
  const gap = (ind: Indicator, proposals: Proposal[], missing = ind.missing): GapProposal => ({
    targetId: ind.targetId,
    label: ind.label,
    missing,
    proposals,
    shortfall: Math.max(0, missing - proposals.length),
  });
  const members = (list: readonly CoverageMember[]): Candidate[] => list.map((member) => ({ type: 'member', member }));

  const result: GapProposal[] = [];
  for (const id of SUBJECT_GAPS) {
    if (!wanted.has(id)) continue;
    const ind = report[id];
    if (ind.met !== false) continue;
    const t = config.targets[id];
    if (id === 'orgsCovered') {
      const covered = coveredIds(facts.items, t);
      const open = sub.below.filter((o) => !covered.has(o.id)).map((org): Candidate => ({ type: 'org', org }));
      result.push(gap(ind, propose(id, open, ind.missing, null, null)));
    } else if (id === 'membersCovered' || id === 'leadersThematic') {
      const covered = coveredIds(facts.items, t);
      const pool = id === 'leadersThematic' ? sub.members.filter((m) => m.isSecretaryOrDeputy) : sub.members;
      result.push(gap(ind, propose(id, members(pool.filter((m) => !covered.has(m.id))), ind.missing, null, null)));
    } else if (id === 'cellMembersInspected') {
      // Each failing cell closes its own gap among its own members, cells in name order.
      const cellInd = ind as CellIndicator;
      const byBody = groupBy(facts.items, (i) => i.bodyOrgId);
      const proposals = cellInd.failingCells.flatMap((cell) => {
        const covered = coveredIds(byBody.get(cell.orgId) ?? [], t);
        const open = (sub.membersByOrg.get(cell.orgId) ?? []).filter((m) => !covered.has(m.id));
        return propose(id, members(open), cell.needed - cell.covered, cell.orgId, cell.name);
      });
      const missing = cellInd.failingCells.reduce((n, c) => n + c.needed - c.covered, 0);
      result.push(gap(ind, proposals, missing));
    } else {
      const cellInd = ind as CellIndicator;
      const cells = cellInd.failingCells.flatMap((c) => {
        const org = sub.orgs.get(c.orgId);
        return org ? [{ type: 'org', org } as Candidate] : [];
      });
      // The body is each cell's own đảng ủy cơ sở, whose UBKT carries the duty (Điều lệ Đảng, Điều 32).
      const ordered = propose(id, cells, ind.missing, null, null).map((p) => ({
        ...p,
        bodyOrgId: sub.orgs.get(p.subjectId)?.parentId ?? null,
      }));
      result.push(gap(ind, ordered));
    }
  }
  return result;
}

/** One Vietnamese line per gap, e.g. "Đảng viên được kiểm tra, giám sát: cần thêm 1.650, đề xuất 1.650". */
export function describeGap(g: GapProposal): string {
  const short = g.shortfall > 0 ? `; còn thiếu ${formatNumberVi(g.shortfall)} do không đủ đối tượng` : '';
  return `${g.label}: cần thêm ${formatNumberVi(g.missing)}, đề xuất ${formatNumberVi(g.proposals.length)}${short}`;
}
