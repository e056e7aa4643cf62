// Handling an accepted letter (domain.md §5; issue #6, points 3, 5, 8): the one extension, the pre-congress
// rule, the inspection on signs an accepted denunciation opens (case and link written together), the
// resolution, the answer to the sender (also posted to the portal thread), and the forwarding letter.
import { formatVnDate, todayInVietnam } from '../../../../common/dates.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import type { PetitionDetail, ScreeningResult } from '../../../../common/petition-api.ts';
import {
  PETITION_CLOCK_STOPPED,
  PETITION_KIND_LABELS,
  PETITION_STATUSES,
  type PetitionKind,
  type PetitionStatus,
} from '../../../../common/petitions.ts';
import { extensionProblem, preCongressCheck } from '../../domain/petitions/deadlines.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertWritable, inScope, requireScope } from '../../platform/access/scope.ts';
import { auditMarkedReads } from '../../platform/audit/audit.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.ts';
import { type LoadedFile, loadFile } from '../../platform/files/files.ts';
import { CaseService } from '../cases/cases.service.ts';
import { calendarFor, computeDeadline, deadlineConfig } from './deadlines.service.ts';
import { forwardingTrees, generateForwardingLetter } from './forwarding-letter.ts';
import { PetitionBase } from './petitions.base.ts';
import * as repo from './petitions.repository.ts';
import { isoDay } from './petitions.view.ts';

/** The clock runs in these statuses (the others stop it: common/petitions.ts PETITION_CLOCK_STOPPED). */
const RUNNING: readonly PetitionStatus[] = PETITION_STATUSES.filter((s) => !PETITION_CLOCK_STOPPED.includes(s));
/** The sender is answered after the resolution, or told the letter was kept, refused or forwarded. */
const ANSWERABLE: readonly PetitionStatus[] = ['resolved', 'kept_as_information', 'refused', 'forwarded'];

function notFuture(field: string, date: string, what: string) {
  if (date > todayInVietnam()) throw invalid(field, `${what} không được sau ngày hôm nay.`);
}

export class PetitionWorkflowService extends PetitionBase {
  /** One extension, of at most the rule's maximum (Quy định 296-QĐ/TW: 30 working days at grassroots). */
  extend(actor: Actor, id: string, input: { version: number; workingDays: number; reason: string }): Promise<PetitionDetail> {
    return this.write(actor, id, input.version, 'petition.extend', async ({ tx, p }) => {
      if (!RUNNING.includes(p.status as PetitionStatus) || p.passed_to_new_committee)
        throw invalid('workingDays', 'Đơn không còn tính thời hạn giải quyết: không gia hạn.');
      const kind = p.kind as PetitionKind;
      const level = p.body_org_kind as OrgKind;
      const config = await deadlineConfig(tx);
      const problem = extensionProblem(kind, level, input.workingDays, p.extension_days !== null, config);
      if (problem) throw invalid('workingDays', problem);
      const d = await computeDeadline(
        this.ctx,
        tx,
        { kind, level, receivedOn: isoDay(p.received_on) as string, extensionWorkingDays: input.workingDays },
        { config },
      );
      return {
        set: {
          extension_days: input.workingDays,
          extension_reason: input.reason,
          extended_by: actor.userId,
          clock_start_on: d.startOn,
          due_on: d.dueOn,
          remind_on: d.remindOn,
          escalate_on: d.escalateOn,
        },
        detail: { workingDays: input.workingDays, dueBefore: isoDay(p.due_on), dueAfter: d.dueOn },
      };
    });
  }

  /** Hướng dẫn 07-HD/UBKTTW: a letter received just before the congress goes to the new committee. */
  preCongress(
    actor: Actor,
    id: string,
    input: { version: number; congressOpensOn: string; relatedToCongress: boolean },
  ): Promise<PetitionDetail> {
    return this.write(actor, id, input.version, 'petition.pre_congress', async ({ tx, p }) => {
      if (!RUNNING.includes(p.status as PetitionStatus))
        throw invalid('congressOpensOn', 'Đơn đã kết thúc xử lý: không xét chuyển cấp ủy khóa mới.');
      const receivedOn = isoDay(p.received_on) as string;
      const [from, to] = receivedOn < input.congressOpensOn ? [receivedOn, input.congressOpensOn] : [input.congressOpensOn, receivedOn];
      const [config, cal] = await Promise.all([deadlineConfig(tx), calendarFor(this.ctx, tx, from, to)]);
      const r = preCongressCheck(
        {
          receivedOn,
          congressOpensOn: input.congressOpensOn,
          level: p.body_org_kind as OrgKind,
          relatedToCongress: input.relatedToCongress,
        },
        cal,
        config,
      );
      const record = {
        congressOpensOn: input.congressOpensOn,
        relatedToCongress: input.relatedToCongress,
        checkedOn: todayInVietnam(),
        ...r,
      };
      return {
        set: { pre_congress: JSON.stringify(record), passed_to_new_committee: r.passToNewCommittee },
        detail: { congressOpensOn: input.congressOpensOn, passToNewCommittee: r.passToNewCommittee },
      };
    });
  }

  /**
   * Issue #6, point 8: an accepted denunciation (or a letter kept as information whose specific content may
   * lead to an inspection) opens an inspection on signs of violation by the receiving body, in the same
   * transaction as the link to it: there is never a case without its letter, nor a letter pointing nowhere.
   */
  openCase(actor: Actor, id: string, input: { version: number; grounds?: string }): Promise<PetitionDetail> {
    const inspection = requireScope(actor, 'inspection.write');
    return this.write(actor, id, input.version, 'petition.case_open', async ({ tx, p }) => {
      if (p.case_id) throw invalid('status', 'Đã mở cuộc kiểm tra theo đơn này.');
      const result = (p.screening as { result?: ScreeningResult } | null)?.result;
      const accepted = p.kind === 'denunciation' && p.status === 'accepted';
      const information = p.status === 'kept_as_information' && result?.mayLeadToInspection === true;
      if (!accepted && !information)
        throw invalid(
          'status',
          'Chỉ mở cuộc kiểm tra khi có dấu hiệu vi phạm từ đơn tố cáo đã thụ lý, hoặc từ đơn lưu làm thông tin có nội dung cụ thể.',
        );
      if (!p.subject_member_id && !p.subject_org_id)
        throw invalid('subjectMemberId', 'Đối tượng của đơn chưa được xác định trong danh sách đảng viên, tổ chức đảng.');
      if (!inScope(inspection, p.scope_path)) throw forbidden('Bạn không có quyền mở cuộc kiểm tra tại cơ quan này.');
      const body = await repo.findOrg(tx, p.body_org_id);
      if (!body) throw notFound('Cơ quan tiếp nhận');
      // Điều lệ Đảng, Điều 32; Quy định 296-QĐ/TW: the UBKT inspects on signs; a chi bộ inspects its own members.
      const bodyType = body.has_inspection_committee ? 'ubkt' : body.kind === 'cell' || body.kind === 'grassroots' ? 'cell' : null;
      if (!bodyType)
        throw invalid(
          'status',
          'Cơ quan tiếp nhận không có Ủy ban Kiểm tra: kiểm tra khi có dấu hiệu vi phạm do Ủy ban Kiểm tra tiến hành.',
        );
      const kindLabel = PETITION_KIND_LABELS[p.kind as PetitionKind].toLowerCase();
      const grounds =
        input.grounds ?? `Đơn ${kindLabel} số ${p.code} nhận ngày ${formatVnDate(isoDay(p.received_on))}: ${p.title}`.slice(0, 4000);
      const c = await new CaseService(this.ctx).createIn(tx, inspection, actor, {
        kind: 'inspection.signs',
        bodyOrgId: p.body_org_id,
        bodyType,
        subjectMemberId: p.subject_member_id ?? undefined,
        subjectOrgId: p.subject_org_id ?? undefined,
        topic: p.title,
        grounds,
        secrecy: p.secrecy,
      });
      return { set: { case_id: c.id, status: 'in_progress' }, detail: { caseId: c.id, caseCode: c.code } };
    });
  }

  /** The result of handling; a letter under inspection is resolved on the inspection's conclusion. */
  resolve(actor: Actor, id: string, input: { version: number; resolution: string; resolvedOn: string }): Promise<PetitionDetail> {
    notFuture('resolvedOn', input.resolvedOn, 'Ngày giải quyết');
    return this.write(actor, id, input.version, 'petition.resolve', async ({ tx, p }) => {
      if (!['accepted', 'in_progress', 'resolved'].includes(p.status))
        throw invalid('status', 'Chỉ ghi kết quả giải quyết với đơn đã thụ lý, chưa trả lời người gửi.');
      if (input.resolvedOn < (isoDay(p.received_on) as string))
        throw invalid('resolvedOn', 'Ngày giải quyết không được trước ngày nhận đơn.');
      if (p.case_id) {
        const c = await repo.caseOf(tx, p.case_id);
        if (!c?.concluded_on)
          throw invalid('resolution', `Cuộc kiểm tra${c ? ` ${c.code}` : ''} chưa có kết luận: giải quyết đơn theo kết luận kiểm tra.`);
      }
      return {
        set: { status: 'resolved', resolution: input.resolution, resolved_on: input.resolvedOn },
        detail: { resolvedOn: input.resolvedOn },
      };
    });
  }

  /** The answer to the sender; a letter from the portal also gets it as a message the sender reads there. */
  answer(actor: Actor, id: string, input: { version: number; answer: string; answeredOn: string }): Promise<PetitionDetail> {
    notFuture('answeredOn', input.answeredOn, 'Ngày trả lời');
    return this.write(actor, id, input.version, 'petition.answer', async ({ tx, p }) => {
      if (!ANSWERABLE.includes(p.status as PetitionStatus))
        throw invalid(
          'status',
          p.status === 'answered'
            ? 'Đã trả lời người gửi.'
            : 'Cần ghi kết quả giải quyết trước khi trả lời người gửi (hoặc đơn phải được lưu làm thông tin, không thụ lý, chuyển đơn).',
        );
      const after = isoDay(p.resolved_on) ?? isoDay(p.screened_on) ?? (isoDay(p.received_on) as string);
      if (input.answeredOn < after) throw invalid('answeredOn', `Ngày trả lời không được trước ngày ${formatVnDate(after)}.`);
      let messageId: string | null = null;
      // Posted where the sender reads it: only a letter whose receipt they hold (not a part split from it).
      if (p.receipt_code_hash !== null)
        messageId = await repo.insertMessage(tx, { petitionId: p.id, scopePath: p.scope_path, userId: actor.userId, body: input.answer });
      return {
        set: { status: 'answered', answer: input.answer, answered_on: input.answeredOn },
        detail: { answeredOn: input.answeredOn, fromStatus: p.status, portalMessageId: messageId },
      };
    });
  }

  /** The forwarding letter of a letter screened "forward", generated in this transaction (forwarding-letter.ts). */
  async forwardingLetter(
    actor: Actor,
    id: string,
    input: { version: number; signerName: string; signerTitle: string },
  ): Promise<PetitionDetail> {
    const scope = requireScope(actor, 'petition.write');
    const trees = await forwardingTrees(this.ctx, id);
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id, true);
      assertWritable(scope, p.scope_path);
      if (p.version !== input.version) throw conflict();
      if (p.screening_outcome !== 'forward' || !p.forward_org_id)
        throw invalid('status', 'Chỉ lập phiếu chuyển đơn cho đơn đã được phân loại chuyển đến cấp có thẩm quyền giải quyết.');
      await generateForwardingLetter(this.ctx, tx, actor, p.id, { signerName: input.signerName, signerTitle: input.signerTitle }, trees);
      return this.detail(tx, await this.load(tx, scope, id));
    });
  }

  async forwardingLetterFile(actor: Actor, id: string): Promise<LoadedFile> {
    const scope = requireScope(actor, 'petition.read');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id);
      if (!p.forward_file_id) throw notFound('Phiếu chuyển đơn');
      const f = await loadFile(tx, p.forward_file_id, 'Phiếu chuyển đơn');
      await auditMarkedReads(tx, actor, 'stored_file', [{ id: f.id, path: f.scopePath, secrecy: f.secrecy }]);
      return f;
    });
  }
}
