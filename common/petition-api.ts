// Requests and answers of the petitions API (issue #6): the officers' register, inbox, screening, deadlines,
// links, identity reading, messages, forwarding, case and answer. Shared by the server's routes and the web
// client; the catalogue of kinds, statuses, grounds and labels is common/petitions.ts.
// The sender's identity is in no answer here except `identityReadSchema`'s, which only the custodian gets.
import { z } from 'zod';
import { isoDate, secrecy, text, uuid, version } from './fields.ts';
import {
  COMPETENT_BODY_TYPES,
  PETITION_CHANNELS,
  PETITION_CLOCK_STATES,
  PETITION_KINDS,
  PETITION_STATUSES,
  PETITION_TOPICS,
  SCREENING_GROUNDS,
  SCREENING_OUTCOMES,
  SENDER_IDENTITIES,
} from './petitions.ts';

const kind = z.enum(PETITION_KINDS, { error: 'Loại đơn không hợp lệ' });
const topic = z.enum(PETITION_TOPICS, { error: 'Lĩnh vực không hợp lệ' });
const optionalText = (what: string, max: number) => text(what, 1, max).nullish();

/** Who sent the letter; written by officers, read back only by the custodian (encrypted at rest). */
export const senderContactSchema = z.object({
  name: optionalText('họ tên người gửi', 200),
  address: optionalText('địa chỉ người gửi', 500),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+ .()-]{6,20}$/, 'Số điện thoại người gửi không hợp lệ')
    .nullish(),
  email: z.email({ error: 'Thư điện tử người gửi không hợp lệ' }).max(200).nullish(),
  idNumber: z
    .string()
    .trim()
    .regex(/^[0-9]{9,12}$/, 'Số CCCD/CMND của người gửi không hợp lệ (9–12 chữ số)')
    .nullish(),
});
export type SenderContact = z.infer<typeof senderContactSchema>;

/** An officer registers a letter from any channel (issue #6, point 1). Attachments: POST …/files. */
export const petitionCreateSchema = z
  .object({
    bodyOrgId: uuid('Cơ quan tiếp nhận'),
    kind,
    channel: z.enum(PETITION_CHANNELS, { error: 'Kênh tiếp nhận không hợp lệ' }),
    receivedOn: isoDate('Ngày nhận đơn'),
    sourceName: optionalText('cơ quan chuyển đơn / tên báo', 300),
    sourceRef: optionalText('số, ngày văn bản chuyển đơn / bài báo', 300),
    subjectMemberId: uuid('Đảng viên bị phản ánh, tố cáo').nullish(),
    subjectOrgId: uuid('Tổ chức đảng bị phản ánh, tố cáo').nullish(),
    subjectName: optionalText('tên người hoặc tổ chức bị phản ánh, tố cáo', 300),
    subjectPosition: optionalText('chức vụ, nơi công tác của người bị phản ánh, tố cáo', 300),
    title: text('trích yếu nội dung đơn', 5, 300),
    content: text('nội dung đơn', 20, 100_000),
    senderIdentity: z.enum(SENDER_IDENTITIES, { error: 'Cần chọn người gửi có tên, giấu tên hay mạo tên' }),
    senderAddressKnown: z.boolean().default(false),
    sender: senderContactSchema.nullish(),
    secrecy: secrecy.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.subjectMemberId && !v.subjectOrgId && !v.subjectName)
      ctx.addIssue({
        code: 'custom',
        path: ['subjectName'],
        message: 'Chọn đảng viên, tổ chức đảng hoặc ghi tên người bị phản ánh, tố cáo',
      });
    if (v.subjectMemberId && v.subjectOrgId)
      ctx.addIssue({ code: 'custom', path: ['subjectOrgId'], message: 'Chỉ chọn một đối tượng: một đảng viên hoặc một tổ chức đảng' });
    if ((v.channel === 'forwarded' || v.channel === 'press') && !v.sourceName)
      ctx.addIssue({ code: 'custom', path: ['sourceName'], message: 'Ghi cơ quan chuyển đơn hoặc tên báo' });
    if (v.channel === 'portal') ctx.addIssue({ code: 'custom', path: ['channel'], message: 'Đơn qua cổng trực tuyến do người gửi tự nộp' });
  });
export type PetitionCreate = z.input<typeof petitionCreateSchema>;

export const petitionQuerySchema = z.object({
  orgId: uuid('Tổ chức').optional(),
  status: z.enum(PETITION_STATUSES, { error: 'Trạng thái không hợp lệ' }).optional(),
  /** open: every status whose clock still runs (received … in_progress); "false" means no filter */
  open: z.stringbool({ error: 'Giá trị lọc đơn đang giải quyết không hợp lệ' }).optional(),
  kind: kind.optional(),
  topic: topic.optional(),
  clock: z.enum(PETITION_CLOCK_STATES, { error: 'Tình trạng hạn không hợp lệ' }).optional(),
  q: z.string({ error: 'Từ khóa tìm kiếm không hợp lệ' }).trim().max(200, 'Từ khóa tìm kiếm tối đa 200 ký tự').optional(),
  receivedFrom: isoDate('Từ ngày').optional(),
  receivedTo: isoDate('Đến ngày').optional(),
  sort: z.enum(['received_desc', 'due_asc'], { error: 'Cách sắp xếp không hợp lệ' }).default('received_desc'),
  page: z.coerce.number({ error: 'Số trang không hợp lệ' }).int('Số trang phải là số nguyên').min(1, 'Số trang phải từ 1').default(1),
  pageSize: z.coerce
    .number({ error: 'Số đơn mỗi trang không hợp lệ' })
    .int('Số đơn mỗi trang phải là số nguyên')
    .min(1, 'Số đơn mỗi trang phải từ 1 đến 200')
    .max(200, 'Số đơn mỗi trang phải từ 1 đến 200')
    .default(20),
});
export type PetitionQuery = z.input<typeof petitionQuerySchema>;

const clockSchema = z.object({
  state: z.enum(PETITION_CLOCK_STATES),
  dueOn: z.string().nullable(),
  /** Working days left (negative: overdue by so many), null when no clock runs. */
  workingDaysLeft: z.number().nullable(),
});
export type PetitionClock = z.infer<typeof clockSchema>;

export const petitionListItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  kind,
  channel: z.enum(PETITION_CHANNELS),
  receivedOn: z.string(),
  title: z.string(),
  subjectName: z.string(),
  topic,
  status: z.enum(PETITION_STATUSES),
  senderIdentity: z.enum(SENDER_IDENTITIES),
  bodyOrgId: z.string(),
  bodyOrgName: z.string(),
  clock: clockSchema,
  duplicates: z.number(),
  related: z.number(),
  unreadMessages: z.number(),
  /** The sender follows this letter on the portal with its receipt (messages and the answer reach them there). */
  fromPortal: z.boolean(),
  secrecy: z.number(),
  version: z.number(),
});
export type PetitionListItem = z.infer<typeof petitionListItemSchema>;
export const petitionListSchema = z.object({ items: z.array(petitionListItemSchema), total: z.number() });
export type PetitionList = z.infer<typeof petitionListSchema>;

const competentSchema = z.object({
  orgId: z.string().nullable(),
  path: z.string(),
  name: z.string(),
  type: z.enum(COMPETENT_BODY_TYPES),
  reason: z.string(),
});

export const screeningResultSchema = z.object({
  outcome: z.enum(SCREENING_OUTCOMES),
  ground: z.enum(SCREENING_GROUNDS),
  explanation: z.string(),
  status: z.enum(PETITION_STATUSES),
  linkToSubject: z.boolean(),
  mayLeadToInspection: z.boolean(),
  tellSender: z.boolean(),
  forwardTo: competentSchema.nullable(),
  parts: z.array(z.object({ kind, handling: z.enum(['accept', 'guide']), explanation: z.string() })),
  coercedWithdrawal: z.boolean(),
});
export type ScreeningResult = z.infer<typeof screeningResultSchema>;

export const petitionFileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  source: z.enum(['sender', 'officer']),
  messageId: z.string().nullable(),
  createdAt: z.string(),
});
export const petitionMessageSchema = z.object({
  id: z.string(),
  author: z.enum(['sender', 'officer']),
  /** The officer's display name; never anything about the sender. */
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  files: z.array(petitionFileSchema),
});
export type PetitionMessage = z.infer<typeof petitionMessageSchema>;
export const petitionMessageListSchema = z.object({ items: z.array(petitionMessageSchema) });

export const petitionLinkSchema = z.object({
  petitionId: z.string(),
  code: z.string(),
  title: z.string(),
  receivedOn: z.string(),
  bodyOrgName: z.string(),
  status: z.enum(PETITION_STATUSES),
  relation: z.enum(['duplicate', 'related']),
  resemblance: z.number().nullable(),
  cosine: z.number().nullable(),
  origin: z.enum(['auto', 'officer']),
  linkStatus: z.enum(['suggested', 'confirmed', 'rejected']),
  /** outgoing: found when this letter came; incoming: a later letter found this one */
  direction: z.enum(['outgoing', 'incoming']),
});
export type PetitionLink = z.infer<typeof petitionLinkSchema>;

export const petitionDetailSchema = petitionListItemSchema.extend({
  sourceName: z.string().nullable(),
  sourceRef: z.string().nullable(),
  subjectMemberId: z.string().nullable(),
  subjectOrgId: z.string().nullable(),
  subjectPath: z.string().nullable(),
  subjectPosition: z.string().nullable(),
  content: z.string(),
  senderAddressKnown: z.boolean(),
  /** Whether contact details are on record (what they are: only POST …/identity, custodian). */
  senderContactOnRecord: z.boolean(),
  topicMethod: z.enum(['model', 'lexicon', 'officer']),
  topicConfidence: z.number().nullable(),
  screening: z
    .object({
      facts: z.record(z.string(), z.unknown()),
      result: screeningResultSchema,
      screenedOn: z.string(),
      screenedByName: z.string().nullable(),
    })
    .nullable(),
  forward: z
    .object({
      orgId: z.string().nullable(),
      orgName: z.string(),
      forwardedOn: z.string().nullable(),
      numberText: z.string().nullable(),
      fileId: z.string().nullable(),
    })
    .nullable(),
  deadline: z
    .object({
      startOn: z.string(),
      baseDueOn: z.string(),
      dueOn: z.string(),
      latestDueOn: z.string(),
      remindOn: z.string(),
      escalateOn: z.string(),
      resolveWorkingDays: z.number(),
      maxExtensionWorkingDays: z.number(),
      confirmed: z.boolean(),
      basis: z.string(),
      extensionDays: z.number().nullable(),
      extensionReason: z.string().nullable(),
    })
    .nullable(),
  preCongress: z.record(z.string(), z.unknown()).nullable(),
  passedToNewCommittee: z.boolean(),
  parentId: z.string().nullable(),
  parts: z.array(z.object({ id: z.string(), code: z.string(), kind, status: z.enum(PETITION_STATUSES) })),
  case: z
    .object({
      id: z.string(),
      code: z.string(),
      step: z.string(),
      status: z.string(),
      concludedOn: z.string().nullable(),
      violationFound: z.boolean().nullable(),
      findings: z.string().nullable(),
    })
    .nullable(),
  /** Drafted from the case's conclusion once there is one (point 8); the officer edits before answering. */
  suggestedAnswer: z.string().nullable(),
  resolution: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  files: z.array(petitionFileSchema),
  messages: z.array(petitionMessageSchema),
  links: z.array(petitionLinkSchema),
  /** Every letter reachable through confirmed or suggested links (the cluster), this one excluded. */
  cluster: z.array(
    z.object({ petitionId: z.string(), code: z.string(), title: z.string(), receivedOn: z.string(), bodyOrgName: z.string() }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PetitionDetail = z.infer<typeof petitionDetailSchema>;

/** The custodian reads the sender's identity after stating why (issue #6, point 4). */
export const identityReadRequestSchema = z.object({ reason: text('lý do xem thông tin người gửi', 10, 1000) });
/** The contact as stored, for the answer (the request schema's trimming transforms cannot serialise a response). */
const storedContactSchema = z.object({
  name: z.string().nullish(),
  address: z.string().nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
  idNumber: z.string().nullish(),
});
export const identityReadSchema = z.object({
  senderIdentity: z.enum(SENDER_IDENTITIES),
  contact: storedContactSchema.nullable(),
  readAt: z.string(),
});
export type IdentityRead = z.infer<typeof identityReadSchema>;

export const topicPatchSchema = z.object({ version, topic });
/**
 * Who a letter registered with a name only (every portal letter) is about, once the officer finds them in the
 * registry: screening needs the subject's organisation to compute the competent body (domain.md §5).
 */
export const subjectPatchSchema = z
  .object({
    version,
    subjectMemberId: uuid('Đảng viên bị phản ánh, tố cáo').nullish(),
    subjectOrgId: uuid('Tổ chức đảng bị phản ánh, tố cáo').nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.subjectMemberId === !v.subjectOrgId)
      ctx.addIssue({
        code: 'custom',
        path: ['subjectMemberId'],
        message: 'Chọn một đối tượng trong danh sách: một đảng viên hoặc một tổ chức đảng',
      });
  });
export const linkDecisionSchema = z.object({
  status: z.enum(['confirmed', 'rejected'], { error: 'Chọn xác nhận hoặc bác bỏ liên kết' }),
  /** The link's state as the officer saw it: a decision taken meanwhile by someone else is not overwritten (409). */
  from: z.enum(['suggested', 'confirmed', 'rejected'], { error: 'Thiếu trạng thái liên kết đang xem' }),
});
export const linkCreateSchema = z.object({
  otherId: uuid('Đơn liên quan'),
  relation: z.enum(['duplicate', 'related'], { error: 'Chọn đơn trùng hay đơn liên quan' }),
});
export const messageCreateSchema = z.object({ body: text('nội dung tin nhắn', 1, 10_000) });
export const caseOpenSchema = z.object({
  version,
  /** The signs of violation the inspection rests on; defaults to the letter's title. */
  grounds: text('dấu hiệu vi phạm', 10, 4000).optional(),
});
export const resolutionSchema = z.object({
  version,
  resolution: text('kết quả giải quyết', 10, 20_000),
  resolvedOn: isoDate('Ngày giải quyết'),
});
export const answerSchema = z.object({
  version,
  answer: text('nội dung trả lời người gửi', 10, 20_000),
  answeredOn: isoDate('Ngày trả lời'),
});
export const forwardingLetterSchema = z.object({
  version,
  /** Who signs for the receiving body (shown at the foot of the letter). */
  signerName: text('người ký', 3, 200),
  signerTitle: text('chức vụ người ký', 3, 200),
});

export const deadlineRuleSchema = z.object({
  kind,
  level: z.string(),
  resolveWorkingDays: z.number().int().min(1).max(720),
  maxExtensionWorkingDays: z.number().int().min(0).max(360),
  confirmed: z.boolean(),
  basis: z.string(),
  overridden: z.boolean(),
});
export const deadlineRulesSchema = z.object({ items: z.array(deadlineRuleSchema) });
export const deadlineRulePutSchema = z.object({
  resolveWorkingDays: z
    .number({ error: 'Số ngày giải quyết không hợp lệ' })
    .int('Số ngày giải quyết phải là số nguyên')
    .min(1, 'Số ngày giải quyết phải từ 1 đến 720 ngày làm việc')
    .max(720, 'Số ngày giải quyết phải từ 1 đến 720 ngày làm việc'),
  maxExtensionWorkingDays: z
    .number({ error: 'Số ngày gia hạn không hợp lệ' })
    .int('Số ngày gia hạn phải là số nguyên')
    .min(0, 'Số ngày gia hạn tối đa phải từ 0 đến 360 ngày làm việc')
    .max(360, 'Số ngày gia hạn tối đa phải từ 0 đến 360 ngày làm việc'),
});
