// Requests and answers of the cases API (cuộc kiểm tra, giám sát; issue #4): shared by the server's
// routes and the web client. The catalogue of kinds, steps and labels is common/cases.ts.
import { z } from 'zod';
import { BODY_TYPES, CASE_KINDS, CASE_STATUSES, STEP_CODES, TEAM_ROLES } from './cases.ts';
import { isoDate, secrecy, text, uuid, version } from './fields.ts';

export const ATTACHMENT_KINDS = ['minutes', 'report', 'document', 'evidence', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  minutes: 'Biên bản',
  report: 'Báo cáo',
  document: 'Văn bản',
  evidence: 'Tài liệu, chứng cứ',
  other: 'Khác',
};

/** A case from an approved programme item, or directly (an inspection on signs needs its grounds). */
export const caseCreateSchema = z.union([
  z.object({
    programmeItemId: uuid('Mục kế hoạch'),
    openedOn: isoDate('Ngày bắt đầu').optional(),
  }),
  z.object({
    kind: z.enum(CASE_KINDS, { error: 'Loại việc không hợp lệ' }),
    bodyOrgId: uuid('Cơ quan ra quyết định'),
    bodyType: z.enum(BODY_TYPES, { error: 'Loại cơ quan ra quyết định không hợp lệ' }),
    subjectOrgId: uuid('Tổ chức đảng là đối tượng').optional(),
    subjectMemberId: uuid('Đảng viên là đối tượng').optional(),
    topic: text('nội dung', 5, 1000),
    grounds: text('căn cứ, dấu hiệu vi phạm', 10, 4000).optional(),
    secrecy: secrecy.default(0),
    openedOn: isoDate('Ngày bắt đầu').optional(),
  }),
]);
export type CaseCreate = z.infer<typeof caseCreateSchema>;

export const caseQuerySchema = z.object({
  orgId: uuid('Tổ chức').optional(),
  year: z.coerce.number({ error: 'Năm không hợp lệ' }).int().min(2000).max(2199).optional(),
  kind: z.enum(CASE_KINDS, { error: 'Loại việc không hợp lệ' }).optional(),
  status: z.enum(CASE_STATUSES, { error: 'Trạng thái không hợp lệ' }).optional(),
  step: z.enum(STEP_CODES, { error: 'Bước không hợp lệ' }).optional(),
  overdue: z.stringbool().optional(),
  proposeDiscipline: z.stringbool().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CaseQuery = z.infer<typeof caseQuerySchema>;

export const caseDecisionSchema = z.object({
  decidedOn: isoDate('Ngày quyết định'),
  decisionNo: text('số quyết định', 1, 100).optional(),
  version,
});
export const caseAdvanceSchema = z.object({
  to: z.enum(STEP_CODES, { error: 'Bước không hợp lệ' }),
  on: isoDate('Ngày chuyển bước'),
  note: text('ghi chú', 1, 2000).optional(),
  version,
});
export const caseReasonSchema = z.object({ reason: text('lý do', 10, 2000), version });
export const caseExtendSchema = z.object({
  days: z.number({ error: 'Số ngày gia hạn không hợp lệ' }).int('Số ngày gia hạn phải là số nguyên').min(1, 'Số ngày gia hạn phải dương'),
  reason: text('lý do gia hạn', 10, 2000),
  version,
});
export const teamSeatInputSchema = z.object({
  memberId: uuid('Đảng viên').optional(),
  userId: uuid('Người dùng').optional(),
  fullName: text('họ và tên', 2, 200).optional(),
  /** For a named person outside the registry: lets the relatives check match by name and birth date. */
  birthDate: isoDate('Ngày sinh').optional(),
  position: text('chức vụ', 1, 200).optional(),
  role: z.enum(TEAM_ROLES, { error: 'Vai trò trong đoàn không hợp lệ' }),
  version,
});
export const requirementInputSchema = z.object({
  requirement: text('nội dung yêu cầu', 5, 2000),
  ownerOrgId: uuid('Tổ chức thực hiện').optional(),
  ownerMemberId: uuid('Đảng viên thực hiện').optional(),
  ownerUserId: uuid('Người dùng theo dõi').optional(),
  ownerName: text('tên người, tổ chức thực hiện', 2, 300),
  dueOn: isoDate('Hạn thực hiện'),
});
export const caseConclusionSchema = z.object({
  findings: text('nội dung kết luận', 10, 20000),
  /** Supervision: signs of violation found (which turn into an inspection on signs). */
  violationFound: z.boolean({ error: 'Cần cho biết có vi phạm hay không' }),
  concludedOn: isoDate('Ngày kết luận'),
  proposeDiscipline: z.boolean().default(false),
  disciplineNote: text('ghi chú đề nghị kỷ luật', 1, 4000).optional(),
  requirements: z.array(requirementInputSchema).max(50, 'Tối đa 50 yêu cầu').default([]),
  version,
});
export type CaseConclusionInput = z.input<typeof caseConclusionSchema>;

const check = z.object({ allowed: z.boolean(), reason: z.string().nullable() });
export type ActionCheck = z.infer<typeof check>;

export const caseListItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  year: z.number().int(),
  kind: z.enum(CASE_KINDS),
  bodyOrgId: z.string(),
  bodyOrgName: z.string(),
  bodyType: z.enum(BODY_TYPES),
  subjectType: z.enum(['org', 'member']),
  subjectName: z.string(),
  topic: z.string(),
  step: z.enum(STEP_CODES),
  status: z.enum(CASE_STATUSES),
  stepDueOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  overdue: z.boolean(),
  proposeDiscipline: z.boolean(),
  secrecy: z.number().int(),
  version: z.number().int(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;
export const caseListSchema = z.object({
  items: z.array(caseListItemSchema),
  total: z.number().int(),
  counts: z.object({
    open: z.number().int(),
    suspended: z.number().int(),
    closed: z.number().int(),
    cancelled: z.number().int(),
    overdue: z.number().int(),
  }),
});
export type CaseList = z.infer<typeof caseListSchema>;

export const caseDetailSchema = caseListItemSchema.extend({
  provinceCode: z.string().nullable(),
  programmeItemId: z.string().nullable(),
  subjectOrgId: z.string().nullable(),
  subjectMemberId: z.string().nullable(),
  grounds: z.string().nullable(),
  statusReason: z.string().nullable(),
  decisionNo: z.string().nullable(),
  limit: z.object({
    level: z.enum(['central', 'lower']),
    days: z.number().int(),
    maxExtensionDays: z.number().int(),
    extensionDays: z.number().int().nullable(),
    extensionReason: z.string().nullable(),
  }),
  closedOn: z.string().nullable(),
  steps: z.array(
    z.object({
      id: z.string(),
      step: z.enum(STEP_CODES),
      startedOn: z.string(),
      dueOn: z.string().nullable(),
      completedOn: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  nextSteps: z.array(z.object({ step: z.enum(STEP_CODES), label: z.string(), allowed: z.boolean(), reason: z.string().nullable() })),
  actions: z.object({ decision: check, suspend: check, resume: check, cancel: check, extend: check, conclusion: check, team: check }),
  team: z.array(
    z.object({
      id: z.string(),
      memberId: z.string().nullable(),
      userId: z.string().nullable(),
      fullName: z.string(),
      position: z.string().nullable(),
      role: z.enum(TEAM_ROLES),
      addedOn: z.string(),
    }),
  ),
  teamProblems: z.array(z.string()),
  attachments: z.array(
    z.object({
      id: z.string(),
      stepId: z.string().nullable(),
      kind: z.enum(ATTACHMENT_KINDS),
      title: z.string(),
      fileName: z.string(),
      size: z.number().int(),
      createdAt: z.string(),
    }),
  ),
  conclusion: z
    .object({
      findings: z.string(),
      violationFound: z.boolean(),
      concludedOn: z.string(),
      proposeDiscipline: z.boolean(),
      disciplineNote: z.string().nullable(),
    })
    .nullable(),
  notifiedOn: z.string().nullable(),
  remediation: z.object({ open: z.number().int(), done: z.number().int(), cancelled: z.number().int() }),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const CASE_AUDIT_LABELS: Record<string, string> = {
  'case.create': 'Lập cuộc kiểm tra, giám sát',
  'case.decision': 'Ghi nhận quyết định kiểm tra, giám sát',
  'case.advance': 'Chuyển bước cuộc kiểm tra, giám sát',
  'case.suspend': 'Tạm dừng cuộc kiểm tra, giám sát',
  'case.resume': 'Tiếp tục cuộc kiểm tra, giám sát',
  'case.cancel': 'Hủy bỏ cuộc kiểm tra, giám sát',
  'case.extend': 'Gia hạn cuộc kiểm tra, giám sát',
  'case.team.add': 'Bổ sung thành viên đoàn',
  'case.team.remove': 'Rút thành viên khỏi đoàn',
  'case.attachment.add': 'Đính kèm tài liệu vào bước',
  'case.attachment.download': 'Tải tài liệu đính kèm của cuộc có độ mật',
  'case.conclusion': 'Ghi nhận kết luận',
};
