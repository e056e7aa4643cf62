// The plain inputs of the coverage computation, which a repository fills from SQL, and the subtree
// helpers shared by coverage.ts and planner.ts. Pure: no I/O.
import type { OrgKind } from '../../../../common/orgs.ts';
import type { SensitiveArea } from '../../../../common/posts.ts';

export interface CoverageOrg {
  id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  /** A chi bộ: a chi bộ trực thuộc (`cell`) or a chi bộ cơ sở (a `grassroots` organisation without cells). */
  isCell: boolean;
}

export interface CoverageMember {
  id: string;
  /** Full name, family name first; used only to order proposals. */
  name: string;
  orgId: string;
  /** Holds post `secretary` or `deputy_secretary` (common/posts.ts) of a chi bộ during the year. */
  isSecretaryOrDeputy: boolean;
  /** Areas of the member's posts that are sensitive (common/posts.ts SENSITIVE_AREAS); planner only. */
  sensitiveAreas?: readonly SensitiveArea[];
}

export type WorkStatus = 'planned' | 'done';

/** One inspection or supervision of the year, planned or done; exactly one subject is set. */
export interface WorkItem {
  id: string;
  kind: string;
  status: WorkStatus;
  subjectOrgId: string | null;
  subjectMemberId: string | null;
  /** The organisation whose body (cấp ủy, UBKT, chi bộ) does the work. */
  bodyOrgId: string;
  /** Whether the item is in the year's programme; ad hoc work (e.g. on signs of violation) is not. Default true. */
  inPlan?: boolean;
}

export interface CoverageFacts {
  year: number;
  /** The organisation whose subtree is measured. */
  rootOrgId: string;
  orgs: readonly CoverageOrg[];
  members: readonly CoverageMember[];
  /** The year's items; the repository selects them by year. */
  items: readonly WorkItem[];
  /**
   * Member counts per organisation, for subtrees too large to list (a province has ~165,000 members).
   * When given, the member denominators come from here and `members` need only hold the members the
   * items name and the planner's candidates: a subset, never the whole population.
   */
  memberTotals?: ReadonlyMap<string, OrgMemberTotals>;
}

/** Members of one organisation (belonging there, probationary or full) and how many are cell secretaries or deputies. */
export interface OrgMemberTotals {
  members: number;
  leaders: number;
}

export interface Subtree {
  root: CoverageOrg;
  /** Every organisation of the facts, also those above the root (a cell's superior may lie outside). */
  all: Map<string, CoverageOrg>;
  /** Every organisation of the subtree, root included, by id. */
  orgs: Map<string, CoverageOrg>;
  /** Organisations below the root: the population of the organisation targets. */
  below: CoverageOrg[];
  /** Members of any organisation of the subtree, root included. */
  members: CoverageMember[];
  membersByOrg: Map<string, CoverageMember[]>;
  /** Members of an organisation of the subtree: the recorded total when the facts carry totals. */
  memberCount(orgId: string): number;
  /** Members and leaders of the whole subtree. */
  totals: OrgMemberTotals;
  /** The subtree's organisations in Vietnamese name order (compareOrgs), sorted once: a province has thousands. */
  sorted(): CoverageOrg[];
}

export function subtreeOf(facts: CoverageFacts): Subtree {
  const byId = new Map(facts.orgs.map((o) => [o.id, o]));
  const root = byId.get(facts.rootOrgId);
  if (!root) throw new Error(`Không tìm thấy tổ chức gốc ${facts.rootOrgId} trong dữ liệu phạm vi tính.`);
  const children = new Map<string, CoverageOrg[]>();
  for (const o of facts.orgs) {
    if (o.parentId === null) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o);
    children.set(o.parentId, list);
  }
  const orgs = new Map<string, CoverageOrg>([[root.id, root]]);
  const queue = [root];
  // Walks down from the root so rows outside the subtree (or a cycle in bad data) are ignored.
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const c of children.get(next.id) ?? []) {
      if (orgs.has(c.id)) continue;
      orgs.set(c.id, c);
      queue.push(c);
    }
  }
  const members = facts.members.filter((m) => orgs.has(m.orgId));
  const membersByOrg = new Map<string, CoverageMember[]>();
  for (const m of members) {
    const list = membersByOrg.get(m.orgId) ?? [];
    list.push(m);
    membersByOrg.set(m.orgId, list);
  }
  const given = facts.memberTotals;
  const memberCount = (orgId: string) => (given ? (given.get(orgId)?.members ?? 0) : (membersByOrg.get(orgId)?.length ?? 0));
  const totals = given
    ? [...orgs.keys()].reduce(
        (t, id) => {
          const x = given.get(id);
          return x ? { members: t.members + x.members, leaders: t.leaders + x.leaders } : t;
        },
        { members: 0, leaders: 0 },
      )
    : { members: members.length, leaders: members.filter((m) => m.isSecretaryOrDeputy).length };
  const below = [...orgs.values()].filter((o) => o.id !== root.id);
  let sortedOrgs: CoverageOrg[] | null = null;
  const sorted = () => {
    if (sortedOrgs) return sortedOrgs;
    // Pre-sorted by a cheap key close to the collation, the collator's sort (a merge sort that finds
    // runs) then makes few comparisons: ~9,000 cells of a province in milliseconds instead of 100 ms.
    const keyed = [...orgs.values()].map((o) => ({ o, k: roughKey(o.name) }));
    keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    sortedOrgs = keyed.map((x) => x.o).sort(compareOrgs);
    return sortedOrgs;
  };
  return { root, all: byId, orgs, below, members, membersByOrg, memberCount, totals, sorted };
}

/** Smallest count that reaches `percent` of `total` (10 % of 15 → 2). */
export function neededFor(percent: number, total: number): number {
  // The epsilon absorbs binary rounding (e.g. 10 × 30 / 100) so an exact share is not rounded up.
  return Math.max(0, Math.ceil((percent * total) / 100 - 1e-9));
}

// Vietnamese letters in alphabetical order; tone marks are dropped (the collator orders those ties).
const LETTERS = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const MODIFIED: Record<string, string> = { 'a\u0306': 'ă', 'a\u0302': 'â', 'e\u0302': 'ê', 'o\u0302': 'ô', 'o\u031b': 'ơ', 'u\u031b': 'ư' };

// Per character: its letter's rank (precomposed Vietnamese letters looked up once, not normalised per call).
const RANK = new Map<string, string>();
function rankOf(c: string): string {
  let r = RANK.get(c);
  if (r === undefined) {
    const d = c.normalize('NFD').toLowerCase();
    const letter = MODIFIED[d.slice(0, 2)] ?? d[0] ?? c;
    const i = LETTERS.indexOf(letter);
    r = i >= 0 ? String.fromCharCode(0x100 + i) : c === ' ' ? '\u0001' : /^[\u0300-\u036f]$/.test(c) ? '' : c.toLowerCase();
    RANK.set(c, r);
  }
  return r;
}

/** An approximation of the Vietnamese collation as a plain string: letters by rank, numbers padded. */
export function roughKey(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i] as string;
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < name.length && (name[j] as string) >= '0' && (name[j] as string) <= '9') j++;
      out += `\u0002${name.slice(i, j).padStart(12, '0')}`;
      i = j - 1;
    } else out += rankOf(c);
  }
  return out;
}

const orgCollator = new Intl.Collator('vi', { numeric: true, sensitivity: 'variant' });
/** Organisation names in Vietnamese order, "Thôn 2" before "Thôn 10"; ids break ties so order is total. */
export function compareOrgs(a: CoverageOrg, b: CoverageOrg): number {
  return orgCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
