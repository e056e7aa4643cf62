// Discipline matters (domain.md §4): open one from a case's conclusion or directly, against a member or an
// organisation; record violations, circumstances and the subject's facts; read it with what the rules say.

import { todayInVietnam } from '../../../../common/dates.ts';
import { MEMBER_FORMS, ORG_FORMS } from '../../../../common/discipline.ts';
import type {
  MatterCreate,
  MatterDetail,
  MatterList,
  MatterPatch,
  MatterQuery,
  ViolationCreate,
} from '../../../../common/discipline-api.ts';
import type { Tx } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertWithinClearance, assertWritable, requireScope, type Scope } from '../../platform/access/scope.ts';
import { appendAudit, auditMarkedReads } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { nextNumber } from '../../platform/numbering/counter.repository.ts';
import { DisciplineBase, LIVE } from './discipline.base.ts';
import { matterCode, toListItem } from './discipline.view.ts';
import * as repo from './matters.repository.ts';

export class MatterService extends DisciplineBase {
  async list(actor: Actor, q: MatterQuery): Promise<MatterList> {
    const scope = requireScope(actor, 'discipline.read');
    return this.run(scope, async (tx) => {
      let path: string | null = null;
      if (q.orgId) {
        const org = await repo.findOrg(tx, q.orgId);
        if (!org) throw notFound('Tổ chức');
        path = org.path;
      }
      const f = { path, year: q.year ?? null, status: q.status ?? null };
      const { rows, total } = await repo.listMatters(tx, f, (q.page - 1) * q.pageSize, q.pageSize);
      await auditMarkedReads(
        tx,
        actor,
        'discipline_matter',
        rows.map((r) => ({ id: r.id, path: r.scope_path, secrecy: r.secrecy })),
      );
      return { items: rows.map(toListItem), total };
    });
  }

  async get(actor: Actor, id: string): Promise<MatterDetail> {
    const scope = requireScope(actor, 'discipline.read');
    return this.run(scope, async (tx) => {
      const m = await this.load(tx, scope, id);
      await auditMarkedReads(tx, actor, 'discipline_matter', [{ id: m.id, path: m.scope_path, secrecy: m.secrecy }]);
      return this.detail(tx, m);
    });
  }

  async create(actor: Actor, input: MatterCreate): Promise<MatterDetail> {
    const scope = requireScope(actor, 'discipline.write');
    return this.run(scope, async (tx) => {
      let bodyOrgId = input.bodyOrgId;
      let bodyType = input.bodyType;
      let subjectMemberId = input.subjectMemberId;
      let subjectOrgId = input.subjectOrgId;
      let secrecy = input.secrecy ?? 0;
      let sourceRef = input.sourceRef ?? null;
      let caseId: string | null = null;
      if (input.source === 'case') {
        if (!input.caseId) throw invalid('caseId', 'Chọn cuộc kiểm tra có kết luận đề nghị xem xét kỷ luật.');
        const c = await repo.findCase(tx, input.caseId);
        if (!c || c.secrecy > scope.clearance) throw invalid('caseId', 'Cuộc kiểm tra không tồn tại hoặc nằm ngoài phạm vi của bạn.');
        if (!c.propose_discipline || !c.concluded_on)
          throw invalid('caseId', `Kết luận của cuộc ${c.code} không đề nghị xem xét, xử lý kỷ luật.`);
        // Subject from the case; the body defaults to the case's deciding body and may be the competent one instead.
        subjectMemberId = c.subject_member_id ?? undefined;
        subjectOrgId = c.subject_org_id ?? undefined;
        bodyOrgId ??= c.body_org_id;
        bodyType ??= c.body_type as NonNullable<MatterCreate['bodyType']>;
        secrecy = Math.max(secrecy, c.secrecy);
        sourceRef ??= `Kết luận cuộc kiểm tra ${c.code}`;
        caseId = c.id;
      } else {
        if (!sourceRef) throw invalid('sourceRef', 'Nêu căn cứ: văn bản thông báo, bản án, đơn… (số, ngày, cơ quan).');
        if (!!subjectMemberId === !!subjectOrgId)
          throw invalid('subjectMemberId', 'Chọn một đối tượng: một đảng viên hoặc một tổ chức đảng.');
      }
      if (!bodyOrgId) throw invalid('bodyOrgId', 'Chọn cơ quan xem xét kỷ luật.');
      if (!bodyType) throw invalid('bodyType', 'Chọn loại cơ quan xem xét kỷ luật.');
      assertWithinClearance(actor, secrecy, 'secrecy');
      const body = await this.body(tx, scope, bodyOrgId);
      const subject = await this.subject(tx, scope, { subjectMemberId, subjectOrgId }, body.path, input.subjectFacts);
      const year = Number(todayInVietnam().slice(0, 4));
      const seq = await nextNumber(tx, body.id, year, '#discipline', body.path);
      const id = await repo.insertMatter(tx, {
        body_org_id: body.id,
        body_type: bodyType,
        scope_path: body.path,
        province_code: body.province_code,
        year,
        seq,
        code: matterCode(seq, year),
        source: input.source,
        case_id: caseId,
        source_ref: sourceRef,
        subject_member_id: subject.memberId,
        subject_org_id: subject.orgId,
        subject_path: subject.path,
        subject_name: subject.name,
        subject_facts: JSON.stringify(subject.facts),
        mitigating: [],
        aggravating: [],
        secrecy,
        created_by: actor.userId,
      });
      const created = await this.detail(tx, await this.load(tx, scope, id));
      await appendAudit(tx, actor, {
        action: 'discipline.matter_create',
        entityType: 'discipline_matter',
        entityId: id,
        scopePath: body.path,
        after: created,
        detail: { code: created.code, source: input.source, caseId },
      });
      return created;
    });
  }

  async update(actor: Actor, id: string, p: MatterPatch): Promise<MatterDetail> {
    const scope = requireScope(actor, 'discipline.write');
    return this.run(scope, async (tx) => {
      const m = await this.load(tx, scope, id);
      assertWritable(scope, m.scope_path);
      if (!LIVE.has(m.status)) throw invalid('status', 'Hồ sơ đã kết thúc (đã quyết định, không kỷ luật hoặc đã dừng): không sửa được.');
      const before = await this.detail(tx, m);
      const set: Parameters<typeof repo.updateMatter>[3] = {};
      if (p.bodyOrgId && p.bodyOrgId !== m.body_org_id) {
        if (before.meetings.length > 0) throw invalid('bodyOrgId', 'Đã có cuộc họp xem xét: không đổi cơ quan xem xét kỷ luật.');
        const body = await this.body(tx, scope, p.bodyOrgId);
        this.subjectUnder(m.subject_path, body.path, m.subject_member_id ? 'subjectMemberId' : 'subjectOrgId');
        Object.assign(set, { body_org_id: body.id, scope_path: body.path, province_code: body.province_code });
      }
      if (p.bodyType) set.body_type = p.bodyType;
      if (p.mitigating) set.mitigating = [...new Set(p.mitigating)];
      if (p.aggravating) set.aggravating = [...new Set(p.aggravating)];
      if (p.circumstancesNote !== undefined) set.circumstances_note = p.circumstancesNote;
      if (p.subjectFacts) set.subject_facts = JSON.stringify(this.mergeFacts(before.subjectFacts, p.subjectFacts, !!m.subject_member_id));
      if (p.status && p.status !== m.status) {
        if (p.status !== 'open' && !p.statusReason) throw invalid('statusReason', 'Nêu lý do (ít nhất 10 ký tự).');
        set.status = p.status;
        set.status_reason = p.statusReason ?? null;
        set.postponed_until = p.status === 'postponed' ? (p.postponedUntil ?? null) : null;
      } else if (p.postponedUntil !== undefined && m.status === 'postponed') set.postponed_until = p.postponedUntil;
      if (!(await repo.updateMatter(tx, id, p.version, set))) throw conflict();
      if (set.scope_path) await repo.moveViolations(tx, id, set.scope_path);
      const after = await this.detail(tx, await this.load(tx, scope, id));
      await appendAudit(tx, actor, {
        action: 'discipline.matter_update',
        entityType: 'discipline_matter',
        entityId: id,
        scopePath: after.bodyOrgId === m.body_org_id ? m.scope_path : (set.scope_path as string),
        before,
        after,
        detail: { status: p.status ?? null, bodyChanged: !!set.scope_path },
      });
      return after;
    });
  }

  async addViolation(actor: Actor, id: string, v: ViolationCreate): Promise<MatterDetail> {
    return this.changeViolations(actor, id, v.version, 'discipline.violation_add', async (tx, m) => {
      if (v.occurredOn > todayInVietnam()) throw invalid('occurredOn', 'Ngày vi phạm không được sau ngày hôm nay.');
      const forms: readonly string[] = m.subject_member_id ? MEMBER_FORMS : ORG_FORMS;
      if (!forms.includes(v.deservedForm))
        throw invalid(
          'deservedForm',
          m.subject_member_id ? 'Hình thức này không áp dụng với đảng viên.' : 'Hình thức này không áp dụng với tổ chức đảng.',
        );
      if (v.specialArea === 'unlawful_diploma' && !m.subject_member_id)
        throw invalid('specialArea', 'Sử dụng văn bằng, chứng chỉ không hợp pháp chỉ xét với đảng viên.');
      const vid = await repo.insertViolation(tx, {
        matter_id: m.id,
        scope_path: m.scope_path,
        occurred_on: v.occurredOn,
        description: v.description,
        rule_violated: v.ruleViolated,
        special_area: v.specialArea,
        deserved_form: v.deservedForm,
      });
      return { violationId: vid };
    });
  }

  async removeViolation(actor: Actor, id: string, violationId: string, version: number): Promise<MatterDetail> {
    return this.changeViolations(actor, id, version, 'discipline.violation_remove', async (tx, m) => {
      if (!(await repo.deleteViolation(tx, m.id, violationId))) throw notFound('Vi phạm');
      return { violationId };
    });
  }

  /** A change to the violations: the matter must still be under consideration; its version moves. */
  private async changeViolations(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    fn: (tx: Tx, m: repo.MatterRow) => Promise<Record<string, unknown>>,
  ) {
    const scope = requireScope(actor, 'discipline.write');
    return this.run(scope, async (tx) => {
      const m = await this.load(tx, scope, id);
      assertWritable(scope, m.scope_path);
      if (!LIVE.has(m.status)) throw invalid('status', 'Hồ sơ đã kết thúc: không sửa vi phạm được.');
      const before = await this.detail(tx, m);
      if (!(await repo.updateMatter(tx, id, version, {}))) throw conflict();
      const detail = await fn(tx, m);
      const after = await this.detail(tx, await this.load(tx, scope, id));
      await appendAudit(tx, actor, {
        action,
        entityType: 'discipline_matter',
        entityId: id,
        scopePath: m.scope_path,
        before,
        after,
        detail,
      });
      return after;
    });
  }

  /** The body deciding: inside the writer's scope, still existing. */
  private async body(tx: Tx, scope: Scope, id: string) {
    const body = await repo.findOrg(tx, id);
    if (!body) throw invalid('bodyOrgId', 'Cơ quan xem xét kỷ luật không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    assertWritable(scope, body.path);
    if (body.valid_to) throw invalid('bodyOrgId', 'Tổ chức này đã giải thể hoặc sáp nhập.');
    return body;
  }
}
