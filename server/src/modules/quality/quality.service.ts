// Data quality ("đúng, đủ, sạch, sống", domain.md §9): where the registry is incomplete, stale or
// holds one person twice, per organisation, drilled down one level at a time.
import { maskCccd } from '../../../../common/cccd.ts';
import { RELATION_LABELS, type Relation } from '../../../../common/members.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import {
  DUPLICATE_REASON_LABELS,
  type DuplicateGroup,
  type DuplicateReason,
  type QualityFigures,
  type QualityIssue,
  type QualityMember,
  type QualitySummary,
  STALE_MONTHS,
} from '../../../../common/quality.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, requireScope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { notFound } from '../../platform/errors.ts';
import * as orgs from '../orgs/orgs.repository.ts';
import * as repo from './quality.repository.ts';

const MAX_GROUPS = 500;
const EMPTY: QualityFigures = {
  members: 0,
  missingCccd: 0,
  missingBirthDate: 0,
  withoutSecretary: 0,
  tooFewFullMembers: 0,
  stale: 0,
  duplicateGroups: 0,
};

function figuresOf(r: repo.FigureRow | undefined): QualityFigures {
  if (!r) return { ...EMPTY };
  return {
    members: r.members,
    missingCccd: r.missing_cccd,
    missingBirthDate: r.missing_birth_date,
    withoutSecretary: r.without_secretary,
    tooFewFullMembers: r.too_few_full_members,
    stale: r.stale,
    duplicateGroups: r.duplicate_groups,
  };
}

export function toQualityMember(r: repo.QualityMemberRow): QualityMember {
  return {
    id: r.id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender,
    cccdMasked: maskCccd(r.cccd_last4),
    partyCardNo: r.party_card_no,
    orgId: r.org_id,
    orgName: r.org_name ?? '',
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

function relativeDetail(detail: string | null): string | null {
  if (!detail) return null;
  const [relation, ...name] = detail.split(':');
  return `${RELATION_LABELS[relation as Relation] ?? relation}: ${name.join(':')}`;
}

export class QualityService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  /** The unit's own row, one row per direct sub-unit, and the subtree's total. */
  async summary(actor: Actor, orgId: string): Promise<QualitySummary> {
    const scope = requireScope(actor, 'member.read');
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const units = await orgs.withChildren(tx, orgId);
      const unit = await this.visibleUnit(tx, orgId, scope, units);
      const figures = await repo.figures(tx, unit.path, STALE_MONTHS);
      const byBucket = new Map(figures.map((f) => [f.bucket, f]));
      const total = { ...EMPTY };
      for (const f of figures) {
        if (f.bucket === '*') continue;
        total.members += f.members;
        total.missingCccd += f.missing_cccd;
        total.missingBirthDate += f.missing_birth_date;
        total.stale += f.stale;
        total.withoutSecretary += f.without_secretary;
        total.tooFewFullMembers += f.too_few_full_members;
      }
      total.duplicateGroups = byBucket.get('*')?.duplicate_groups ?? 0;
      const rows = [unit, ...units.filter((u) => u.id !== unit.id)].map((u) => ({
        orgId: u.id,
        code: u.code,
        name: u.name,
        kind: u.kind as OrgKind,
        childCount: Number(u.child_count),
        validTo: u.valid_to,
        self: u.id === unit.id,
        ...figuresOf(byBucket.get(u.path)),
      }));
      return { orgId, staleMonths: STALE_MONTHS, rows, total };
    });
  }

  async duplicates(actor: Actor, orgId: string): Promise<{ items: DuplicateGroup[]; truncated: boolean }> {
    const scope = requireScope(actor, 'member.read');
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const unit = await this.visibleUnit(tx, orgId, scope);
      const groups = await repo.duplicateGroups(tx, unit.path, MAX_GROUPS + 1);
      const shown = groups.slice(0, MAX_GROUPS);
      const members = new Map(
        (await repo.membersByIds(tx, [...new Set(shown.flatMap((g) => g.ids))])).map((m) => [m.id, toQualityMember(m)]),
      );
      const items = shown.map((g) => ({
        reason: g.reason as DuplicateReason,
        label: DUPLICATE_REASON_LABELS[g.reason as DuplicateReason],
        detail: g.reason === 'relative_is_member' ? relativeDetail(g.detail) : null,
        members: g.ids.flatMap((id) => members.get(id) ?? []),
      }));
      return { items: items.filter((g) => g.members.length > 1), truncated: groups.length > MAX_GROUPS };
    });
  }

  async list(
    actor: Actor,
    orgId: string,
    issue: QualityIssue,
    page: number,
    pageSize: number,
  ): Promise<{ items: QualityMember[]; total: number }> {
    const scope = requireScope(actor, 'member.read');
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const unit = await this.visibleUnit(tx, orgId, scope);
      const r = await repo.membersWithIssue(tx, unit.path, issue, STALE_MONTHS, { limit: pageSize, offset: (page - 1) * pageSize });
      return { items: r.items.map(toQualityMember), total: r.total };
    });
  }

  private async visibleUnit(tx: Tx, orgId: string, scope: ReturnType<typeof requireScope>, loaded?: orgs.OrgRow[]) {
    const unit = loaded ? loaded.find((u) => u.id === orgId) : await orgs.findById(tx, orgId);
    if (!unit) throw notFound('Tổ chức');
    assertVisible(scope, unit, 'Tổ chức');
    return unit;
  }
}
