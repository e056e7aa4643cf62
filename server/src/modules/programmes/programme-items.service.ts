// Items of a programme: who or what is inspected or supervised, what kind of work, when, and by whom.
// Who may run which kind on whom is the authority rule of domain.md §2; a refusal gives its reason.
import type { BodyType, CaseKind } from '../../../../common/cases.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import type { ItemUpdateValues, ItemValues, ProgrammeItem } from '../../../../common/programmes.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { mayRun, type Subject } from '../../domain/cases/authority.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertWritable, requireScope, type Scope, SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { decidingBody } from './programme-authority.ts';
import * as repo from './programmes.repository.ts';
import { ProgrammeService, stateError } from './programmes.service.ts';
import { toItem } from './programmes.view.ts';

type Fields = ItemValues;
const ACTIVE_MEMBER = new Set(['probationary', 'full']);

export class ProgrammeItemService extends ProgrammeService {
  /**
   * The committees a member sits on, wherever they are: a higher level's committee is usually outside
   * the scope of the officer planning at a lower level, and the rule must still see it. Read before
   * the caller's transaction (one connection on PGlite); the member's visibility is checked inside it.
   */
  private committees(memberId: string | null): Promise<string[]> {
    if (!memberId) return Promise.resolve([]);
    return inTransaction(this.ctx.database.db, SYSTEM_SCOPE, (tx) => repo.committeeOrgPaths(tx, memberId));
  }

  /** Checks an item's fields against the programme and the authority rule; returns its columns. */
  private async resolve(tx: Tx, p: repo.ProgrammeRow, v: Fields, committees: string[]): Promise<repo.ItemColumns> {
    let subject: Subject;
    let subjectPath: string;
    let subjectName: string;
    const subjectField = v.subjectMemberId ? 'subjectMemberId' : 'subjectOrgId';
    if (v.subjectMemberId) {
      const m = await repo.findMember(tx, v.subjectMemberId);
      if (!m || m.merged_into) throw invalid(subjectField, 'Đảng viên không tồn tại hoặc nằm ngoài phạm vi của bạn.');
      if (!ACTIVE_MEMBER.has(m.status)) throw invalid(subjectField, 'Đảng viên này không còn sinh hoạt đảng.');
      subject = { type: 'member', orgPath: m.org_path, isCommitteeMemberOf: committees };
      subjectPath = m.org_path;
      subjectName = m.full_name;
    } else {
      const o = v.subjectOrgId ? await repo.findOrg(tx, v.subjectOrgId) : undefined;
      if (!o) throw invalid(subjectField, 'Tổ chức đảng không tồn tại hoặc nằm ngoài phạm vi của bạn.');
      if (o.valid_to) throw invalid(subjectField, 'Tổ chức đảng này đã giải thể hoặc sáp nhập.');
      subject = { type: 'org', org: { kind: o.kind as OrgKind, path: o.path } };
      subjectPath = o.path;
      subjectName = o.name;
    }
    const bodyOrg = await repo.findOrg(tx, p.org_id);
    if (!bodyOrg) throw notFound('Tổ chức');
    const body = await decidingBody(tx, p.body_type as BodyType, bodyOrg);
    const verdict = mayRun(v.kind as CaseKind, body, subject);
    if (!verdict.allowed) {
      // When the body may do some work on this subject, it is the kind that is wrong; otherwise the subject.
      const field = mayRun('supervision.regular', body, subject).allowed ? 'kind' : subjectField;
      throw invalid(field, verdict.reason);
    }
    const year = v.year ?? (v.periodFrom ? Number(v.periodFrom.slice(0, 4)) : p.period === 'year' ? p.year_from : null);
    if (year === null) throw invalid('year', 'Chọn năm thực hiện trong nhiệm kỳ.');
    if (year < p.year_from || year > p.year_to)
      throw invalid('year', `Năm thực hiện phải trong thời gian của chương trình (${p.year_from}–${p.year_to}).`);
    for (const f of ['periodFrom', 'periodTo'] as const) {
      const d = v[f];
      if (d && Number(d.slice(0, 4)) !== year) throw invalid(f, `Thời gian thực hiện phải trong năm ${year}.`);
    }
    if (v.periodFrom && v.periodTo && v.periodTo < v.periodFrom)
      throw invalid('periodTo', 'Thời gian kết thúc phải sau thời gian bắt đầu.');
    if (v.responsibleOrgId && !(await repo.findOrg(tx, v.responsibleOrgId)))
      throw invalid('responsibleOrgId', 'Đơn vị chủ trì không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    return {
      year,
      kind: v.kind,
      subject_org_id: v.subjectMemberId ? null : v.subjectOrgId,
      subject_member_id: v.subjectMemberId,
      subject_path: subjectPath,
      subject_name: subjectName.normalize('NFC'),
      topic: v.topic.normalize('NFC'),
      period_from: v.periodFrom,
      period_to: v.periodTo,
      responsible_org_id: v.responsibleOrgId,
      lead_name: v.leadName?.normalize('NFC') || null,
    };
  }

  /** The item and its programme (held for the transaction), ready for a change; or why it may not change. */
  private async editable(tx: Tx, scope: Scope, id: string) {
    const item = await repo.findItem(tx, id);
    if (!item) throw notFound('Nội dung chương trình');
    const p = await this.load(tx, scope, item.programme_id, true);
    assertWritable(scope, p.scope_path);
    this.assertEditable(p);
    if (item.status !== 'planned') throw stateError('Nội dung này đã bị hủy.');
    return { item, p };
  }

  private async audit(tx: Tx, actor: Actor, action: string, p: repo.ProgrammeRow, id: string, before: ProgrammeItem | null, extra = {}) {
    const row = await repo.findItem(tx, id);
    if (!row) throw notFound('Nội dung chương trình');
    const after = toItem(row);
    await appendAudit(tx, actor, {
      action,
      entityType: 'programme_item',
      entityId: id,
      scopePath: p.scope_path,
      before,
      after,
      detail: { programmeId: p.id, seq: after.seq, ...extra },
    });
    return after;
  }

  async addItem(actor: Actor, programmeId: string, input: Fields): Promise<ProgrammeItem> {
    const scope = requireScope(actor, 'inspection.write');
    const committees = await this.committees(input.subjectMemberId);
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, programmeId, true);
      assertWritable(scope, p.scope_path);
      this.assertEditable(p);
      const cols = await this.resolve(tx, p, input, committees);
      const { id } = await repo.insertItem(tx, {
        ...cols,
        programme_id: p.id,
        scope_path: p.scope_path,
        province_code: p.province_code,
        seq: await repo.nextSeq(tx, p.id),
        secrecy: p.secrecy,
      });
      return this.audit(tx, actor, 'programme.item_add', p, id, null);
    });
  }

  async updateItem(actor: Actor, id: string, input: ItemUpdateValues): Promise<ProgrammeItem> {
    const scope = requireScope(actor, 'inspection.write');
    const current = await this.run(requireScope(actor, 'inspection.read'), (tx) => repo.findItem(tx, id));
    if (!current) throw notFound('Nội dung chương trình');
    // A new subject replaces the old one whole: sending one of the two clears the other.
    const newSubject = input.subjectOrgId !== undefined || input.subjectMemberId !== undefined;
    const subjectOrgId = newSubject ? (input.subjectOrgId ?? null) : current.subject_org_id;
    const subjectMemberId = newSubject ? (input.subjectMemberId ?? null) : current.subject_member_id;
    if ((subjectOrgId === null) === (subjectMemberId === null))
      throw invalid('subjectOrgId', 'Chọn một đối tượng: một tổ chức đảng hoặc một đảng viên.');
    const committees = await this.committees(subjectMemberId);
    return this.run(scope, async (tx) => {
      const { item, p } = await this.editable(tx, scope, id);
      const before = toItem(item);
      const merged: Fields = {
        kind: input.kind ?? before.kind,
        subjectOrgId,
        subjectMemberId,
        topic: input.topic ?? before.topic,
        year: input.year !== undefined ? input.year : before.year,
        periodFrom: input.periodFrom !== undefined ? input.periodFrom : before.periodFrom,
        periodTo: input.periodTo !== undefined ? input.periodTo : before.periodTo,
        responsibleOrgId: input.responsibleOrgId !== undefined ? input.responsibleOrgId : before.responsibleOrgId,
        leadName: input.leadName !== undefined ? input.leadName : before.leadName,
      };
      if (
        before.case &&
        (merged.kind !== before.kind || subjectOrgId !== before.subjectOrgId || subjectMemberId !== before.subjectMemberId)
      )
        throw stateError(`Nội dung này đã có cuộc ${before.case.code}: không đổi loại công việc hoặc đối tượng được nữa.`);
      const cols = await this.resolve(tx, p, merged, committees);
      if (!(await repo.updateItem(tx, id, input.version, cols))) throw conflict();
      return this.audit(tx, actor, 'programme.item_update', p, id, before);
    });
  }

  /** An item is cancelled with a reason, never deleted: the approved revisions still name it. */
  async cancelItem(actor: Actor, id: string, input: { reason: string; version: number }): Promise<ProgrammeItem> {
    const scope = requireScope(actor, 'inspection.write');
    return this.run(scope, async (tx) => {
      const { item, p } = await this.editable(tx, scope, id);
      const before = toItem(item);
      if (before.case && before.case.status !== 'cancelled')
        throw stateError(`Nội dung này đã có cuộc ${before.case.code}: hãy hủy bỏ cuộc đó trước khi hủy nội dung.`);
      const reason = input.reason.normalize('NFC');
      if (!(await repo.updateItem(tx, id, input.version, { status: 'cancelled', cancelled_reason: reason }))) throw conflict();
      return this.audit(tx, actor, 'programme.item_cancel', p, id, before, { reason });
    });
  }
}
