// A case's team (đoàn, tổ kiểm tra / giám sát) and the files attached to its steps (minutes, reports).
import { ATTACHMENT_KINDS, type AttachmentKind } from '../../../../common/case-api.ts';
import type { TeamRole } from '../../../../common/cases.ts';
import { todayInVietnam } from '../../../../common/dates.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWritable, requireScope } from '../../platform/access/scope.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { type LoadedFile, loadFile, storeFile } from '../../platform/files/files.ts';
import type { Upload } from '../../platform/files/http.ts';
import { CaseConclusionService } from './case-conclusion.service.ts';
import { type SeatPerson, subjectSide, teamCheck } from './case-people.ts';
import { actionChecks } from './case-rules.ts';
import * as repo from './cases.repository.ts';
import { factsOf } from './cases.view.ts';

export interface SeatInput {
  memberId?: string;
  userId?: string;
  fullName?: string;
  birthDate?: string;
  position?: string;
  role: TeamRole;
  version: number;
}

export class CaseTeamService extends CaseConclusionService {
  /** Quy định 296-QĐ/TW (domain.md §3, step 1): neither the subject nor a recorded relative sits on the team. */
  async addSeat(actor: Actor, id: string, input: SeatInput) {
    return this.write(
      actor,
      id,
      input.version,
      'case.team.add',
      async ({ tx, c }) => {
        const { facts, team } = await factsOf(tx, c);
        const check = actionChecks(facts).team;
        if (!check.allowed) throw invalid('role', check.reason ?? '');
        let fullName = input.fullName;
        let field = 'fullName';
        if (input.memberId) {
          field = 'memberId';
          const m = await repo.findMember(tx, input.memberId);
          if (!m) throw invalid(field, 'Đảng viên không tồn tại hoặc nằm ngoài phạm vi của bạn.');
          fullName = m.full_name;
        } else if (input.userId) {
          field = 'userId';
          const u = await repo.findUser(tx, input.userId);
          if (!u) throw invalid(field, 'Người dùng không tồn tại hoặc nằm ngoài phạm vi của bạn.');
          fullName = u.full_name;
        }
        if (!fullName) throw invalid('fullName', 'Chọn đảng viên, người dùng, hoặc nhập họ và tên.');
        const seats: SeatPerson[] = team.map((s) => ({
          key: s.member_id ?? s.id,
          memberId: s.member_id,
          fullName: s.full_name,
          role: s.role as TeamRole,
        }));
        seats.push({
          key: input.memberId ?? 'new-seat',
          memberId: input.memberId ?? null,
          fullName,
          role: input.role,
          birthDate: input.birthDate,
        });
        const problems = await teamCheck(tx, seats, await subjectSide(tx, c), true);
        if (problems.length > 0) throw invalid(problems.some((p) => p.includes('Trưởng đoàn')) ? 'role' : field, problems.join(' '));
        await repo.insertSeat(tx, {
          case_id: c.id,
          scope_path: c.scope_path,
          member_id: input.memberId ?? null,
          user_id: input.userId ?? null,
          full_name: fullName.normalize('NFC'),
          position: input.position ?? null,
          role: input.role,
          added_on: todayInVietnam(),
        });
        return undefined;
      },
      'inspection.write',
      { role: input.role },
    );
  }

  async removeSeat(actor: Actor, id: string, seatId: string, version: number) {
    return this.write(actor, id, version, 'case.team.remove', async ({ tx, c }) => {
      const { facts } = await factsOf(tx, c);
      const check = actionChecks(facts).team;
      if (!check.allowed) throw invalid('seatId', check.reason ?? '');
      if (!(await repo.removeSeat(tx, c.id, seatId, todayInVietnam()))) throw notFound('Thành viên đoàn');
      return undefined;
    });
  }

  /** A file attached to a step (the open one unless named), stored with the case's scope and mark. */
  async attach(actor: Actor, id: string, upload: Upload) {
    const scope = requireScope(actor, 'inspection.write');
    const kind = (upload.fields.kind ?? 'other') as AttachmentKind;
    if (!ATTACHMENT_KINDS.includes(kind)) throw invalid('kind', 'Loại tài liệu không hợp lệ.');
    const title = (upload.fields.title ?? '').trim() || upload.fileName;
    if (title.length > 300) throw invalid('title', 'Tên tài liệu tối đa 300 ký tự.');
    return this.run(scope, async (tx) => {
      const c = await this.load(tx, scope, id);
      assertWritable(scope, c.scope_path);
      const steps = await repo.stepsOf(tx, c.id);
      const stepId = upload.fields.stepId || [...steps].reverse().find((s) => !s.completed_on)?.id || steps.at(-1)?.id || null;
      if (stepId && !steps.some((s) => s.id === stepId)) throw invalid('stepId', 'Bước không thuộc cuộc kiểm tra, giám sát này.');
      const file = await storeFile(tx, {
        scopePath: c.scope_path,
        secrecy: c.secrecy,
        fileName: upload.fileName,
        mime: upload.mime,
        data: upload.data,
        createdBy: actor.userId,
      });
      const attachmentId = await repo.insertAttachment(tx, {
        case_id: c.id,
        step_id: stepId,
        scope_path: c.scope_path,
        kind,
        title,
        file_id: file.id,
        created_by: actor.userId,
      });
      await appendAudit(tx, actor, {
        action: 'case.attachment.add',
        entityType: 'case_attachment',
        entityId: attachmentId,
        scopePath: c.scope_path,
        after: { caseId: c.id, stepId, kind, title, fileName: file.fileName, size: file.size, sha256: file.sha256 },
      });
      return this.detail(tx, scope, id);
    });
  }

  /** The file of an attachment; downloading one of a marked case is a confidential read, audited. */
  async download(actor: Actor, attachmentId: string): Promise<LoadedFile> {
    const scope = requireScope(actor, 'inspection.read');
    return this.run(scope, async (tx) => {
      const a = await repo.findAttachment(tx, attachmentId);
      if (!a) throw notFound('Tài liệu');
      const c = await repo.findCase(tx, a.case_id);
      if (!c) throw notFound('Tài liệu');
      assertVisible(scope, { path: c.scope_path, secrecy: c.secrecy }, 'Tài liệu');
      const file = await loadFile(tx, a.file_id, 'Tài liệu');
      if (c.secrecy > 0)
        await appendAudit(tx, actor, {
          action: 'case.attachment.download',
          entityType: 'case_attachment',
          entityId: a.id,
          scopePath: c.scope_path,
          detail: { caseId: c.id, code: c.code, secrecy: c.secrecy, sha256: file.sha256 },
        });
      return file;
    });
  }
}
