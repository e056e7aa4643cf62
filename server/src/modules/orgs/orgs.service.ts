// The organisation tree: read within scope, edited by administrators, every write audited.
import type { Org, OrgCreate, OrgKind, OrgUpdate } from '../../../../common/orgs.ts';
import { foldForSearch } from '../../../../common/text.ts';
import { inTransaction } from '../../db/context.ts';
import { inspectionCommitteeProblem, placementProblem } from '../../domain/org-tree.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWithinClearance, assertWritable, requireScope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit, auditMarkedReads } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import * as repo from './orgs.repository.ts';

export function toOrg(r: repo.OrgRow): Org {
  return {
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    kind: r.kind as OrgKind,
    path: r.path,
    level: r.level,
    provinceCode: r.province_code,
    hasCommittee: r.has_committee,
    hasInspectionCommittee: r.has_inspection_committee,
    secrecy: r.secrecy,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    childCount: Number(r.child_count),
    version: r.version,
  };
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string }).code === '23505';
}

export class OrgService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  async roots(actor: Actor): Promise<Org[]> {
    const scope = requireScope(actor, 'org.read');
    const rows = await inTransaction(this.ctx.database.db, scope, async (tx) => {
      const found = await repo.findByPaths(tx, scope.system ? ['TW'] : scope.paths);
      await auditMarkedReads(tx, actor, 'org_unit', found);
      return found;
    });
    return rows.map(toOrg);
  }

  async children(actor: Actor, parentId: string): Promise<Org[]> {
    const scope = requireScope(actor, 'org.read');
    const rows = await inTransaction(this.ctx.database.db, scope, async (tx) => {
      const found = await repo.withChildren(tx, parentId);
      await auditMarkedReads(tx, actor, 'org_unit', found);
      return found;
    });
    const parent = rows.find((r) => r.id === parentId);
    if (!parent) throw notFound('Tổ chức');
    assertVisible(scope, parent, 'Tổ chức');
    return rows.filter((r) => r !== parent).map(toOrg);
  }

  async get(actor: Actor, id: string): Promise<Org> {
    const scope = requireScope(actor, 'org.read');
    const row = await inTransaction(this.ctx.database.db, scope, async (tx) => {
      const found = await repo.findById(tx, id);
      if (found) await auditMarkedReads(tx, actor, 'org_unit', [found]);
      return found;
    });
    if (!row) throw notFound('Tổ chức');
    assertVisible(scope, row, 'Tổ chức');
    return toOrg(row);
  }

  async search(actor: Actor, q: string): Promise<Org[]> {
    const scope = requireScope(actor, 'org.read');
    const folded = foldForSearch(q);
    if (folded.length < 2) return [];
    const rows = await inTransaction(this.ctx.database.db, scope, async (tx) => {
      const found = await repo.search(tx, folded, 50);
      await auditMarkedReads(tx, actor, 'org_unit', found);
      return found;
    });
    return rows.map(toOrg);
  }

  async create(actor: Actor, input: Required<Omit<OrgCreate, 'validFrom'>> & { validFrom: string | null }): Promise<Org> {
    const scope = requireScope(actor, 'org.write');
    assertWithinClearance(actor, input.secrecy, 'secrecy');
    const ic = inspectionCommitteeProblem(input.kind, input.hasInspectionCommittee, input.hasCommittee);
    if (ic) throw invalid('hasInspectionCommittee', ic);
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const parent = await repo.findById(tx, input.parentId);
      if (!parent) throw notFound('Tổ chức cấp trên');
      assertWritable(scope, parent.path);
      const placement = placementProblem(parent.kind as OrgKind, input.kind);
      if (placement) throw invalid('kind', placement);
      let id: string;
      try {
        ({ id } = await repo.insert(tx, {
          parent_id: parent.id,
          code: input.code,
          name: input.name.normalize('NFC'),
          kind: input.kind,
          path: `${parent.path}.${input.code}`,
          province_code: parent.province_code,
          has_committee: input.hasCommittee,
          has_inspection_committee: input.hasInspectionCommittee,
          secrecy: input.secrecy,
          valid_from: input.validFrom,
        }));
      } catch (e) {
        if (isUniqueViolation(e)) throw invalid('code', 'Mã tổ chức đã được dùng cho một tổ chức khác.');
        throw e;
      }
      const created = toOrg((await repo.findById(tx, id)) as repo.OrgRow);
      await appendAudit(tx, actor, { action: 'org.create', entityType: 'org_unit', entityId: id, scopePath: created.path, after: created });
      return created;
    });
  }

  async update(actor: Actor, id: string, input: OrgUpdate): Promise<Org> {
    const scope = requireScope(actor, 'org.write');
    assertWithinClearance(actor, input.secrecy, 'secrecy');
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const row = await repo.findById(tx, id);
      if (!row) throw notFound('Tổ chức');
      assertVisible(scope, row, 'Tổ chức');
      const before = toOrg(row);
      const kind = input.kind ?? before.kind;
      const ic = inspectionCommitteeProblem(
        kind,
        input.hasInspectionCommittee ?? before.hasInspectionCommittee,
        input.hasCommittee ?? before.hasCommittee,
      );
      if (ic) throw invalid('hasInspectionCommittee', ic);
      if (input.kind && input.kind !== before.kind && row.parent_id) {
        const parent = await repo.findById(tx, row.parent_id);
        const placement = parent ? placementProblem(parent.kind as OrgKind, input.kind) : null;
        if (placement) throw invalid('kind', placement);
      }
      const validFrom = input.validFrom !== undefined ? input.validFrom : before.validFrom;
      const validTo = input.validTo !== undefined ? input.validTo : before.validTo;
      if (validFrom && validTo && validTo < validFrom) throw invalid('validTo', 'Ngày kết thúc phải sau ngày bắt đầu.');
      const ok = await repo.update(tx, id, input.version, {
        name: input.name?.normalize('NFC'),
        kind: input.kind,
        has_committee: input.hasCommittee,
        has_inspection_committee: input.hasInspectionCommittee,
        secrecy: input.secrecy,
        valid_from: input.validFrom,
        valid_to: input.validTo,
      });
      if (!ok) throw conflict();
      const after = toOrg((await repo.findById(tx, id)) as repo.OrgRow);
      await appendAudit(tx, actor, { action: 'org.update', entityType: 'org_unit', entityId: id, scopePath: after.path, before, after });
      return after;
    });
  }
}
