// Kinds of inspection and supervision work, the steps of a case and its statuses (domain.md §2, §3):
// the one catalogue the server's rules and the web's screens both read.

/** Kinds of work a case can be (domain.md §2; Điều lệ Đảng, Điều 30 and 32; Quy định 296-QĐ/TW). */
export const CASE_KINDS = [
  'inspection.signs',
  'inspection.ktgs_duty',
  'inspection.finance',
  'inspection.compliance',
  'supervision.regular',
  'supervision.thematic',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  'inspection.signs': 'Kiểm tra khi có dấu hiệu vi phạm',
  'inspection.ktgs_duty': 'Kiểm tra tổ chức đảng cấp dưới thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng',
  'inspection.finance': 'Kiểm tra tài chính đảng',
  'inspection.compliance': 'Kiểm tra việc chấp hành (kiểm tra chuyên đề)',
  'supervision.regular': 'Giám sát thường xuyên',
  'supervision.thematic': 'Giám sát chuyên đề',
};

export function isInspection(kind: CaseKind): boolean {
  return kind.startsWith('inspection.');
}

/** Who decides a case: the inspection committee, the party committee, its standing committee, or a chi bộ. */
export const BODY_TYPES = ['ubkt', 'committee', 'standing_committee', 'cell'] as const;
export type BodyType = (typeof BODY_TYPES)[number];
export const BODY_TYPE_LABELS: Record<BodyType, string> = {
  ubkt: 'Ủy ban Kiểm tra',
  committee: 'Cấp ủy',
  standing_committee: 'Ban Thường vụ',
  cell: 'Chi bộ',
};

/** Steps of a case (domain.md §3). Not every kind uses every step: see CASE_STEPS. */
export const STEP_CODES = [
  'monitoring',
  'decision',
  'handover',
  'explanation',
  'self_report',
  'verification',
  'subject_meeting',
  'results_report',
  'conclusion',
  'notice',
  'remediation',
  'closed',
] as const;
export type StepCode = (typeof STEP_CODES)[number];

export const STEP_LABELS: Record<StepCode, string> = {
  monitoring: 'Theo dõi, nắm tình hình đối tượng',
  decision: 'Quyết định, kế hoạch, thành lập đoàn và đề cương báo cáo',
  handover: 'Triển khai quyết định, kế hoạch đến đối tượng (biên bản triển khai)',
  explanation: 'Đối tượng báo cáo tự kiểm điểm, giải trình',
  self_report: 'Đối tượng tự kiểm tra, báo cáo',
  verification: 'Thẩm tra, xác minh; làm việc với đối tượng và tổ chức, cá nhân có liên quan',
  subject_meeting: 'Hội nghị của tổ chức đảng nơi đối tượng sinh hoạt',
  results_report: 'Đoàn báo cáo kết quả, trao đổi với đối tượng',
  conclusion: 'Cơ quan ra quyết định họp, kết luận (biểu quyết kỷ luật nếu có)',
  notice: 'Thông báo kết luận đến đối tượng và tổ chức, cá nhân có liên quan',
  remediation: 'Theo dõi việc khắc phục đến khi hoàn thành',
  closed: 'Kết thúc, lập và lưu hồ sơ',
};

/** Supervision does not conclude on violations: it evaluates and gives notice of its results. */
const SUPERVISION_LABELS: Partial<Record<StepCode, string>> = {
  decision: 'Quyết định, kế hoạch giám sát, thành lập đoàn (tổ) giám sát',
  self_report: 'Đối tượng báo cáo tự giám sát',
  verification: 'Nghiên cứu, làm việc với đối tượng và tổ chức, cá nhân có liên quan',
  results_report: 'Đoàn (tổ) báo cáo kết quả giám sát, trao đổi với đối tượng',
  conclusion: 'Cơ quan ra quyết định nghe báo cáo, nhận xét, đánh giá',
  notice: 'Thông báo kết quả giám sát',
  remediation: 'Theo dõi việc khắc phục, chấn chỉnh sau giám sát',
};
const REGULAR_SUPERVISION_LABELS: Partial<Record<StepCode, string>> = {
  results_report: 'Báo cáo kết quả giám sát thường xuyên',
  notice: 'Nhắc nhở, thông báo kết quả giám sát đến đối tượng',
};

/**
 * Ordered steps per kind (domain.md §3; Quy định 296-QĐ/TW, the procedures of each kind).
 * Signs of violation: explanatory report and the meeting of the subject's organisation.
 * Thematic inspection and supervision: a self-report instead, no meeting. Regular supervision
 * runs continuously (following meetings, reports, activities) and has no decision or team.
 */
export const CASE_STEPS: Record<CaseKind, readonly StepCode[]> = {
  'inspection.signs': [
    'decision',
    'handover',
    'explanation',
    'verification',
    'subject_meeting',
    'results_report',
    'conclusion',
    'notice',
    'remediation',
    'closed',
  ],
  'inspection.ktgs_duty': thematic(),
  'inspection.finance': thematic(),
  'inspection.compliance': thematic(),
  'supervision.regular': ['monitoring', 'results_report', 'notice', 'remediation', 'closed'],
  'supervision.thematic': thematic(),
};

function thematic(): readonly StepCode[] {
  return ['decision', 'handover', 'self_report', 'verification', 'results_report', 'conclusion', 'notice', 'remediation', 'closed'];
}

/** The label of a step as this kind of work names it. */
export function stepLabel(kind: CaseKind, step: StepCode): string {
  if (kind === 'supervision.regular') return REGULAR_SUPERVISION_LABELS[step] ?? SUPERVISION_LABELS[step] ?? STEP_LABELS[step];
  if (kind === 'supervision.thematic') return SUPERVISION_LABELS[step] ?? STEP_LABELS[step];
  return STEP_LABELS[step];
}

/** The three stages of domain.md §3, for grouping steps on screen. */
export const STAGES = ['preparation', 'execution', 'closing'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = { preparation: 'Chuẩn bị', execution: 'Tiến hành', closing: 'Kết thúc' };
export const STEP_STAGE: Record<StepCode, Stage> = {
  monitoring: 'execution',
  decision: 'preparation',
  handover: 'execution',
  explanation: 'execution',
  self_report: 'execution',
  verification: 'execution',
  subject_meeting: 'execution',
  results_report: 'execution',
  conclusion: 'closing',
  notice: 'closing',
  remediation: 'closing',
  closed: 'closing',
};

/** Status of a case, orthogonal to its step: a suspended case keeps the step it stopped at. */
export const CASE_STATUSES = ['open', 'suspended', 'cancelled', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Đang tiến hành',
  suspended: 'Tạm dừng',
  cancelled: 'Đã hủy bỏ',
  closed: 'Đã kết thúc',
};

/** Roles on an inspection or supervision team (đoàn, tổ kiểm tra / giám sát). */
export const TEAM_ROLES = ['leader', 'deputy', 'member', 'secretary'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  leader: 'Trưởng đoàn',
  deputy: 'Phó Trưởng đoàn',
  member: 'Thành viên',
  secretary: 'Thư ký',
};
