// Remediation of a conclusion (domain.md §3 step 8; issue #4 point 5): each requirement has an owner,
// a due date, a status and evidence files. The contract shared by the server and the web.
import { z } from 'zod';

export const REMEDIATION_STATUSES = ['open', 'done', 'cancelled'] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];
export const REMEDIATION_STATUS_LABELS: Record<RemediationStatus, string> = {
  open: 'Đang thực hiện',
  done: 'Đã hoàn thành',
  cancelled: 'Đã hủy bỏ',
};

/** How close an open item is to its due date: overdue (red), due within the warning window (orange). */
export const DUE_STATES = ['overdue', 'due_soon', 'on_track'] as const;
export type DueState = (typeof DUE_STATES)[number];
export const DUE_STATE_LABELS: Record<DueState, string> = {
  overdue: 'Quá hạn',
  due_soon: 'Sắp đến hạn',
  on_track: 'Trong hạn',
};
/** The warning window of lists and reminders, in working days (configurable: KTGS_REMINDER_WARN_DAYS). */
export const DUE_SOON_WORKING_DAYS = 5;

const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'Giá trị phải là true hoặc false' })
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const remediationQuerySchema = z.object({
  orgId: z.uuid({ error: 'Tổ chức không hợp lệ' }).optional(),
  caseId: z.uuid({ error: 'Cuộc kiểm tra, giám sát không hợp lệ' }).optional(),
  status: z.enum(REMEDIATION_STATUSES, { error: 'Trạng thái không hợp lệ' }).optional(),
  overdue: flag,
  /** Only items whose owner is the signed-in user. */
  ownerMe: flag,
  page: z.coerce.number({ error: 'Trang không hợp lệ' }).int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number({ error: 'Cỡ trang không hợp lệ' }).int().min(1).max(200).default(50),
});
export type RemediationQuery = z.infer<typeof remediationQuerySchema>;

export const remediationEvidenceSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type RemediationEvidence = z.infer<typeof remediationEvidenceSchema>;

export const remediationItemSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  caseSubject: z.string(),
  caseStatus: z.string(),
  seq: z.number().int(),
  requirement: z.string(),
  ownerOrgId: z.string().nullable(),
  ownerMemberId: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string(),
  dueOn: z.string(),
  status: z.enum(REMEDIATION_STATUSES),
  dueState: z.enum(DUE_STATES).nullable(),
  doneOn: z.string().nullable(),
  resultNote: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  secrecy: z.number().int(),
  evidenceCount: z.number().int(),
  version: z.number().int(),
  /** What the signed-in user may do with it: everything (inspection.write in scope), or report done as its owner. */
  canManage: z.boolean(),
  canReport: z.boolean(),
});
export type RemediationItem = z.infer<typeof remediationItemSchema>;

export const remediationDetailSchema = remediationItemSchema.extend({ evidence: z.array(remediationEvidenceSchema) });
export type RemediationDetail = z.infer<typeof remediationDetailSchema>;

export const remediationListSchema = z.object({
  items: z.array(remediationItemSchema),
  total: z.number().int(),
  /** Today as Vietnam counts it (UTC+7): what "overdue" was measured against. */
  today: z.string(),
});
export type RemediationList = z.infer<typeof remediationListSchema>;

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} là bắt buộc` })
    .trim()
    .min(min, `${label} phải có ít nhất ${min} ký tự`)
    .max(max, `${label} tối đa ${max} ký tự`)
    .transform((s) => s.normalize('NFC'));

/**
 * One change of an item, with the version read. `status: 'done'` needs evidence, `doneOn` (default
 * today) and `resultNote`; `'cancelled'` needs `cancelledReason`; `'open'` on a done or cancelled item
 * reopens it (with `reason`), on an open item with `dueOn` moves the due date (with `reason`).
 */
export const remediationUpdateSchema = z.object({
  version: z.number({ error: 'Thiếu phiên bản bản ghi' }).int().min(1),
  status: z.enum(REMEDIATION_STATUSES, { error: 'Trạng thái không hợp lệ' }),
  doneOn: z.iso.date({ error: 'Ngày hoàn thành không hợp lệ' }).optional(),
  resultNote: text('Kết quả thực hiện', 5, 4000).optional(),
  dueOn: z.iso.date({ error: 'Hạn hoàn thành không hợp lệ' }).optional(),
  cancelledReason: text('Lý do hủy bỏ', 5, 1000).optional(),
  reason: text('Lý do', 5, 1000).optional(),
});
export type RemediationUpdate = z.input<typeof remediationUpdateSchema>;

export const REMEDIATION_AUDIT_LABELS: Record<string, string> = {
  'remediation.done': 'Xác nhận hoàn thành yêu cầu khắc phục',
  'remediation.reopen': 'Mở lại yêu cầu khắc phục',
  'remediation.due_change': 'Đổi hạn yêu cầu khắc phục',
  'remediation.cancel': 'Hủy bỏ yêu cầu khắc phục',
  'remediation.evidence_add': 'Tải lên minh chứng khắc phục',
};
