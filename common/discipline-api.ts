// Requests and answers of the discipline matters API (issue #5): matters, violations, meetings, decisions,
// the member's history, internal publication and counts. Shared by the server's routes and the web client;
// the catalogue of forms, circumstances and labels is common/discipline.ts.
import { z } from 'zod';
import { BODY_TYPES } from './cases.ts';
import { AGGRAVATING, DISCIPLINE_FORMS, MATTER_SOURCES, MATTER_STATUSES, MITIGATING, SPECIAL_AREAS } from './discipline.ts';
import { isoDate, secrecy, text, uuid, version } from './fields.ts';

const form = z.enum(DISCIPLINE_FORMS, { error: 'Hình thức kỷ luật không hợp lệ' });
const count = (what: string) =>
  z
    .number({ error: `${what} không hợp lệ` })
    .int(`${what} phải là số nguyên`)
    .min(0, `${what} không được âm`);

/** Human-entered facts about the subject; probationary and holding a post come from the registry for a member. */
export const subjectFactsInputSchema = z.object({
  probationary: z.boolean().optional(),
  holdsPost: z.boolean().optional(),
  pregnant: z.boolean().optional(),
  childBornOn: isoDate('Ngày sinh của con').nullable().optional(),
  seriouslyIllInHospital: z.boolean().optional(),
});
export type SubjectFactsInput = z.infer<typeof subjectFactsInputSchema>;

/**
 * From a case (`source: 'case'`, subject and default body from the case; the body may be changed to the
 * competent one) or directly on a state body's notice, a court judgment, a petition… (`sourceRef`).
 */
export const matterCreateSchema = z.object({
  source: z.enum(MATTER_SOURCES, { error: 'Nguồn vụ việc không hợp lệ' }),
  caseId: uuid('Cuộc kiểm tra').optional(),
  sourceRef: text('căn cứ (văn bản, bản án, đơn…)', 3, 1000).optional(),
  bodyOrgId: uuid('Cơ quan xem xét kỷ luật').optional(),
  bodyType: z.enum(BODY_TYPES, { error: 'Loại cơ quan xem xét kỷ luật không hợp lệ' }).optional(),
  subjectMemberId: uuid('Đảng viên').optional(),
  subjectOrgId: uuid('Tổ chức đảng').optional(),
  subjectFacts: subjectFactsInputSchema.default({}),
  secrecy: secrecy.optional(),
});
export type MatterCreate = z.infer<typeof matterCreateSchema>;

export const matterQuerySchema = z.object({
  orgId: uuid('Tổ chức').optional(),
  year: z.coerce.number({ error: 'Năm không hợp lệ' }).int().min(2000).max(2199).optional(),
  status: z.enum(MATTER_STATUSES, { error: 'Trạng thái không hợp lệ' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type MatterQuery = z.infer<typeof matterQuerySchema>;

export const matterPatchSchema = z.object({
  bodyOrgId: uuid('Cơ quan xem xét kỷ luật').optional(),
  bodyType: z.enum(BODY_TYPES, { error: 'Loại cơ quan xem xét kỷ luật không hợp lệ' }).optional(),
  mitigating: z.array(z.enum(MITIGATING, { error: 'Tình tiết giảm nhẹ không hợp lệ' })).optional(),
  aggravating: z.array(z.enum(AGGRAVATING, { error: 'Tình tiết tăng nặng không hợp lệ' })).optional(),
  circumstancesNote: text('ghi chú về tình tiết', 1, 4000).nullable().optional(),
  subjectFacts: subjectFactsInputSchema.optional(),
  status: z.enum(['open', 'postponed', 'withdrawn', 'no_discipline'], { error: 'Trạng thái không hợp lệ' }).optional(),
  statusReason: text('lý do', 10, 2000).optional(),
  postponedUntil: isoDate('Hoãn đến ngày').nullable().optional(),
  version,
});
export type MatterPatch = z.infer<typeof matterPatchSchema>;

export const violationCreateSchema = z.object({
  occurredOn: isoDate('Ngày vi phạm'),
  description: text('nội dung vi phạm', 5, 4000),
  ruleViolated: text('quy định bị vi phạm', 3, 1000),
  specialArea: z.enum(SPECIAL_AREAS, { error: 'Lĩnh vực không hợp lệ' }).nullable().default(null),
  deservedForm: form,
  version,
});
export type ViolationCreate = z.infer<typeof violationCreateSchema>;

export const meetingCreateSchema = z.object({
  heldOn: isoDate('Ngày họp'),
  officialMembers: count('Số thành viên chính thức').min(1, 'Số thành viên chính thức phải dương'),
  present: count('Số thành viên có mặt'),
  ballots: z.array(z.object({ form, votes: count('Số phiếu') })).min(1, 'Cần ít nhất một hình thức đưa ra biểu quyết'),
  version,
});
export type MeetingCreate = z.infer<typeof meetingCreateSchema>;

export const decisionCreateSchema = z.object({
  meetingId: uuid('Cuộc họp'),
  decidedOn: isoDate('Ngày quyết định'),
  announcedOn: isoDate('Ngày công bố').optional(),
  signedOn: isoDate('Ngày ký').optional(),
  version,
});
export type DecisionCreate = z.infer<typeof decisionCreateSchema>;

export const decisionPatchSchema = z.object({
  announcedOn: isoDate('Ngày công bố').optional(),
  publishInternally: z.boolean().optional(),
  tasks: z
    .array(z.object({ id: uuid('Việc'), doneOn: isoDate('Ngày hoàn thành').nullable(), note: text('ghi chú', 1, 2000).optional() }))
    .optional(),
  version,
});
export type DecisionPatch = z.infer<typeof decisionPatchSchema>;

export const publishedQuerySchema = z.object({ orgId: uuid('Tổ chức').optional() });
export const statsQuerySchema = z.object({
  orgId: uuid('Tổ chức').optional(),
  year: z.coerce.number({ error: 'Năm không hợp lệ' }).int().min(2000).max(2199),
});

// ── Answers ──────────────────────────────────────────────────────────────────

const check = z.object({ allowed: z.boolean(), reason: z.string().nullable() });

export const subjectFactsSchema = z.object({
  probationary: z.boolean(),
  holdsPost: z.boolean(),
  committeeOf: z.array(z.object({ orgPath: z.string(), orgName: z.string(), level: z.number().int(), code: z.string() })),
  managedByOrgPath: z.string().nullable(),
  pregnant: z.boolean(),
  childBornOn: z.string().nullable(),
  seriouslyIllInHospital: z.boolean(),
});
export type SubjectFacts = z.infer<typeof subjectFactsSchema>;

export const violationSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  occurredOn: z.string(),
  description: z.string(),
  ruleViolated: z.string(),
  specialArea: z.string().nullable(),
  deservedForm: z.string(),
  /** The day its limitation period ends (null: none), what restarted it, and whether it has passed. */
  limitationEndsOn: z.string().nullable(),
  restartedBySeq: z.number().int().nullable(),
  limitationBasis: z.string(),
  timeBarred: z.boolean(),
});

export const meetingSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  officialMembers: z.number().int(),
  present: z.number().int(),
  ballots: z.array(z.object({ form: z.string(), votes: z.number().int() })),
  outcomeForm: z.string().nullable(),
  outcomeExplanation: z.string(),
  createdAt: z.string(),
});

export const taskSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
});

export const decisionSchema = z.object({
  id: z.string(),
  matterId: z.string(),
  matterCode: z.string(),
  meetingId: z.string().nullable(),
  bodyOrgId: z.string(),
  bodyOrgName: z.string(),
  bodyType: z.string(),
  subjectKind: z.enum(['member', 'org']),
  subjectMemberId: z.string().nullable(),
  subjectOrgId: z.string().nullable(),
  subjectName: z.string(),
  form: z.string(),
  /** The form first decided, when a complaint changed it (`form` is the one in force). */
  originalForm: z.string().nullable(),
  decidedOn: z.string(),
  announcedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  effectEndsOn: z.string().nullable(),
  numberText: z.string().nullable(),
  fileId: z.string().nullable(),
  status: z.string(),
  apologyNote: z.string().nullable(),
  restoredRightsNote: z.string().nullable(),
  publishInternally: z.boolean(),
  secrecy: z.number().int(),
  tasks: z.array(taskSchema),
  version: z.number().int(),
});
export type DisciplineDecision = z.infer<typeof decisionSchema>;

export const assessmentSchema = z.object({
  asOf: z.string(),
  /** The heaviest form the violations deserve, and whether the body may decide it (domain.md §4 authority). */
  proposedForm: z.string().nullable(),
  competent: check,
  formsOpen: z.array(z.string()),
  proposedFormProblem: z.string().nullable(),
  postponement: z.object({ postpone: z.boolean(), reason: z.string().nullable(), until: z.string().nullable() }),
  mitigating: z.array(z.object({ code: z.string(), label: z.string() })),
  aggravating: z.array(z.object({ code: z.string(), label: z.string() })),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const matterListItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  year: z.number().int(),
  source: z.string(),
  bodyOrgId: z.string(),
  bodyOrgName: z.string(),
  bodyType: z.string(),
  subjectKind: z.enum(['member', 'org']),
  subjectName: z.string(),
  status: z.string(),
  secrecy: z.number().int(),
  decisionForm: z.string().nullable(),
  createdAt: z.string(),
});
export type MatterListItem = z.infer<typeof matterListItemSchema>;
export const matterListSchema = z.object({ items: z.array(matterListItemSchema), total: z.number().int() });
export type MatterList = z.infer<typeof matterListSchema>;

export const matterDetailSchema = matterListItemSchema.extend({
  caseId: z.string().nullable(),
  caseCode: z.string().nullable(),
  sourceRef: z.string().nullable(),
  subjectMemberId: z.string().nullable(),
  subjectOrgId: z.string().nullable(),
  subjectFacts: subjectFactsSchema,
  statusReason: z.string().nullable(),
  postponedUntil: z.string().nullable(),
  mitigating: z.array(z.string()),
  aggravating: z.array(z.string()),
  circumstancesNote: z.string().nullable(),
  violations: z.array(violationSchema),
  meetings: z.array(meetingSchema),
  decision: decisionSchema.nullable(),
  assessment: assessmentSchema,
  version: z.number().int(),
});
export type MatterDetail = z.infer<typeof matterDetailSchema>;

export const memberDisciplineSchema = z.object({
  memberId: z.string(),
  /** Whether a matter about the member is open or postponed (also one decided by a body outside the reader's scope). */
  underConsideration: z.boolean(),
  decisions: z.array(
    z.object({
      id: z.string(),
      form: z.string(),
      originalForm: z.string().nullable(),
      bodyOrgName: z.string(),
      decidedOn: z.string(),
      effectiveOn: z.string().nullable(),
      effectEndsOn: z.string().nullable(),
      status: z.string(),
      numberText: z.string().nullable(),
      /** In force and its effect not yet ended. */
      current: z.boolean(),
    }),
  ),
});
export type MemberDiscipline = z.infer<typeof memberDisciplineSchema>;

export const publishedListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      subjectName: z.string(),
      subjectKind: z.enum(['member', 'org']),
      bodyOrgName: z.string(),
      form: z.string(),
      decidedOn: z.string(),
      effectiveOn: z.string().nullable(),
      numberText: z.string().nullable(),
      status: z.string(),
      secrecy: z.number().int(),
    }),
  ),
});
export type PublishedList = z.infer<typeof publishedListSchema>;

const tally = z.record(z.string(), z.number().int());
export const statsSchema = z.object({
  year: z.number().int(),
  total: z.number().int(),
  byForm: tally,
  /** By the deciding body's organisation kind (cấp: trung ương, tỉnh, xã, cơ sở, chi bộ…). */
  byLevel: tally,
  bySubject: z.object({ member: z.number().int(), org: z.number().int() }),
  /** Cấp ủy viên disciplined, counted apart (also included in the totals above), by form. */
  committeeMembers: z.object({ total: z.number().int(), byForm: tally }),
});
export type DisciplineStats = z.infer<typeof statsSchema>;

export const DISCIPLINE_AUDIT_LABELS: Record<string, string> = {
  'discipline.matter_create': 'Lập hồ sơ xem xét kỷ luật',
  'discipline.matter_update': 'Cập nhật hồ sơ xem xét kỷ luật',
  'discipline.violation_add': 'Thêm vi phạm vào hồ sơ kỷ luật',
  'discipline.violation_remove': 'Xóa vi phạm khỏi hồ sơ kỷ luật',
  'discipline.meeting_record': 'Ghi nhận cuộc họp, kết quả bỏ phiếu kỷ luật',
  'discipline.decide': 'Ghi nhận quyết định kỷ luật',
  'discipline.decision_update': 'Cập nhật quyết định kỷ luật (công bố, thông báo nội bộ, việc tiếp theo)',
};
