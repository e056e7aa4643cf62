import { z } from 'zod';
import { cccdProblem, normaliseCccd } from './cccd.ts';
import { POST_CATEGORIES, POST_CODES, SENSITIVE_AREAS } from './posts.ts';

export const MEMBER_STATUSES = ['probationary', 'full', 'left', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  probationary: 'Đảng viên dự bị',
  full: 'Đảng viên chính thức',
  left: 'Đã ra khỏi Đảng',
  deceased: 'Đã từ trần',
};
export const GENDERS = ['male', 'female'] as const;
export const GENDER_LABELS = { male: 'Nam', female: 'Nữ' } as const;

export const RELATIONS = ['spouse', 'child', 'father', 'mother', 'father_in_law', 'mother_in_law', 'sibling'] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Record<Relation, string> = {
  spouse: 'Vợ/chồng',
  child: 'Con',
  father: 'Bố',
  mother: 'Mẹ',
  father_in_law: 'Bố vợ/chồng',
  mother_in_law: 'Mẹ vợ/chồng',
  sibling: 'Anh, chị, em ruột',
};

const isoDate = (label: string) => z.iso.date({ error: `${label} không hợp lệ` });
const name = z
  .string({ error: 'Họ và tên là bắt buộc' })
  .trim()
  .min(2, 'Họ và tên phải có ít nhất 2 ký tự')
  .max(200, 'Họ và tên tối đa 200 ký tự');
export const cccdInput = z
  .string()
  .transform(normaliseCccd)
  .refine((v) => cccdProblem(v) === null, { message: 'Số CCCD không hợp lệ (12 chữ số, đúng cấu trúc)' });

// The fields without defaults: a PATCH must leave what it does not send untouched.
const memberFields = z.object({
  fullName: name,
  gender: z.enum(GENDERS, { error: 'Giới tính không hợp lệ' }).nullable(),
  birthDate: isoDate('Ngày sinh').nullable(),
  cccd: cccdInput.nullable(),
  partyCardNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z.-]{4,20}$/, 'Số thẻ đảng viên không hợp lệ')
    .nullable(),
  status: z.enum(MEMBER_STATUSES, { error: 'Tình trạng đảng viên không hợp lệ' }),
  admittedOn: isoDate('Ngày vào Đảng').nullable(),
  confirmedOn: isoDate('Ngày chính thức').nullable(),
  secrecy: z.number().int().min(0).max(3),
});

export const memberInputSchema = z.object({
  orgId: z.uuid({ error: 'Chi bộ không hợp lệ' }),
  fullName: memberFields.shape.fullName,
  gender: memberFields.shape.gender.default(null),
  birthDate: memberFields.shape.birthDate.default(null),
  cccd: memberFields.shape.cccd.default(null),
  partyCardNo: memberFields.shape.partyCardNo.default(null),
  status: memberFields.shape.status.default('full'),
  admittedOn: memberFields.shape.admittedOn.default(null),
  confirmedOn: memberFields.shape.confirmedOn.default(null),
  secrecy: memberFields.shape.secrecy.default(0),
});
export type MemberInput = z.input<typeof memberInputSchema>;

export const memberUpdateSchema = memberFields.partial().extend({
  version: z.number({ error: 'Thiếu phiên bản bản ghi' }).int(),
});

export const memberListItemSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  gender: z.enum(GENDERS).nullable(),
  birthDate: z.string().nullable(),
  cccdMasked: z.string().nullable(),
  partyCardNo: z.string().nullable(),
  status: z.enum(MEMBER_STATUSES),
  orgId: z.uuid(),
  orgName: z.string(),
  currentPosts: z.array(z.string()),
});
export type MemberListItem = z.infer<typeof memberListItemSchema>;

export const postSchema = z.object({
  id: z.uuid(),
  category: z.enum(POST_CATEGORIES),
  code: z.string(),
  title: z.string(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  workplace: z.string().nullable(),
  isHead: z.boolean(),
  managedByOrgId: z.uuid().nullable(),
  managedByOrgName: z.string().nullable(),
  sensitiveAreas: z.array(z.enum(SENSITIVE_AREAS)),
  fromDate: z.string(),
  toDate: z.string().nullable(),
});
export const postInputSchema = z.object({
  code: z.enum(POST_CODES, { error: 'Chức vụ không hợp lệ' }),
  title: z.string().trim().min(2, 'Tên chức vụ phải có ít nhất 2 ký tự').max(200).optional(),
  category: z.enum(POST_CATEGORIES).optional(),
  orgId: z.uuid().nullable().default(null),
  workplace: z.string().trim().max(300).nullable().default(null),
  managedByOrgId: z.uuid().nullable().default(null),
  sensitiveAreas: z.array(z.enum(SENSITIVE_AREAS, { error: 'Lĩnh vực nhạy cảm không hợp lệ' })).default([]),
  fromDate: isoDate('Ngày bắt đầu'),
  toDate: isoDate('Ngày kết thúc').nullable().default(null),
});

export const relativeSchema = z.object({
  id: z.uuid(),
  relation: z.enum(RELATIONS),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  cccdMasked: z.string().nullable(),
  occupation: z.string().nullable(),
  workplace: z.string().nullable(),
});
export const relativeInputSchema = z.object({
  relation: z.enum(RELATIONS, { error: 'Quan hệ không hợp lệ' }),
  fullName: name,
  birthDate: isoDate('Ngày sinh').nullable().default(null),
  cccd: cccdInput.nullable().default(null),
  occupation: z.string().trim().max(200).nullable().default(null),
  workplace: z.string().trim().max(300).nullable().default(null),
});

export const transferSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  orgPath: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  reason: z.string().nullable(),
});
export const transferInputSchema = z.object({
  toOrgId: z.uuid({ error: 'Chi bộ chuyển đến không hợp lệ' }),
  date: isoDate('Ngày chuyển'),
  reason: z.string().trim().max(500).nullable().default(null),
  version: z.number().int(),
});

export const memberSchema = memberListItemSchema.extend({
  provinceCode: z.string().nullable(),
  orgPath: z.string(),
  admittedOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  secrecy: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  posts: z.array(postSchema),
  relatives: z.array(relativeSchema),
  transfers: z.array(transferSchema),
});
export type Member = z.infer<typeof memberSchema>;

export const MEMBER_SORTS = ['name', 'birthDate', 'admittedOn'] as const;
export const memberQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  orgId: z.uuid({ error: 'Tổ chức không hợp lệ' }).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  post: z.enum(POST_CODES).optional(),
  sort: z.enum(MEMBER_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MemberQuery = z.infer<typeof memberQuerySchema>;

/** An open post held in one unit, with its holder (the unit's committee and inspection committee). */
export const unitPostSchema = z.object({
  postId: z.uuid(),
  code: z.string(),
  title: z.string(),
  fromDate: z.string(),
  memberId: z.uuid(),
  fullName: z.string(),
});
export type UnitPost = z.infer<typeof unitPostSchema>;
