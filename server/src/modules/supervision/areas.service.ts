// Assigning committee members their area and fields of regular supervision (Quy định 296-QĐ/TW): the
// UBKT or the committee's office (inspection.write on the committee's organisation) assigns, edits with
// a version, and ends an assignment; every write is audited.
import type { AreaCreate, AreaUpdate, SupervisionArea } from '../../../../common/supervision.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { type Actor, isWithin } from '../../platform/access/actor.ts';
import { assertVisible, assertWritable, inScope, requireScope, type Scope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import * as repo from './supervision.repository.ts';
import { auditArea, toArea } from './supervision.view.ts';

type Org = NonNullable<Awaited<ReturnType<typeof repo.findOrg>>>;

export class SupervisionAreaService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  private run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>) {
    return inTransaction(this.ctx.database.db, scope, fn);
  }

  /** The committee's areas (`orgId`), the signed-in member's own (`mine`), or all within the reader's scope. */
  async list(actor: Actor, q: { orgId?: string; mine?: 'true' | 'false' }): Promise<SupervisionArea[]> {
    const mine = q.mine === 'true';
    const scope = requireScope(actor, mine ? 'supervision.report' : 'inspection.read');
    return this.run(scope, async (tx) => {
      if (q.orgId) {
        const org = await repo.findOrg(tx, q.orgId);
        if (!org) throw notFound('Tổ chức');
        assertVisible(scope, org, 'Tổ chức');
      }
      const rows = await repo.listAreas(tx, { bodyOrgId: q.orgId, userId: mine ? (actor.userId ?? undefined) : undefined });
      return Promise.all(rows.filter((a) => inScope(scope, a.scope_path)).map((a) => toArea(tx, a)));
    });
  }

  /** Who can be assigned so as to report in the app: committee member accounts at the committee. */
  async candidates(actor: Actor, orgId: string) {
    const scope = requireScope(actor, 'inspection.write');
    return this.run(scope, async (tx) => {
      const org = await repo.findOrg(tx, orgId);
      if (!org) throw notFound('Tổ chức');
      assertVisible(scope, org, 'Tổ chức');
      const rows = await repo.committeeUsers(tx, org.path);
      const seen = new Set<string>();
      return rows
        .filter((u) => !seen.has(u.id) && seen.add(u.id))
        .map((u) => ({ userId: u.id, fullName: u.full_name, username: u.username, orgName: u.org_name }));
    });
  }

  async get(actor: Actor, id: string): Promise<SupervisionArea> {
    const scope = requireScope(actor, 'inspection.read');
    return this.run(scope, async (tx) => toArea(tx, await this.load(tx, scope, id)));
  }

  private async load(tx: Tx, scope: Scope, id: string) {
    const a = await repo.findArea(tx, id);
    if (!a) throw notFound('Phân công giám sát');
    assertVisible(scope, { path: a.scope_path }, 'Phân công giám sát');
    return a;
  }

  /** The committee whose members are assigned: it must exist, be writable, be open and have a committee. */
  private async body(tx: Tx, scope: Scope, orgId: string, forNew = true): Promise<Org> {
    const org = await repo.findOrg(tx, orgId);
    if (!org || !inScope(scope, org.path) || org.secrecy > scope.clearance)
      throw invalid('bodyOrgId', 'Tổ chức không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    assertWritable(scope, org.path);
    if (!org.has_committee)
      throw invalid('bodyOrgId', 'Tổ chức này không có cấp ủy: chỉ phân công giám sát cho cấp ủy viên của tổ chức có cấp ủy.');
    // A dissolved committee takes no new assignment; its existing ones can still be corrected and ended.
    if (forNew && org.valid_to) throw invalid('bodyOrgId', 'Tổ chức này đã giải thể hoặc sáp nhập.');
    return org;
  }

  /** The holder: a platform user who is a committee member there (so that they can report), and/or a registry member. */
  private async holder(tx: Tx, scope: Scope, org: Org, userId: string | null, memberId: string | null) {
    if (!userId && !memberId)
      throw invalid('userId', 'Cần chọn cấp ủy viên: tài khoản trên hệ thống và/hoặc đảng viên trong danh sách đảng viên.');
    let userName: string | null = null;
    let memberName: string | null = null;
    if (userId) {
      const u = await repo.findUser(tx, userId);
      if (!u || u.disabled) throw invalid('userId', 'Tài khoản không tồn tại, đã bị khóa hoặc nằm ngoài phạm vi của bạn.');
      if (!u.roles.some((r) => r.role === 'committee_member' && isWithin(org.path, r.path)))
        throw invalid('userId', `Tài khoản này không có vai trò cấp ủy viên tại ${org.name} nên không gửi được báo cáo giám sát.`);
      userName = u.full_name;
    }
    if (memberId) {
      const m = await repo.findMember(tx, memberId);
      if (!m || !inScope(scope, m.org_path) || m.secrecy > scope.clearance)
        throw invalid('memberId', 'Đảng viên không tồn tại hoặc nằm ngoài phạm vi của bạn.');
      if (!isWithin(m.org_path, org.path)) throw invalid('memberId', `Đảng viên này không sinh hoạt trong ${org.name}.`);
      memberName = m.full_name;
    }
    return { userName, memberName };
  }

  /** The area's organisations lie in the committee's own subtree. */
  private async subjects(tx: Tx, scope: Scope, org: Org, ids: readonly string[]) {
    const unique = [...new Set(ids)];
    const found = await repo.orgsByIds(tx, unique);
    const ok = new Set(
      found.filter((o) => isWithin(o.path, org.path) && inScope(scope, o.path) && o.secrecy <= scope.clearance).map((o) => o.id),
    );
    if (unique.some((id) => !ok.has(id)))
      throw invalid('subjectOrgIds', `Địa bàn chỉ gồm các tổ chức đảng thuộc ${org.name}, trong phạm vi của bạn.`);
    return unique;
  }

  async create(actor: Actor, input: AreaCreate): Promise<SupervisionArea> {
    const scope = requireScope(actor, 'inspection.write');
    const toDate = input.toDate ?? null;
    if (toDate && toDate < input.fromDate) throw invalid('toDate', 'Ngày kết thúc phải sau ngày bắt đầu.');
    return this.run(scope, async (tx) => {
      const org = await this.body(tx, scope, input.bodyOrgId);
      const { userName, memberName } = await this.holder(tx, scope, org, input.userId ?? null, input.memberId ?? null);
      const subjectOrgIds = await this.subjects(tx, scope, org, input.subjectOrgIds ?? []);
      const { id } = await repo.insertArea(tx, {
        body_org_id: org.id,
        scope_path: org.path,
        user_id: input.userId ?? null,
        member_id: input.memberId ?? null,
        holder_name: (input.holderName ?? memberName ?? userName ?? '').normalize('NFC'),
        area: input.area,
        fields: input.fields ?? [],
        subject_org_ids: subjectOrgIds,
        from_date: input.fromDate,
        to_date: toDate,
        created_by: actor.userId,
      });
      const created = await this.load(tx, scope, id);
      await appendAudit(tx, actor, {
        action: 'supervision.area_create',
        entityType: 'supervision_area',
        entityId: id,
        scopePath: org.path,
        after: auditArea(created),
      });
      return toArea(tx, created);
    });
  }

  async update(actor: Actor, id: string, input: AreaUpdate): Promise<SupervisionArea> {
    const scope = requireScope(actor, 'inspection.write');
    return this.run(scope, async (tx) => {
      const before = await this.load(tx, scope, id);
      const org = await this.body(tx, scope, before.body_org_id, false);
      const fromDate = input.fromDate ?? before.from_date;
      const toDate = input.toDate !== undefined ? input.toDate : before.to_date;
      if (toDate && toDate < fromDate) throw invalid('toDate', 'Ngày kết thúc phải sau ngày bắt đầu.');
      const subjectOrgIds = input.subjectOrgIds ? await this.subjects(tx, scope, org, input.subjectOrgIds) : undefined;
      const ok = await repo.updateArea(tx, id, input.version, {
        holder_name: input.holderName,
        area: input.area,
        fields: input.fields,
        subject_org_ids: subjectOrgIds,
        from_date: input.fromDate,
        to_date: input.toDate,
      });
      if (!ok) throw conflict();
      const after = await this.load(tx, scope, id);
      await appendAudit(tx, actor, {
        // Setting an end date is what "ending an assignment" is: named apart in the log.
        action: !before.to_date && after.to_date ? 'supervision.area_end' : 'supervision.area_update',
        entityType: 'supervision_area',
        entityId: id,
        scopePath: before.scope_path,
        before: auditArea(before),
        after: auditArea(after),
      });
      return toArea(tx, after);
    });
  }
}
