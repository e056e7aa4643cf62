// Complaints about a discipline decision (domain.md §5; Điều lệ Đảng Điều 39): filing with the facts the
// admissibility rules need, the competent resolver, and the resolution. Shared by server and web.
import { z } from 'zod';
import { COMPLAINT_OUTCOMES, DISCIPLINE_FORMS } from './discipline.ts';
import { uuid } from './fields.ts';

export const COMPLAINT_STATUSES = ['received', 'refused', 'accepted', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: 'Đã nhận',
  refused: 'Không thụ lý',
  accepted: 'Đang giải quyết',
  resolved: 'Đã giải quyết',
};

export const RESOLUTION_OUTCOMES = COMPLAINT_OUTCOMES;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

const FORMS = DISCIPLINE_FORMS;
const BODY_TYPES = ['ubkt', 'committee', 'standing_committee', 'cell', 'central_ubkt', 'secretariat'] as const;
export const RESOLVER_BODY_LABELS: Record<(typeof BODY_TYPES)[number], string> = {
  ubkt: 'Ủy ban Kiểm tra',
  committee: 'Cấp ủy',
  standing_committee: 'Ban Thường vụ',
  cell: 'Chi bộ',
  central_ubkt: 'Ủy ban Kiểm tra Trung ương',
  secretariat: 'Ban Bí thư',
};

/** Due-state colours of the list: overdue (red), due within the warning window (orange). */
export const COMPLAINT_DUE_SOON_WORKING_DAYS = 5;
export const COMPLAINT_DUE_STATES = ['overdue', 'due_soon', 'on_track'] as const;

export const DISCIPLINE_COMPLAINT_AUDIT_LABELS: Record<string, string> = {
  'discipline_complaint.file': 'Nhận đơn khiếu nại kỷ luật',
  'discipline_complaint.resolve': 'Giải quyết khiếu nại kỷ luật',
};

const day = (what: string) => z.iso.date({ error: `${what} không hợp lệ` });
const text = (what: string, max: number) =>
  z
    .string({ error: `Cần nhập ${what}` })
    .trim()
    .min(1, `Cần nhập ${what}`)
    .max(max, `${what[0]?.toUpperCase()}${what.slice(1)} quá dài`)
    .transform((s) => s.normalize('NFC'));
const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} quá dài`)
    .transform((s) => (s ? s.normalize('NFC') : null))
    .nullish();

/** What the officer receiving the complaint records: the facts each ground of domain.md §5 turns on. */
export const complaintFileSchema = z.object({
  decisionId: uuid('Quyết định kỷ luật'),
  /** Who signed the complaint; omitted when it is the disciplined member or organisation itself. */
  complainantMemberId: uuid('Người khiếu nại').nullish(),
  complainantOrgId: uuid('Tổ chức khiếu nại').nullish(),
  complainantName: text('tên người khiếu nại', 200),
  /** The day the complaint was handed in, or its postmark. */
  filedOn: day('Ngày gửi đơn'),
  /** The day the written decision was received; null when not (yet) received. */
  decisionReceivedOn: day('Ngày nhận quyết định').nullish(),
  content: text('nội dung khiếu nại', 20_000),
  /** The body the complaint is addressed to; omitted when addressed to the competent resolver. */
  addressedOrgId: uuid('Cơ quan nhận đơn').nullish(),
  refusedToReceive: z.boolean().default(false),
  sentToSeveralLevels: z.boolean().default(false),
  onBehalfOfOthers: z.boolean().default(false),
  courtSentenceInForce: z.boolean().default(false),
  alreadyResolvedAtThisLevel: z.boolean().default(false),
  movedUnderAnotherSuperior: z.boolean().default(false),
});
export type ComplaintFile = z.input<typeof complaintFileSchema>;

export const complaintResolveSchema = z.object({
  outcome: z.enum(RESOLUTION_OUTCOMES, { error: 'Kết quả giải quyết không hợp lệ' }),
  outcomeForm: z.enum(FORMS, { error: 'Hình thức kỷ luật không hợp lệ' }).nullish(),
  outcomeNote: text('nội dung kết luận giải quyết', 20_000),
  resolvedOn: day('Ngày giải quyết'),
  apologyNote: optionalText('Nội dung xin lỗi', 5000),
  restoredRightsNote: optionalText('Nội dung khôi phục quyền lợi', 5000),
  version: z.number({ error: 'Thiếu phiên bản bản ghi' }).int().min(1),
});
export type ComplaintResolve = z.input<typeof complaintResolveSchema>;

export const complaintQuerySchema = z.object({
  orgId: uuid('Tổ chức').optional(),
  status: z.enum(COMPLAINT_STATUSES, { error: 'Trạng thái không hợp lệ' }).optional(),
  page: z.coerce.number({ error: 'Trang không hợp lệ' }).int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number({ error: 'Cỡ trang không hợp lệ' }).int().min(1).max(200).default(50),
});
export type ComplaintQuery = z.input<typeof complaintQuerySchema>;

export const groundSchema = z.object({ code: z.string(), text: z.string() });

export const complaintItemSchema = z.object({
  id: z.string(),
  decisionId: z.string(),
  decisionNumber: z.string().nullable(),
  decisionForm: z.enum(FORMS),
  decisionStatus: z.string(),
  subjectName: z.string(),
  decidingOrgName: z.string(),
  resolverOrgId: z.string(),
  resolverOrgName: z.string(),
  resolverBodyType: z.enum(BODY_TYPES),
  complainantName: z.string(),
  filedOn: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  dueOn: z.string().nullable(),
  dueState: z.enum(COMPLAINT_DUE_STATES).nullable(),
  isFinalLevel: z.boolean(),
  outcome: z.enum(RESOLUTION_OUTCOMES).nullable(),
  secrecy: z.number().int(),
  version: z.number().int(),
});
export type ComplaintItem = z.infer<typeof complaintItemSchema>;

export const complaintListSchema = z.object({ items: z.array(complaintItemSchema), total: z.number().int(), today: z.string() });
export type ComplaintList = z.infer<typeof complaintListSchema>;

export const complaintDetailSchema = complaintItemSchema.extend({
  complainantMemberId: z.string().nullable(),
  complainantOrgId: z.string().nullable(),
  decisionReceivedOn: z.string().nullable(),
  content: z.string(),
  grounds: z.array(groundSchema),
  decision: z.object({
    decidedOn: z.string(),
    announcedOn: z.string().nullable(),
    effectiveOn: z.string().nullable(),
    decidingBodyType: z.string(),
    apologyNote: z.string().nullable(),
    restoredRightsNote: z.string().nullable(),
    changedByComplaintId: z.string().nullable(),
  }),
  resolverExplanation: z.string(),
  outcomeForm: z.enum(FORMS).nullable(),
  outcomeNote: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  /** Forms the resolution may set (open to the subject), heaviest last. */
  formsOpen: z.array(z.enum(FORMS)),
  canResolve: z.boolean(),
});
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;

/** A decision the officer can file a complaint against (the filing form's search). */
export const decisionCandidateSchema = z.object({
  id: z.string(),
  numberText: z.string().nullable(),
  form: z.enum(FORMS),
  subjectName: z.string(),
  subjectMemberId: z.string().nullable(),
  subjectOrgId: z.string().nullable(),
  decidingOrgName: z.string(),
  decidedOn: z.string(),
  announcedOn: z.string().nullable(),
  status: z.string(),
});
export const decisionCandidateListSchema = z.object({ items: z.array(decisionCandidateSchema) });
export type DecisionCandidate = z.infer<typeof decisionCandidateSchema>;
