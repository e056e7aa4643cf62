// Cases (cuộc kiểm tra, giám sát): find, read and open them, within the actor's subtree and clearance.
// Opening checks who may run which kind of work on whom (domain.md §2) and explains a refusal.
import type { CaseCreate, CaseDetail, CaseList, CaseQuery } from '../../../../common/case-api.ts';
import { CASE_STEPS, type CaseKind, type StepCode } from '../../../../common/cases.ts';
import { todayInVietnam } from '../../../../common/dates.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { addWorkingDays } from '../../domain/calendar/workdays.ts';
import { type BodyOrg, type DecidingBody, mayRun, type Subject } from '../../domain/cases/authority.ts';
import { stepDays } from '../../domain/cases/procedure.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWithinClearance, assertWritable, requireScope, type Scope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit, auditMarkedReads } from '../../platform/audit/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { nextNumber } from '../../platform/numbering/counter.repository.ts';
import { CalendarService } from '../calendar/calendar.service.ts';
import * as list from './case-list.repository.ts';
import * as repo from './cases.repository.ts';
import { caseCode, caseDetail, toListItem } from './cases.view.ts';

interface CaseSpec {
  kind: CaseKind;
  bodyOrgId: string;
  bodyType: DecidingBody['type'];
  subjectOrgId?: string;
  subjectMemberId?: string;
  topic: string;
  grounds?: string | null;
  secrecy: number;
  programmeItemId: string | null;
  openedOn?: string;
}

export class CaseService {
  protected readonly ctx: AppContext;
  protected readonly calendar: CalendarService;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
    this.calendar = new CalendarService(ctx);
  }

  protected run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>) {
    return inTransaction(this.ctx.database.db, scope, fn);
  }

  /** The case as the actor may see it, or 404 (outside the subtree or above the clearance). */
  protected async load(tx: Tx, scope: Scope, id: string): Promise<repo.CaseRow> {
    const c = await repo.findCase(tx, id);
    if (!c) throw notFound('Cuộc kiểm tra, giám sát');
    assertVisible(scope, { path: c.scope_path, secrecy: c.secrecy }, 'Cuộc kiểm tra, giám sát');
    return c;
  }

  /** A step's due date: its working days counted on the recorded calendar (domain.md §10). */
  protected async stepDue(tx: Tx, kind: CaseKind, step: StepCode, on: string) {
    const days = stepDays(kind, step);
    if (days === null) return null;
    const y = Number(on.slice(0, 4));
    return addWorkingDays(on, days, await this.calendar.load([y, y + 1], tx));
  }

  protected notFuture(field: string, date: string) {
    if (date > todayInVietnam()) throw invalid(field, 'Ngày không được sau ngày hôm nay.');
  }

  async list(actor: Actor, q: CaseQuery): Promise<CaseList> {
    const scope = requireScope(actor, 'inspection.read');
    const today = todayInVietnam();
    return this.run(scope, async (tx) => {
      let path: string | null = null;
      if (q.orgId) {
        const org = await repo.findOrg(tx, q.orgId);
        if (!org) throw notFound('Tổ chức');
        assertVisible(scope, org, 'Tổ chức');
        path = org.path;
      }
      const f: list.CaseFilter = {
        path,
        year: q.year ?? null,
        kind: q.kind ?? null,
        status: q.status ?? null,
        step: q.step ?? null,
        overdue: q.overdue ?? null,
        proposeDiscipline: q.proposeDiscipline ?? null,
        today,
      };
      const [{ rows, total }, counts] = await Promise.all([
        list.listCases(tx, f, (q.page - 1) * q.pageSize, q.pageSize),
        list.countCases(tx, f),
      ]);
      await auditMarkedReads(
        tx,
        actor,
        'inspection_case',
        rows.map((r) => ({ id: r.id, path: r.scope_path, secrecy: r.secrecy })),
      );
      return { items: rows.map((r) => toListItem(r, today)), total, counts };
    });
  }

  async get(actor: Actor, id: string): Promise<CaseDetail> {
    const scope = requireScope(actor, 'inspection.read');
    return this.run(scope, async (tx) => {
      const c = await this.load(tx, scope, id);
      await auditMarkedReads(tx, actor, 'inspection_case', [{ id: c.id, path: c.scope_path, secrecy: c.secrecy }]);
      return caseDetail(tx, c, todayInVietnam());
    });
  }

  /** The detail after a write, in the write's transaction. */
  protected async detail(tx: Tx, scope: Scope, id: string) {
    return caseDetail(tx, await this.load(tx, scope, id), todayInVietnam());
  }

  /** A case from an approved programme item: kind, subject, topic and deciding body come from the plan. */
  private async fromItem(tx: Tx, itemId: string, openedOn?: string): Promise<CaseSpec> {
    const item = await repo.findProgrammeItem(tx, itemId);
    if (!item) throw invalid('programmeItemId', 'Mục kế hoạch không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    if (item.programme_status !== 'approved')
      throw invalid('programmeItemId', 'Chương trình, kế hoạch chưa được phê duyệt (hoặc đang điều chỉnh): chưa lập cuộc theo mục này.');
    if (item.status !== 'planned') throw invalid('programmeItemId', 'Mục kế hoạch đã bị hủy.');
    const existing = await repo.caseOfItem(tx, itemId);
    if (existing) throw invalid('programmeItemId', `Mục kế hoạch này đã có cuộc ${existing}.`);
    return {
      kind: item.kind as CaseKind,
      bodyOrgId: item.org_id,
      bodyType: item.body_type as DecidingBody['type'],
      subjectOrgId: item.subject_org_id ?? undefined,
      subjectMemberId: item.subject_member_id ?? undefined,
      topic: item.topic,
      secrecy: Math.max(item.secrecy, item.programme_secrecy),
      programmeItemId: item.id,
      openedOn,
    };
  }

  async create(actor: Actor, input: CaseCreate): Promise<CaseDetail> {
    const scope = requireScope(actor, 'inspection.write');
    return this.run(scope, (tx) => this.createIn(tx, scope, actor, input));
  }

  /**
   * Opens a case inside the caller's transaction, so a caller's own write commits with it or not at all
   * (an accepted denunciation opens its inspection and records the link in one go: issue #6, point 8).
   */
  async createIn(tx: Tx, scope: Scope, actor: Actor, input: CaseCreate): Promise<CaseDetail> {
    const spec: CaseSpec =
      'programmeItemId' in input ? await this.fromItem(tx, input.programmeItemId, input.openedOn) : { ...input, programmeItemId: null };
    if (!('programmeItemId' in input)) {
      if (!!spec.subjectOrgId === !!spec.subjectMemberId)
        throw invalid('subjectMemberId', 'Chọn một đối tượng: một tổ chức đảng hoặc một đảng viên.');
      if (spec.kind === 'inspection.signs' && !spec.grounds)
        throw invalid('grounds', 'Kiểm tra khi có dấu hiệu vi phạm phải nêu căn cứ, dấu hiệu vi phạm (Quy định 296-QĐ/TW).');
    }
    assertWithinClearance(actor, spec.secrecy, 'secrecy');
    const openedOn = spec.openedOn ?? todayInVietnam();
    this.notFuture('openedOn', openedOn);
    const { body, subject, subjectRow } = await this.authorise(tx, scope, spec);
    const year = Number(openedOn.slice(0, 4));
    const seq = await nextNumber(tx, body.id, year, '#case', body.path);
    const first = CASE_STEPS[spec.kind][0] as StepCode;
    const id = await repo.insertCase(tx, {
      body_org_id: body.id,
      body_type: spec.bodyType,
      scope_path: body.path,
      province_code: body.province_code,
      year,
      seq,
      code: caseCode(seq, year, spec.kind),
      kind: spec.kind,
      programme_item_id: spec.programmeItemId,
      subject_org_id: subject.type === 'org' ? subjectRow.id : null,
      subject_member_id: subject.type === 'member' ? subjectRow.id : null,
      subject_path: subjectRow.path,
      subject_name: subjectRow.name,
      topic: spec.topic.normalize('NFC'),
      grounds: spec.grounds?.normalize('NFC') ?? null,
      step: first,
      secrecy: spec.secrecy,
      created_by: actor.userId,
    });
    await repo.insertStep(tx, {
      case_id: id,
      scope_path: body.path,
      step: first,
      started_on: openedOn,
      due_on: await this.stepDue(tx, spec.kind, first, openedOn),
      created_by: actor.userId,
    });
    const created = await this.detail(tx, scope, id);
    await appendAudit(tx, actor, {
      action: 'case.create',
      entityType: 'inspection_case',
      entityId: id,
      scopePath: body.path,
      after: created,
      detail: { code: created.code, kind: spec.kind, programmeItemId: spec.programmeItemId },
    });
    return created;
  }

  /** Domain.md §2: who may run which kind on whom. A refusal names the body or the subject field. */
  private async authorise(tx: Tx, scope: Scope, spec: CaseSpec) {
    const body = await repo.findOrg(tx, spec.bodyOrgId);
    if (!body) throw invalid('bodyOrgId', 'Cơ quan ra quyết định không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    assertWritable(scope, body.path);
    if (body.valid_to) throw invalid('bodyOrgId', 'Tổ chức này đã giải thể hoặc sáp nhập.');
    const bodyOrg: BodyOrg = {
      kind: body.kind as OrgKind,
      level: body.level,
      path: body.path,
      hasCommittee: body.has_committee,
      hasInspectionCommittee: body.has_inspection_committee,
      memberCount: body.kind === 'cell' ? await repo.memberCountOf(tx, body.id) : undefined,
    };
    const deciding: DecidingBody = { type: spec.bodyType, org: bodyOrg };
    let subject: Subject;
    let subjectRow: { id: string; path: string; name: string };
    let field: string;
    if (spec.subjectMemberId) {
      field = 'subjectMemberId';
      const m = await repo.findMember(tx, spec.subjectMemberId);
      if (!m || m.secrecy > scope.clearance) throw invalid(field, 'Đảng viên không tồn tại hoặc nằm ngoài phạm vi của bạn.');
      subject = { type: 'member', orgPath: m.org_path, isCommitteeMemberOf: await repo.committeePathsOf(tx, m.id) };
      subjectRow = { id: m.id, path: m.org_path, name: m.full_name };
    } else {
      field = 'subjectOrgId';
      const o = await repo.findOrg(tx, spec.subjectOrgId as string);
      if (!o) throw invalid(field, 'Tổ chức đảng không tồn tại hoặc nằm ngoài phạm vi của bạn.');
      subject = { type: 'org', org: { kind: o.kind as OrgKind, path: o.path } };
      subjectRow = { id: o.id, path: o.path, name: o.name };
    }
    const verdict = mayRun(spec.kind, deciding, subject);
    if (!verdict.allowed) {
      // Whether the body itself cannot run this kind, whatever the subject: then the refusal is about the body.
      const probe: Subject =
        spec.bodyType === 'cell'
          ? { type: 'member', orgPath: body.path }
          : { type: 'org', org: { kind: 'cell', path: `${body.path}.probe` } };
      const bodyRefused =
        !mayRun(spec.kind, deciding, probe).allowed &&
        !mayRun(spec.kind, deciding, { type: 'member', orgPath: `${body.path}.probe` }).allowed;
      throw invalid(bodyRefused ? 'bodyType' : field, verdict.reason);
    }
    return { body, subject, subjectRow };
  }
}
