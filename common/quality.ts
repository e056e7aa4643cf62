// Data quality of the registry ("đúng, đủ, sạch, sống", domain.md §9): what is missing, stale or
// suspected duplicate, per organisation; and merging two records of one person. Shared with the web.
import { z } from 'zod';
import { memberSchema } from './members.ts';
import { ORG_KINDS } from './orgs.ts';

/** A record not updated for this long is "not live" (kept current) any more. */
export const STALE_MONTHS = 24;

export const QUALITY_ISSUES = ['missing_cccd', 'missing_birth_date', 'stale'] as const;
export type QualityIssue = (typeof QUALITY_ISSUES)[number];
export const QUALITY_ISSUE_LABELS: Record<QualityIssue, string> = {
  missing_cccd: 'Thiếu số CCCD',
  missing_birth_date: 'Thiếu ngày sinh',
  stale: `Không được cập nhật quá ${STALE_MONTHS} tháng`,
};

export const DUPLICATE_REASONS = ['same_name_birth_date', 'same_name_missing_birth_date', 'same_party_card', 'relative_is_member'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];
export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  same_name_birth_date: 'Trùng họ tên (không phân biệt dấu) và ngày sinh',
  same_name_missing_birth_date: 'Trùng họ tên, có hồ sơ thiếu ngày sinh',
  same_party_card: 'Trùng số thẻ đảng viên',
  relative_is_member: 'Người thân được khai có cùng số CCCD với một đảng viên (để tham khảo)',
};

export const qualityFiguresSchema = z.object({
  /** Active members (dự bị, chính thức), merged records excluded. */
  members: z.number().int(),
  missingCccd: z.number().int(),
  missingBirthDate: z.number().int(),
  /** Open cells and grassroots organisations with no sitting secretary (Bí thư). */
  withoutSecretary: z.number().int(),
  /** Open chi bộ with fewer than three full members (Điều lệ Đảng, Điều 21). */
  tooFewFullMembers: z.number().int(),
  stale: z.number().int(),
  /** Groups of suspected duplicates (same name and birth date, or same name with a birth date missing). */
  duplicateGroups: z.number().int(),
});
export type QualityFigures = z.infer<typeof qualityFiguresSchema>;

export const qualityRowSchema = qualityFiguresSchema.extend({
  orgId: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  childCount: z.number().int(),
  validTo: z.string().nullable(),
  /** True for the row of the unit itself: its own members only, not its sub-units'. */
  self: z.boolean(),
});
export type QualityRow = z.infer<typeof qualityRowSchema>;

export const qualitySummarySchema = z.object({
  orgId: z.uuid(),
  staleMonths: z.number().int(),
  rows: z.array(qualityRowSchema),
  total: qualityFiguresSchema,
});
export type QualitySummary = z.infer<typeof qualitySummarySchema>;

export const qualityOrgQuerySchema = z.object({ orgId: z.uuid({ error: 'Tổ chức không hợp lệ' }) });

export const qualityMemberSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.string().nullable(),
  cccdMasked: z.string().nullable(),
  partyCardNo: z.string().nullable(),
  orgId: z.uuid(),
  orgName: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type QualityMember = z.infer<typeof qualityMemberSchema>;

export const duplicateGroupSchema = z.object({
  reason: z.enum(DUPLICATE_REASONS),
  label: z.string(),
  /** For relative_is_member: which relative of the first member carries the second member's CCCD. */
  detail: z.string().nullable(),
  members: z.array(qualityMemberSchema),
});
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>;
export const duplicatesSchema = z.object({ items: z.array(duplicateGroupSchema), truncated: z.boolean() });

export const qualityListQuerySchema = qualityOrgQuerySchema.extend({
  issue: z.enum(QUALITY_ISSUES, { error: 'Loại vấn đề dữ liệu không hợp lệ' }),
  page: z.coerce.number().int().min(1, 'Trang phải từ 1 trở lên').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'Mỗi trang tối đa 200 dòng').default(50),
});
export const qualityListSchema = z.object({ items: z.array(qualityMemberSchema), total: z.number().int() });

export const memberMergeSchema = z.object({
  keepId: z.uuid({ error: 'Hồ sơ giữ lại không hợp lệ' }),
  mergeId: z.uuid({ error: 'Hồ sơ được gộp không hợp lệ' }),
  reason: z.string({ error: 'Cần nêu lý do gộp hồ sơ' }).trim().min(5, 'Lý do gộp hồ sơ phải có ít nhất 5 ký tự').max(1000),
});
export type MemberMerge = z.input<typeof memberMergeSchema>;
export const memberMergeResultSchema = memberSchema;
