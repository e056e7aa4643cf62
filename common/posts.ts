// Posts (chức vụ) a member may hold, by category, and the sensitive areas of domain.md §1.

export const POST_CATEGORIES = ['party', 'state', 'mass', 'other'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];
export const POST_CATEGORY_LABELS: Record<PostCategory, string> = {
  party: 'Chức vụ Đảng',
  state: 'Chức vụ chính quyền',
  mass: 'Chức vụ đoàn thể',
  other: 'Khác',
};

export interface PostKind {
  code: string;
  category: PostCategory;
  label: string;
  /** Người đứng đầu: the head of the organisation or agency. */
  head: boolean;
}

export const POST_KINDS: readonly PostKind[] = [
  { code: 'secretary', category: 'party', label: 'Bí thư', head: true },
  { code: 'deputy_secretary', category: 'party', label: 'Phó Bí thư', head: false },
  { code: 'standing_member', category: 'party', label: 'Ủy viên Ban Thường vụ', head: false },
  { code: 'committee_member', category: 'party', label: 'Cấp ủy viên', head: false },
  { code: 'ubkt_chair', category: 'party', label: 'Chủ nhiệm Ủy ban Kiểm tra', head: true },
  { code: 'ubkt_deputy', category: 'party', label: 'Phó Chủ nhiệm Ủy ban Kiểm tra', head: false },
  { code: 'ubkt_member', category: 'party', label: 'Ủy viên Ủy ban Kiểm tra', head: false },
  { code: 'state_head', category: 'state', label: 'Chủ tịch, Thủ trưởng cơ quan', head: true },
  { code: 'state_deputy', category: 'state', label: 'Phó Chủ tịch, Phó Thủ trưởng cơ quan', head: false },
  { code: 'department_head', category: 'state', label: 'Trưởng phòng, ban', head: true },
  { code: 'department_deputy', category: 'state', label: 'Phó Trưởng phòng, ban', head: false },
  { code: 'civil_servant', category: 'state', label: 'Công chức, viên chức', head: false },
  { code: 'enterprise_manager', category: 'state', label: 'Quản lý doanh nghiệp nhà nước', head: false },
  { code: 'mass_head', category: 'mass', label: 'Chủ tịch, Bí thư đoàn thể', head: true },
  { code: 'mass_deputy', category: 'mass', label: 'Phó Chủ tịch, Phó Bí thư đoàn thể', head: false },
  { code: 'other', category: 'other', label: 'Chức vụ khác', head: false },
];
export const POST_CODES = POST_KINDS.map((p) => p.code) as [string, ...string[]];
export const POST_BY_CODE = new Map(POST_KINDS.map((p) => [p.code, p]));

export const SENSITIVE_AREAS = ['personnel', 'land', 'finance', 'construction', 'procurement', 'projects'] as const;
export type SensitiveArea = (typeof SENSITIVE_AREAS)[number];
export const SENSITIVE_AREA_LABELS: Record<SensitiveArea, string> = {
  personnel: 'Công tác cán bộ',
  land: 'Đất đai, tài nguyên, môi trường',
  finance: 'Tài chính, ngân hàng',
  construction: 'Xây dựng cơ bản',
  procurement: 'Mua sắm tài sản công',
  projects: 'Dự án, chương trình',
};
