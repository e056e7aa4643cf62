// Petitions (đơn thư, domain.md §5): kinds, channels, statuses, topics, and the outcomes and grounds of
// screening — the one catalogue the server's rules and the web's screens both read; and the schemas of the
// screening, extension and pre-congress forms.
import { z } from 'zod';
import { isoDate, text, version } from './fields.ts';

/** Tố cáo, khiếu nại kỷ luật đảng, kiến nghị, phản ánh (domain.md §5). */
export const PETITION_KINDS = ['denunciation', 'discipline_complaint', 'recommendation', 'feedback'] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];
export const PETITION_KIND_LABELS: Record<PetitionKind, string> = {
  denunciation: 'Tố cáo',
  discipline_complaint: 'Khiếu nại kỷ luật đảng',
  recommendation: 'Kiến nghị',
  feedback: 'Phản ánh',
};

export const PETITION_CHANNELS = ['portal', 'post', 'in_person', 'forwarded', 'press'] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];
export const PETITION_CHANNEL_LABELS: Record<PetitionChannel, string> = {
  portal: 'Cổng tiếp nhận trực tuyến',
  post: 'Qua bưu điện',
  in_person: 'Trực tiếp',
  forwarded: 'Cơ quan khác chuyển đến',
  press: 'Báo chí',
};

/** From receipt to the answer; the last six are terminal for the resolution clock. */
export const PETITION_STATUSES = [
  'received',
  'screening',
  'kept_as_information',
  'forwarded',
  'refused',
  'accepted',
  'in_progress',
  'resolved',
  'answered',
  'withdrawn',
  'closed',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];
export const PETITION_STATUS_LABELS: Record<PetitionStatus, string> = {
  received: 'Đã tiếp nhận',
  screening: 'Đang phân loại',
  kept_as_information: 'Lưu làm thông tin',
  forwarded: 'Đã chuyển đơn',
  refused: 'Không thụ lý',
  accepted: 'Đã thụ lý',
  in_progress: 'Đang giải quyết',
  resolved: 'Đã giải quyết',
  answered: 'Đã trả lời người gửi',
  withdrawn: 'Người gửi đã rút đơn',
  closed: 'Đã kết thúc',
};
/** Statuses in which no resolution deadline runs any more. */
export const PETITION_CLOCK_STOPPED: readonly PetitionStatus[] = [
  'kept_as_information',
  'forwarded',
  'refused',
  'resolved',
  'answered',
  'withdrawn',
  'closed',
];

/** Topics (issue #6, point 7); the sensitive areas of domain.md §1. */
export const PETITION_TOPICS = ['land', 'finance', 'personnel', 'ethics', 'procurement', 'other'] as const;
export type PetitionTopic = (typeof PETITION_TOPICS)[number];
export const PETITION_TOPIC_LABELS: Record<PetitionTopic, string> = {
  land: 'Đất đai, tài nguyên, môi trường',
  finance: 'Tài chính, ngân sách',
  personnel: 'Công tác cán bộ',
  ethics: 'Phẩm chất đạo đức, lối sống',
  procurement: 'Mua sắm, đầu tư, xây dựng cơ bản',
  other: 'Nội dung khác',
};

/** What screening decides (domain.md §5). `undetermined`: the competent body could not be computed. */
export const SCREENING_OUTCOMES = ['accept', 'keep_as_information', 'refuse', 'forward', 'split', 'withdrawn', 'undetermined'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];
export const SCREENING_OUTCOME_LABELS: Record<ScreeningOutcome, string> = {
  accept: 'Thụ lý giải quyết',
  keep_as_information: 'Lưu làm thông tin',
  refuse: 'Không thụ lý',
  forward: 'Chuyển đơn đến cấp có thẩm quyền',
  split: 'Tách nội dung khiếu nại và tố cáo',
  withdrawn: 'Dừng giải quyết do rút đơn',
  undetermined: 'Cần xác định cấp có thẩm quyền',
};
/** The status a petition takes after each outcome (a split petition is accepted for its complaint part). */
export const SCREENING_OUTCOME_STATUS: Record<ScreeningOutcome, PetitionStatus> = {
  accept: 'accepted',
  keep_as_information: 'kept_as_information',
  refuse: 'refused',
  forward: 'forwarded',
  split: 'accepted',
  withdrawn: 'withdrawn',
  undetermined: 'screening',
};

/** The ground of each screening decision: recorded with it (issue #6, point 3). */
export const SCREENING_GROUNDS = [
  'anonymous',
  'false_name',
  'no_address',
  'repeat_without_new_evidence',
  'not_specific',
  'unverifiable',
  'outside_authority',
  'competence_unknown',
  'mixed_complaint_denunciation',
  'withdrawn',
  'within_authority',
  'taken_over_by_higher_level',
] as const;
export type ScreeningGround = (typeof SCREENING_GROUNDS)[number];
export const SCREENING_GROUND_LABELS: Record<ScreeningGround, string> = {
  anonymous: 'Đơn giấu tên',
  false_name: 'Đơn mạo tên',
  no_address: 'Đơn không rõ địa chỉ người gửi',
  repeat_without_new_evidence: 'Đơn gửi lại về vụ việc đã kết luận, không có tài liệu, chứng cứ mới',
  not_specific: 'Nội dung không cụ thể',
  unverifiable: 'Không có căn cứ để thẩm tra, xác minh',
  outside_authority: 'Không thuộc thẩm quyền giải quyết',
  competence_unknown: 'Chưa xác định được cấp có thẩm quyền',
  mixed_complaint_denunciation: 'Đơn vừa khiếu nại vừa tố cáo',
  withdrawn: 'Người gửi rút đơn',
  within_authority: 'Thuộc thẩm quyền, đủ điều kiện giải quyết',
  taken_over_by_higher_level: 'Cấp trên trực tiếp giải quyết',
};

/** How the competent body resolves: its inspection committee, its party committee, or the chi bộ itself. */
export const COMPETENT_BODY_TYPES = ['ubkt', 'committee', 'cell'] as const;
export type CompetentBodyType = (typeof COMPETENT_BODY_TYPES)[number];
export const COMPETENT_BODY_TYPE_LABELS: Record<CompetentBodyType, string> = {
  ubkt: 'Ủy ban Kiểm tra',
  committee: 'Cấp ủy',
  cell: 'Chi bộ',
};

/** State of a petition's resolution clock, for the inbox colours. */
export const PETITION_CLOCK_STATES = ['stopped', 'passed_to_new_committee', 'on_track', 'due_soon', 'overdue', 'escalated'] as const;
export type PetitionClockState = (typeof PETITION_CLOCK_STATES)[number];
export const PETITION_CLOCK_STATE_LABELS: Record<PetitionClockState, string> = {
  stopped: 'Không tính hạn',
  passed_to_new_committee: 'Chuyển cấp ủy khóa mới',
  on_track: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  escalated: 'Quá hạn, đã báo cáo cấp trên',
};

export const PETITION_AUDIT_LABELS: Record<string, string> = {
  'petition.register': 'Vào sổ đơn',
  'petition.screen': 'Phân loại, xử lý đơn',
  'petition.extend': 'Gia hạn giải quyết đơn',
  'petition.pre_congress': 'Xét đơn nhận trước đại hội',
  'petition.topic': 'Sửa lĩnh vực của đơn',
  'petition.subject': 'Xác định đối tượng của đơn trong danh sách',
  'petition.link': 'Liên kết đơn trùng, đơn liên quan',
  'petition.link_decide': 'Xác nhận, bác bỏ liên kết đơn',
  'petition.identity_read': 'Xem thông tin người gửi đơn',
  'petition.identity_refused': 'Từ chối xem thông tin người gửi đơn',
  'petition.message': 'Nhắn tin cho người gửi đơn',
  'petition.file_add': 'Đính kèm tệp vào đơn',
  'petition.forwarding_letter': 'Lập phiếu chuyển đơn',
  'petition.case_open': 'Mở cuộc kiểm tra từ đơn',
  'petition.resolve': 'Ghi nhận kết quả giải quyết đơn',
  'petition.answer': 'Trả lời người gửi đơn',
  'petition.deadline_rule': 'Thiết lập thời hạn giải quyết đơn',
  'petition.escalate': 'Báo cáo cấp trên: đơn quá hạn giải quyết',
  'petition.sender_message': 'Người gửi nhắn thêm qua cổng tiếp nhận',
  'portal.status_read': 'Người gửi tra cứu đơn trên cổng tiếp nhận',
  'portal.file_read': 'Người gửi tải tệp của đơn trên cổng tiếp nhận',
};

export const SENDER_IDENTITIES = ['named', 'anonymous', 'false_name'] as const;
export type SenderIdentity = (typeof SENDER_IDENTITIES)[number];
export const SENDER_IDENTITY_LABELS: Record<SenderIdentity, string> = {
  named: 'Có tên thật',
  anonymous: 'Giấu tên',
  false_name: 'Mạo tên',
};

/** The facts an officer establishes on the screening form; the rule (domain/petitions/screening.ts) decides. */
export const screeningFormSchema = z
  .object({
    version,
    sender: z.enum(SENDER_IDENTITIES, { error: 'Cần chọn người gửi có tên, giấu tên hay mạo tên' }),
    addressKnown: z.boolean({ error: 'Cần xác định có rõ địa chỉ người gửi hay không' }),
    specific: z.boolean({ error: 'Cần xác định nội dung có cụ thể hay không' }),
    verifiable: z.boolean({ error: 'Cần xác định có căn cứ thẩm tra, xác minh hay không' }),
    concludedBefore: z.boolean().default(false),
    newEvidence: z.boolean().default(false),
    mixedComplaintAndDenunciation: z.boolean().default(false),
    withdrawn: z.boolean().default(false),
    withdrawalCoerced: z.boolean().default(false),
    takeOver: z.boolean().default(false),
    note: text('ghi chú', 0, 4000).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.newEvidence && !v.concludedBefore)
      ctx.addIssue({ code: 'custom', path: ['newEvidence'], message: 'Chỉ xét chứng cứ mới khi vụ việc đã được kết luận trước đó' });
    if (v.withdrawalCoerced && !v.withdrawn)
      ctx.addIssue({ code: 'custom', path: ['withdrawalCoerced'], message: 'Chỉ xét việc bị ép buộc khi người gửi đã rút đơn' });
  });
export type ScreeningForm = z.input<typeof screeningFormSchema>;

/** One extension; the maximum depends on the kind and level and is checked by the rule. */
export const extensionFormSchema = z.object({
  version,
  workingDays: z
    .number({ error: 'Số ngày gia hạn không hợp lệ' })
    .int('Số ngày gia hạn phải là số nguyên')
    .min(1, 'Số ngày gia hạn phải lớn hơn 0'),
  reason: text('lý do gia hạn', 5, 2000),
});

export const preCongressFormSchema = z.object({
  version,
  congressOpensOn: isoDate('Ngày khai mạc đại hội'),
  relatedToCongress: z.boolean({ error: 'Cần xác định đơn có liên quan đến đại hội hay không' }),
});
