// The deciding body's conclusion (domain.md §3, steps 7–8): findings, violation found or not, what must be
// remedied by whom and by when (each requirement a remediation_item), and a proposal to consider discipline
// that the discipline module (issue #5) reads. Supervision concludes on signs of violation instead.
import type { CaseConclusionInput } from '../../../../common/case-api.ts';
import { CASE_KIND_LABELS, type CaseKind, isInspection } from '../../../../common/cases.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertWritable, requireScope } from '../../platform/access/scope.ts';
import { invalid } from '../../platform/errors.ts';
import { actionChecks } from './case-rules.ts';
import { CaseWorkflowService } from './case-workflow.service.ts';
import * as repo from './cases.repository.ts';
import { factsOf } from './cases.view.ts';

type Conclusion = Omit<CaseConclusionInput, 'proposeDiscipline' | 'requirements'> & {
  proposeDiscipline: boolean;
  requirements: NonNullable<CaseConclusionInput['requirements']>;
};

export class CaseConclusionService extends CaseWorkflowService {
  /** Concluding is the deciding body's act: it needs the approving permission (common/roles.ts). */
  async conclude(actor: Actor, id: string, input: Conclusion) {
    this.notFuture('concludedOn', input.concludedOn);
    return this.write(
      actor,
      id,
      input.version,
      'case.conclusion',
      async ({ tx, c, before }) => {
        const { facts } = await factsOf(tx, c);
        const check = actionChecks(facts).conclusion;
        if (!check.allowed) throw invalid('concludedOn', check.reason ?? '');
        const current = [...before.steps].reverse().find((s) => !s.completedOn);
        if (current && input.concludedOn < current.startedOn)
          throw invalid('concludedOn', 'Ngày kết luận không được trước ngày bắt đầu bước kết luận.');
        const inspection = isInspection(c.kind as CaseKind);
        // Supervision does not discipline: signs of violation found turn into an inspection on signs (domain.md §2).
        if (input.proposeDiscipline && !inspection)
          throw invalid('proposeDiscipline', 'Giám sát không đề nghị kỷ luật; khi phát hiện dấu hiệu vi phạm thì chuyển sang kiểm tra.');
        if (input.proposeDiscipline && !input.violationFound)
          throw invalid('proposeDiscipline', 'Chỉ đề nghị xem xét kỷ luật khi kết luận có vi phạm.');
        const rows = [];
        for (const [i, r] of input.requirements.entries()) {
          const at = `requirements.${i}`;
          if (r.dueOn < input.concludedOn) throw invalid(`${at}.dueOn`, 'Hạn thực hiện không được trước ngày kết luận.');
          if (r.ownerOrgId && !(await repo.findOrg(tx, r.ownerOrgId)))
            throw invalid(`${at}.ownerOrgId`, 'Tổ chức thực hiện không tồn tại hoặc nằm ngoài phạm vi của bạn.');
          if (r.ownerMemberId && !(await repo.findMember(tx, r.ownerMemberId)))
            throw invalid(`${at}.ownerMemberId`, 'Đảng viên thực hiện không tồn tại hoặc nằm ngoài phạm vi của bạn.');
          if (r.ownerUserId && !(await repo.findUser(tx, r.ownerUserId)))
            throw invalid(`${at}.ownerUserId`, 'Người dùng theo dõi không tồn tại hoặc nằm ngoài phạm vi của bạn.');
          rows.push({
            case_id: c.id,
            scope_path: c.scope_path,
            province_code: c.province_code,
            seq: i + 1,
            requirement: r.requirement,
            owner_org_id: r.ownerOrgId ?? null,
            owner_member_id: r.ownerMemberId ?? null,
            owner_user_id: r.ownerUserId ?? null,
            owner_name: r.ownerName,
            due_on: r.dueOn,
            // The requirements inherit the case's mark: they say what the conclusion found.
            secrecy: c.secrecy,
            created_by: actor.userId,
          });
        }
        await repo.insertRemediation(tx, rows);
        return {
          findings: input.findings,
          violation_found: input.violationFound,
          concluded_on: input.concludedOn,
          propose_discipline: input.proposeDiscipline,
          discipline_note: input.disciplineNote ?? null,
        };
      },
      'inspection.approve',
      { requirements: input.requirements.length, proposeDiscipline: input.proposeDiscipline },
    );
  }

  /**
   * Supervision that found signs of violation turns into an inspection on signs of the same subject
   * (domain.md §2; Quy định 296-QĐ/TW): a committee hands it to its own UBKT, a chi bộ inspects itself.
   * The new case is opened like any other, so the authority check and its refusal apply.
   */
  async escalate(actor: Actor, id: string) {
    const scope = requireScope(actor, 'inspection.write');
    const c = await this.run(scope, async (tx) => {
      const row = await this.load(tx, scope, id);
      assertWritable(scope, row.scope_path);
      return row;
    });
    if (isInspection(c.kind as CaseKind)) throw invalid('id', 'Chỉ cuộc giám sát mới chuyển sang kiểm tra khi có dấu hiệu vi phạm.');
    if (!c.concluded_on || !c.violation_found)
      throw invalid('violationFound', 'Chỉ chuyển sang kiểm tra khi kết quả giám sát đã ghi nhận phát hiện dấu hiệu vi phạm.');
    const from = `Qua ${CASE_KIND_LABELS[c.kind as CaseKind].toLowerCase()} (cuộc ${c.code}) phát hiện dấu hiệu vi phạm: `;
    return this.create(actor, {
      kind: 'inspection.signs',
      bodyOrgId: c.body_org_id,
      bodyType: c.body_type === 'cell' ? 'cell' : 'ubkt',
      subjectOrgId: c.subject_org_id ?? undefined,
      subjectMemberId: c.subject_member_id ?? undefined,
      topic: c.topic,
      grounds: (from + (c.findings ?? '')).slice(0, 4000),
      secrecy: c.secrecy,
    });
  }
}
