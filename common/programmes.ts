// Programmes (chương trình kiểm tra, giám sát) for a term and for each year, and their items
// (issue #4, point 1): the request and response shapes the server's routes and the web client share.
import { z } from 'zod';
import { BODY_TYPES, CASE_KINDS, CASE_STATUSES, STEP_CODES } from './cases.ts';
import { secrecy, version } from './fields.ts';

export const PROGRAMME_PERIODS = ['term', 'year'] as const;
export type ProgrammePeriod = (typeof PROGRAMME_PERIODS)[number];
export const PROGRAMME_PERIOD_LABELS: Record<ProgrammePeriod, string> = { term: 'Toàn khóa (nhiệm kỳ)', year: 'Hằng năm' };

export const PROGRAMME_STATUSES = ['draft', 'approved', 'amending'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export const PROGRAMME_STATUS_LABELS: Record<ProgrammeStatus, string> = {
  draft: 'Dự thảo',
  approved: 'Đã phê duyệt',
  amending: 'Đang điều chỉnh',
};

export const ITEM_STATUSES = ['planned', 'cancelled'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = { planned: 'Trong chương trình', cancelled: 'Đã hủy' };

/** A Party term runs five years (e.g. 2025–2030: Điều lệ Đảng, Điều 13). */
export const TERM_MAX_SPAN = 5;

export const PROGRAMME_AUDIT_LABELS: Record<string, string> = {
  'programme.create': 'Lập chương trình kiểm tra, giám sát',
  'programme.update': 'Sửa chương trình kiểm tra, giám sát',
  'programme.approve': 'Phê duyệt chương trình kiểm tra, giám sát',
  'programme.amend': 'Mở điều chỉnh chương trình kiểm tra, giám sát',
  'programme.item_add': 'Thêm nội dung vào chương trình',
  'programme.item_update': 'Sửa nội dung chương trình',
  'programme.item_cancel': 'Hủy nội dung chương trình',
};

const year = z.coerce
  .number({ error: 'Năm không hợp lệ' })
  .int('Năm không hợp lệ')
  .min(2000, 'Năm không hợp lệ')
  .max(2199, 'Năm không hợp lệ');
const title = z
  .string({ error: 'Tên chương trình là bắt buộc' })
  .trim()
  .min(5, 'Tên chương trình phải có ít nhất 5 ký tự')
  .max(500, 'Tên chương trình tối đa 500 ký tự');
const reason = (what: string) =>
  z
    .string({ error: `Cần nêu ${what}` })
    .trim()
    .min(5, `${what.charAt(0).toUpperCase()}${what.slice(1)} phải có ít nhất 5 ký tự`)
    .max(1000);
const decisionNo = z.string().trim().max(100, 'Số quyết định tối đa 100 ký tự').nullable();

export const programmeQuerySchema = z.object({
  orgId: z.uuid({ error: 'Tổ chức không hợp lệ' }).optional(),
  year: year.optional(),
});
export type ProgrammeQuery = z.infer<typeof programmeQuerySchema>;

export const programmeInputSchema = z
  .object({
    orgId: z.uuid({ error: 'Chọn tổ chức đảng' }),
    bodyType: z.enum(BODY_TYPES, { error: 'Chọn cơ quan ban hành chương trình' }),
    period: z.enum(PROGRAMME_PERIODS, { error: 'Chọn loại chương trình (toàn khóa hoặc hằng năm)' }),
    yearFrom: year,
    yearTo: year.optional(),
    title,
    secrecy: secrecy.default(0),
  })
  .superRefine((v, ctx) => {
    const to = v.yearTo ?? v.yearFrom;
    if (v.period === 'year' && to !== v.yearFrom)
      ctx.addIssue({ code: 'custom', path: ['yearTo'], message: 'Chương trình hằng năm chỉ gồm một năm.' });
    if (v.period === 'term' && (to <= v.yearFrom || to - v.yearFrom > TERM_MAX_SPAN))
      ctx.addIssue({
        code: 'custom',
        path: ['yearTo'],
        message: `Nhiệm kỳ kết thúc sau năm bắt đầu, tối đa ${TERM_MAX_SPAN} năm (ví dụ 2025–2030).`,
      });
  });
export type ProgrammeInput = z.input<typeof programmeInputSchema>;

export const programmeUpdateSchema = z.object({ title: title.optional(), secrecy: secrecy.optional(), version });
export type ProgrammeUpdate = z.input<typeof programmeUpdateSchema>;

export const approveSchema = z.object({ decisionNo: decisionNo.default(null), version });
export const amendSchema = z.object({ reason: reason('lý do điều chỉnh'), version });
export const cancelItemSchema = z.object({ reason: reason('lý do hủy'), version });

const isoDate = (label: string) => z.iso.date({ error: `${label} không hợp lệ` });
const itemFields = z.object({
  kind: z.enum(CASE_KINDS, { error: 'Chọn loại công việc kiểm tra, giám sát' }),
  subjectOrgId: z.uuid({ error: 'Tổ chức đảng được kiểm tra, giám sát không hợp lệ' }).nullable(),
  subjectMemberId: z.uuid({ error: 'Đảng viên được kiểm tra, giám sát không hợp lệ' }).nullable(),
  topic: z
    .string({ error: 'Nội dung là bắt buộc' })
    .trim()
    .min(5, 'Nội dung phải có ít nhất 5 ký tự')
    .max(2000, 'Nội dung tối đa 2.000 ký tự'),
  year: year.nullable(),
  periodFrom: isoDate('Thời gian bắt đầu').nullable(),
  periodTo: isoDate('Thời gian kết thúc').nullable(),
  responsibleOrgId: z.uuid({ error: 'Đơn vị chủ trì không hợp lệ' }).nullable(),
  leadName: z.string().trim().max(200, 'Tên người phụ trách tối đa 200 ký tự').nullable(),
});

export const itemInputSchema = itemFields
  .extend({
    subjectOrgId: itemFields.shape.subjectOrgId.default(null),
    subjectMemberId: itemFields.shape.subjectMemberId.default(null),
    year: itemFields.shape.year.default(null),
    periodFrom: itemFields.shape.periodFrom.default(null),
    periodTo: itemFields.shape.periodTo.default(null),
    responsibleOrgId: itemFields.shape.responsibleOrgId.default(null),
    leadName: itemFields.shape.leadName.default(null),
  })
  .superRefine((v, ctx) => {
    if ((v.subjectOrgId === null) === (v.subjectMemberId === null))
      ctx.addIssue({ code: 'custom', path: ['subjectOrgId'], message: 'Chọn một đối tượng: một tổ chức đảng hoặc một đảng viên.' });
  });
export type ItemInput = z.input<typeof itemInputSchema>;
export type ItemValues = z.output<typeof itemInputSchema>;

/** A PATCH leaves what it does not send untouched; a new subject replaces the old one whole. */
export const itemUpdateSchema = itemFields.partial().extend({ version });
export type ItemUpdate = z.input<typeof itemUpdateSchema>;
export type ItemUpdateValues = z.output<typeof itemUpdateSchema>;

export const itemCaseSchema = z.object({
  id: z.string(),
  code: z.string(),
  step: z.enum(STEP_CODES),
  status: z.enum(CASE_STATUSES),
});

export const programmeItemSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  seq: z.number().int(),
  year: z.number().int(),
  kind: z.enum(CASE_KINDS),
  subjectType: z.enum(['org', 'member']),
  subjectOrgId: z.string().nullable(),
  subjectMemberId: z.string().nullable(),
  subjectName: z.string(),
  topic: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  responsibleOrgId: z.string().nullable(),
  responsibleOrgName: z.string().nullable(),
  leadName: z.string().nullable(),
  status: z.enum(ITEM_STATUSES),
  cancelledReason: z.string().nullable(),
  version: z.number().int(),
  case: itemCaseSchema.nullable(),
});
export type ProgrammeItem = z.infer<typeof programmeItemSchema>;

export const programmeSummarySchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  bodyType: z.enum(BODY_TYPES),
  period: z.enum(PROGRAMME_PERIODS),
  yearFrom: z.number().int(),
  yearTo: z.number().int(),
  title: z.string(),
  status: z.enum(PROGRAMME_STATUSES),
  revision: z.number().int(),
  decisionNo: z.string().nullable(),
  approvedAt: z.string().nullable(),
  secrecy: z.number().int(),
  itemCount: z.number().int(),
  version: z.number().int(),
});
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;

export const revisionInfoSchema = z.object({
  revision: z.number().int(),
  reason: z.string().nullable(),
  decisionNo: z.string().nullable(),
  approvedAt: z.string(),
  approvedByName: z.string().nullable(),
});

export const programmeSchema = programmeSummarySchema.extend({
  /** While amending: why the approved programme was reopened (becomes the next revision's reason). */
  amendReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  items: z.array(programmeItemSchema),
  revisions: z.array(revisionInfoSchema),
});
export type Programme = z.infer<typeof programmeSchema>;

/** What a revision keeps: the programme and its items as approved. */
export const snapshotSchema = z.object({
  programme: z.object({
    title: z.string(),
    orgName: z.string(),
    bodyType: z.enum(BODY_TYPES),
    period: z.enum(PROGRAMME_PERIODS),
    yearFrom: z.number().int(),
    yearTo: z.number().int(),
    secrecy: z.number().int(),
  }),
  items: z.array(
    programmeItemSchema.pick({
      seq: true,
      year: true,
      kind: true,
      subjectType: true,
      subjectName: true,
      topic: true,
      periodFrom: true,
      periodTo: true,
      responsibleOrgName: true,
      leadName: true,
      status: true,
      cancelledReason: true,
    }),
  ),
});
export type ProgrammeSnapshot = z.infer<typeof snapshotSchema>;

export const revisionSchema = revisionInfoSchema.extend({ snapshot: snapshotSchema });
export type ProgrammeRevision = z.infer<typeof revisionSchema>;
