// Catalogue of discipline (domain.md §4) and complaints about discipline (§5): forms, circumstances,
// sources, statuses, refusal grounds and outcomes, with their Vietnamese labels. Constants only — the
// module engineers add their zod schemas in their own common files. Codes match migration 0011's CHECKs.

/** Forms for a member, light → heavy (Điều lệ Đảng, Điều 35, khoản 2). */
export const MEMBER_FORMS = ['reprimand', 'warning', 'removal', 'expulsion'] as const;
/** Forms for an organisation, light → heavy (Điều lệ Đảng, Điều 35, khoản 1). */
export const ORG_FORMS = ['reprimand', 'warning', 'dissolution'] as const;
/** Every form, ordered light → heavy (member and organisation forms are only ever compared within their own kind). */
export const DISCIPLINE_FORMS = ['reprimand', 'warning', 'removal', 'expulsion', 'dissolution'] as const;
export type MemberForm = (typeof MEMBER_FORMS)[number];
export type OrgForm = (typeof ORG_FORMS)[number];
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];

export const FORM_LABELS: Record<DisciplineForm, string> = {
  reprimand: 'Khiển trách',
  warning: 'Cảnh cáo',
  removal: 'Cách chức',
  expulsion: 'Khai trừ',
  dissolution: 'Giải tán',
};

/** Severity for counting down and comparing (kept / heavier / lighter): higher is heavier; the position in DISCIPLINE_FORMS. */
export const FORM_RANK: Record<DisciplineForm, number> = {
  reprimand: 1,
  warning: 2,
  removal: 3,
  expulsion: 4,
  dissolution: 5,
};

export function isDisciplineForm(x: unknown): x is DisciplineForm {
  return typeof x === 'string' && (DISCIPLINE_FORMS as readonly string[]).includes(x);
}

/**
 * Areas where a violation has no limitation period whatever its form (Quy định 69-QĐ/TW, quy định về thời hiệu;
 * domain.md §4). `unlawful_diploma` applies to members only.
 */
export const SPECIAL_AREAS = ['political_protection', 'defence', 'security', 'foreign_affairs', 'unlawful_diploma'] as const;
export type SpecialArea = (typeof SPECIAL_AREAS)[number];
export const SPECIAL_AREA_LABELS: Record<SpecialArea, string> = {
  political_protection: 'Bảo vệ chính trị nội bộ',
  defence: 'Quốc phòng (gây phương hại đến lợi ích quốc gia)',
  security: 'An ninh (gây phương hại đến lợi ích quốc gia)',
  foreign_affairs: 'Đối ngoại (gây phương hại đến lợi ích quốc gia)',
  unlawful_diploma: 'Sử dụng văn bằng, chứng chỉ, chứng nhận không hợp pháp',
};

/** Mitigating circumstances (Quy định 69-QĐ/TW, nguyên tắc xử lý kỷ luật; domain.md §4). */
export const MITIGATING = ['self_reported', 'honest', 'stopped_voluntarily', 'repaired_harm'] as const;
export type Mitigating = (typeof MITIGATING)[number];
export const MITIGATING_LABELS: Record<Mitigating, string> = {
  self_reported: 'Chủ động báo cáo vi phạm, tự giác nhận kỷ luật',
  honest: 'Thành khẩn kiểm điểm, nhận khuyết điểm',
  stopped_voluntarily: 'Tự giác chấm dứt vi phạm',
  repaired_harm: 'Chủ động khắc phục một phần hoặc toàn bộ hậu quả',
};

/** Aggravating circumstances (Quy định 69-QĐ/TW, nguyên tắc xử lý kỷ luật; domain.md §4). */
export const AGGRAVATING = [
  'not_fixed_after_conclusion',
  'suppressed_reporters',
  'obstructed_verification',
  'falsified_evidence',
  'exploited_emergency',
  'repeated',
] as const;
export type Aggravating = (typeof AGGRAVATING)[number];
export const AGGRAVATING_LABELS: Record<Aggravating, string> = {
  not_fixed_after_conclusion: 'Không tự giác khắc phục khuyết điểm, vi phạm sau khi đã có kết luận',
  suppressed_reporters: 'Trù dập, trả thù người tố cáo, người làm chứng',
  obstructed_verification: 'Cản trở, gây khó khăn cho việc kiểm tra, xác minh',
  falsified_evidence: 'Làm sai lệch, che giấu, tiêu hủy chứng cứ',
  exploited_emergency: 'Lợi dụng tình trạng khẩn cấp, thiên tai, dịch bệnh để vi phạm',
  repeated: 'Tái phạm hoặc vi phạm nhiều lần',
};

/** Where a matter comes from (migration 0011, discipline_matter.source). */
export const MATTER_SOURCES = ['case', 'state_notice', 'court', 'petition', 'other'] as const;
export type MatterSource = (typeof MATTER_SOURCES)[number];
export const MATTER_SOURCE_LABELS: Record<MatterSource, string> = {
  case: 'Kết luận kiểm tra',
  state_notice: 'Thông báo của cơ quan nhà nước',
  court: 'Bản án, quyết định của tòa án',
  petition: 'Đơn thư',
  other: 'Nguồn khác',
};

export const MATTER_STATUSES = ['open', 'postponed', 'decided', 'no_discipline', 'withdrawn'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];
export const MATTER_STATUS_LABELS: Record<MatterStatus, string> = {
  open: 'Đang xem xét',
  postponed: 'Tạm hoãn xem xét',
  decided: 'Đã quyết định kỷ luật',
  no_discipline: 'Không kỷ luật',
  withdrawn: 'Rút, dừng xem xét',
};

/**
 * Why a complaint about discipline is not accepted (Điều lệ Đảng, Điều 39; Quy định 296-QĐ/TW;
 * domain.md §5).
 */
export const COMPLAINT_REFUSAL_GROUNDS = [
  'late',
  'skipped_level',
  'several_levels',
  'on_behalf',
  'already_decided',
  'court_sentence',
  'not_yet_received',
  'refused_to_receive',
  'moved_organisation',
] as const;
export type ComplaintRefusalGround = (typeof COMPLAINT_REFUSAL_GROUNDS)[number];
export const COMPLAINT_REFUSAL_LABELS: Record<ComplaintRefusalGround, string> = {
  late: 'Quá thời hạn khiếu nại (một tháng, tính là 30 ngày làm việc từ ngày ghi trong biên bản công bố quyết định)',
  skipped_level: 'Khiếu nại vượt cấp',
  several_levels: 'Gửi khiếu nại đồng thời đến nhiều cấp',
  on_behalf: 'Khiếu nại hộ, khiếu nại thay người khác',
  already_decided: 'Đã được cấp có thẩm quyền cao nhất xem xét, kết luận, quyết định',
  court_sentence: 'Đảng viên bị kỷ luật liên quan đến bản án, quyết định của tòa án đang có hiệu lực pháp luật',
  not_yet_received: 'Khiếu nại khi chưa nhận được quyết định kỷ luật bằng văn bản',
  refused_to_receive: 'Đảng viên đã từ chối nhận quyết định kỷ luật',
  moved_organisation: 'Đã chuyển sinh hoạt sang tổ chức đảng thuộc cấp ủy cấp trên khác quản lý',
};

/** How a complaint ends (migration 0011, discipline_complaint.outcome). */
export const COMPLAINT_OUTCOMES = ['kept', 'heavier', 'lighter', 'annulled'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
export const COMPLAINT_OUTCOME_LABELS: Record<ComplaintOutcome, string> = {
  kept: 'Giữ nguyên hình thức kỷ luật',
  heavier: 'Tăng hình thức kỷ luật',
  lighter: 'Giảm hình thức kỷ luật',
  annulled: 'Xóa bỏ quyết định kỷ luật',
};

/** Who resolves a complaint (complaintResolver): the next level up, or the final levels. */
export const COMPLAINT_LEVELS = ['next_up', 'central_ubkt', 'secretariat'] as const;
export type ComplaintLevel = (typeof COMPLAINT_LEVELS)[number];
export const COMPLAINT_LEVEL_LABELS: Record<ComplaintLevel, string> = {
  next_up: 'Cấp ủy, ủy ban kiểm tra cấp trên trực tiếp',
  central_ubkt: 'Ủy ban Kiểm tra Trung ương',
  secretariat: 'Ban Bí thư',
};

/** What a decision sets in motion (migration 0011, discipline_task.kind). */
export const TASK_KINDS = ['administrative_discipline', 'notify_member_org', 'announce'] as const;
export type DisciplineTaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_LABELS: Record<DisciplineTaskKind, string> = {
  administrative_discipline: 'Đề nghị xử lý kỷ luật hành chính (chính quyền, đoàn thể) tương ứng',
  notify_member_org: 'Thông báo cho tổ chức đảng quản lý đảng viên',
  announce: 'Công bố quyết định kỷ luật',
};
