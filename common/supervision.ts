// Committee members' regular supervision (issue #4 point 6): areas and fields assigned to each committee
// member, their six-month and yearly reports, who has not reported, and the compilation for the
// standing committee. Shared by the server routes and the web client.
import { z } from 'zod';

export const SUPERVISION_PERIODS = ['half', 'year'] as const;
export type SupervisionPeriod = (typeof SUPERVISION_PERIODS)[number];
export const SUPERVISION_PERIOD_LABELS: Record<SupervisionPeriod, string> = {
  half: '6 tháng đầu năm',
  year: 'Cả năm',
};

export const REPORT_STATUSES = ['on_time', 'late', 'missing', 'not_due', 'not_required'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  on_time: 'Đã gửi đúng hạn',
  late: 'Gửi muộn',
  missing: 'Chưa gửi (quá hạn)',
  not_due: 'Chưa đến hạn',
  not_required: 'Không phải báo cáo kỳ này',
};

export const SUPERVISION_AUDIT_LABELS: Record<string, string> = {
  'supervision.area_create': 'Phân công địa bàn, lĩnh vực giám sát cho cấp ủy viên',
  'supervision.area_update': 'Sửa phân công địa bàn, lĩnh vực giám sát',
  'supervision.area_end': 'Kết thúc phân công địa bàn, lĩnh vực giám sát',
  'supervision.report_submit': 'Cấp ủy viên gửi báo cáo giám sát thường xuyên',
  'supervision.report_update': 'Cấp ủy viên gửi lại (sửa) báo cáo giám sát thường xuyên',
  'supervision.compile': 'Chốt tổng hợp báo cáo giám sát thường xuyên của cấp ủy viên',
  'supervision.compiled_download': 'Tải báo cáo tổng hợp giám sát thường xuyên của cấp ủy viên',
  'supervision.setting': 'Đặt hạn gửi báo cáo giám sát thường xuyên của cấp ủy viên',
};

const isoDate = (label: string) => z.iso.date({ error: `${label} không hợp lệ` });
const year = z.coerce
  .number({ error: 'Năm không hợp lệ' })
  .int('Năm không hợp lệ')
  .min(2000, 'Năm không hợp lệ')
  .max(2199, 'Năm không hợp lệ');
const period = z.enum(SUPERVISION_PERIODS, { error: 'Kỳ báo cáo phải là 6 tháng (half) hoặc năm (year)' });
const text = (label: string, max: number) =>
  z
    .string({ error: `${label} là bắt buộc` })
    .trim()
    .max(max, `${label} tối đa ${max.toLocaleString('vi-VN')} ký tự`)
    .transform((s) => s.normalize('NFC'));
const holderName = text('Họ và tên cấp ủy viên', 200).pipe(z.string().min(2, 'Họ và tên phải có ít nhất 2 ký tự'));
const fieldList = z.array(text('Lĩnh vực', 200).pipe(z.string().min(2, 'Lĩnh vực phải có ít nhất 2 ký tự'))).max(20, 'Tối đa 20 lĩnh vực');
const orgIds = z.array(z.uuid({ error: 'Tổ chức không hợp lệ' })).max(200, 'Tối đa 200 tổ chức');
const version = z.number({ error: 'Thiếu phiên bản bản ghi' }).int().min(0);

export const areaCreateSchema = z.object({
  bodyOrgId: z.uuid({ error: 'Cấp ủy không hợp lệ' }),
  userId: z.uuid({ error: 'Tài khoản cấp ủy viên không hợp lệ' }).nullable().default(null),
  memberId: z.uuid({ error: 'Đảng viên không hợp lệ' }).nullable().default(null),
  /** Defaults to the member's or the user's name. */
  holderName: holderName.nullable().default(null),
  area: text('Địa bàn được phân công', 500).pipe(z.string().min(2, 'Cần ghi địa bàn được phân công')),
  fields: fieldList.default([]),
  subjectOrgIds: orgIds.default([]),
  fromDate: isoDate('Ngày bắt đầu'),
  toDate: isoDate('Ngày kết thúc').nullable().default(null),
});
export type AreaCreate = z.input<typeof areaCreateSchema>;

export const areaUpdateSchema = z.object({
  holderName: holderName.optional(),
  area: areaCreateSchema.shape.area.optional(),
  fields: fieldList.optional(),
  subjectOrgIds: orgIds.optional(),
  fromDate: isoDate('Ngày bắt đầu').optional(),
  /** Setting it ends the assignment (the committee member no longer reports from the period it ends in). */
  toDate: isoDate('Ngày kết thúc').nullable().optional(),
  version,
});
export type AreaUpdate = z.input<typeof areaUpdateSchema>;

export const areasQuerySchema = z.object({
  orgId: z.uuid({ error: 'Tổ chức không hợp lệ' }).optional(),
  /** Only the areas assigned to the signed-in user. */
  mine: z.enum(['true', 'false']).optional(),
});

export const supervisionAreaSchema = z.object({
  id: z.uuid(),
  bodyOrgId: z.uuid(),
  bodyOrgName: z.string(),
  userId: z.uuid().nullable(),
  memberId: z.uuid().nullable(),
  holderName: z.string(),
  area: z.string(),
  fields: z.array(z.string()),
  subjectOrgs: z.array(z.object({ id: z.uuid(), name: z.string() })),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  version: z.number().int(),
});
export type SupervisionArea = z.infer<typeof supervisionAreaSchema>;

export const candidateSchema = z.object({ userId: z.uuid(), fullName: z.string(), username: z.string(), orgName: z.string() });
export type Candidate = z.infer<typeof candidateSchema>;

export const reportSubmitSchema = z.object({
  year,
  period,
  content: text('Nội dung đã giám sát', 20_000).pipe(z.string().min(20, 'Cần nêu nội dung đã giám sát (ít nhất 20 ký tự)')),
  findings: text('Kết quả, ưu điểm, hạn chế', 20_000).nullable().default(null),
  proposals: text('Kiến nghị, đề xuất', 20_000).nullable().default(null),
  signsOfViolation: z.boolean({ error: 'Cần cho biết có phát hiện dấu hiệu vi phạm không' }).default(false),
  /** 0 for a first report; the report's version when sending it again (correction before compilation). */
  version,
});
export type ReportSubmit = z.input<typeof reportSubmitSchema>;

export const supervisionReportSchema = z.object({
  id: z.uuid(),
  areaId: z.uuid(),
  bodyOrgId: z.uuid(),
  holderName: z.string(),
  area: z.string(),
  fields: z.array(z.string()),
  year: z.number().int(),
  period,
  content: z.string(),
  findings: z.string().nullable(),
  proposals: z.string().nullable(),
  signsOfViolation: z.boolean(),
  submittedAt: z.string(),
  submittedByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
  dueOn: z.string().nullable(),
  late: z.boolean(),
  /** True once the UBKT has compiled the period: the report can no longer be corrected. */
  compiled: z.boolean(),
  version: z.number().int(),
});
export type SupervisionReport = z.infer<typeof supervisionReportSchema>;

export const periodQuerySchema = z.object({
  orgId: z.uuid({ error: 'Tổ chức không hợp lệ' }),
  year,
  period,
});
export type PeriodQuery = z.infer<typeof periodQuerySchema>;

export const compilationSchema = z.object({
  compiledAt: z.string(),
  compiledByName: z.string().nullable(),
  reportsCount: z.number().int(),
  missingCount: z.number().int(),
});

export const periodStatusSchema = z.object({
  org: z.object({ id: z.uuid(), name: z.string() }),
  year: z.number().int(),
  period,
  periodStart: z.string(),
  periodEnd: z.string(),
  opensOn: z.string(),
  dueOn: z.string(),
  compilation: compilationSchema.nullable(),
  rows: z.array(
    z.object({
      areaId: z.uuid(),
      holderName: z.string(),
      userId: z.uuid().nullable(),
      area: z.string(),
      fields: z.array(z.string()),
      fromDate: z.string(),
      toDate: z.string().nullable(),
      status: z.enum(REPORT_STATUSES),
      report: z
        .object({ id: z.uuid(), submittedAt: z.string(), late: z.boolean(), signsOfViolation: z.boolean(), version: z.number().int() })
        .nullable(),
    }),
  ),
  counts: z.record(z.enum(REPORT_STATUSES), z.number().int()),
});
export type PeriodStatus = z.infer<typeof periodStatusSchema>;

/** A committee's own due dates; the platform defaults (10 working days, from the period's last month) otherwise. */
export const settingInputSchema = z.object({
  halfDueWorkingDays: z.number({ error: 'Cần số ngày làm việc' }).int().min(0, 'Từ 0 đến 60 ngày').max(60, 'Từ 0 đến 60 ngày'),
  yearDueWorkingDays: z.number({ error: 'Cần số ngày làm việc' }).int().min(0, 'Từ 0 đến 60 ngày').max(60, 'Từ 0 đến 60 ngày'),
  opensMonthsBeforeEnd: z.number({ error: 'Cần số tháng' }).int().min(1, 'Từ 1 đến 6 tháng').max(6, 'Từ 1 đến 6 tháng'),
  /** 0 while the committee uses the defaults. */
  version,
});
export type SettingInput = z.input<typeof settingInputSchema>;

export const settingSchema = settingInputSchema.extend({
  orgId: z.uuid(),
  isDefault: z.boolean(),
});
export type SupervisionSetting = z.infer<typeof settingSchema>;
